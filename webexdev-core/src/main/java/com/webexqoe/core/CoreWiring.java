package com.webexqoe.core;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.dynamo.KeyQuery;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.s3.ObjectStore;
import com.webexqoe.common.s3.S3Clients;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import com.webexqoe.core.history.DynamoHealthHistoryStore;
import com.webexqoe.core.history.HealthHistory;
import com.webexqoe.core.notify.DynamoNotifyStateStore;
import com.webexqoe.core.notify.HttpWebexMessages;
import com.webexqoe.core.notify.Notifier;
import com.webexqoe.core.notify.NotifyStateStore;
import com.webexqoe.core.page.PageRenderer;
import com.webexqoe.core.page.PageSettings;
import com.webexqoe.core.page.StaticAssets;
import com.webexqoe.core.sources.DynamoDashboardSources;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The production objects of {@code webexdev-core}, from the environment, and their SnapStart priming. */
final class CoreWiring {

    private CoreWiring() {
    }

    static Wired<DashboardRun> wired(Env env, Clock clock, JsonLog log) {
        String bucket = env.required(EnvVars.S3_BUCKET_NAME);
        String secretName = env.required(EnvVars.SECRETMANAGER_NAME);
        String status = env.required(EnvVars.DYNAMODB_TABLENAME_STATUS);
        String alerts = env.required(EnvVars.DYNAMODB_TABLENAME_TE);
        String polling = env.required(EnvVars.DYNAMODB_TABLENAME_TEPOLLING);
        String twitter = env.required(EnvVars.DYNAMODB_TABLENAME_TWITTER);
        String quality = env.required(EnvVars.DYNAMODB_TABLENAME_MTGQA);
        ZoneId zone = env.zone();
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        DynamoDbClient dynamo = DynamoClients.create(aws);
        DynamoDashboardSources.Tables tables = new DynamoDashboardSources.Tables(
                new DynamoTable(dynamo, status), new DynamoTable(dynamo, alerts), new DynamoTable(dynamo, polling),
                new DynamoTable(dynamo, twitter), new DynamoTable(dynamo, quality));
        SecretStore secrets = new SecretStore(SecretsManagerClients.create(aws), clock, SecretStore.DEFAULT_TTL);
        DynamoDashboardSources sources = new DynamoDashboardSources(tables, secrets, secretName, zone);
        ObjectStore store = new ObjectStore(S3Clients.create(aws), bucket);
        Optional<String> healthTable = env.optional(EnvVars.DYNAMODB_TABLENAME_HEALTH);
        Optional<NotifyStateStore> notifyState = healthTable.map(table -> new DynamoNotifyStateStore(dynamo, table));
        Optional<DynamoHealthHistoryStore> historyStore = healthTable.map(table -> new DynamoHealthHistoryStore(dynamo, table));
        HealthHistory history = historyStore.map(table -> new HealthHistory(table, log)).orElse(HealthHistory.off());
        Notifier notifier = new Notifier(Notifier.settings(env, zone, secretName, log), notifyState,
                new HttpWebexMessages(new HttpFetcher(HttpSettings.fromEnv(env)),
                        env.url(EnvVars.WEBEX_API_BASE_URL, EnvVars.WEBEX_API_BASE_URL_DEFAULT)), secrets, log);
        DashboardRun dashboard = new DashboardRun(sources, store, StaticAssets.fromClasspath(), new PageRenderer(), clock, zone,
                env.optional(EnvVars.DASHBOARD_BANNER), PageSettings.httpsUrl(env.optional(EnvVars.CLOUDWATCH_URL)))
                .withNotifier(notifier).withHistory(history);
        // SnapStart: render an empty page into memory (Thymeleaf, the score, the trend JSON); marshal the
        // reads, the secret read and the page's PUT (each stopped before sending).
        KeyQuery byDay = KeyQuery.on(DynamoDashboardSources.BY_DAY).partition(AlertTable.DAY, AttributeValues.s("2000-01-01"));
        List<SnapStartPriming.Step> steps = new ArrayList<>(List.of(
                new SnapStartPriming.Step("render an empty page into memory", dashboard::prime),
                new SnapStartPriming.Step("marshal the DynamoDB reads", () -> {
                    tables.status().primeReads(null);
                    tables.alerts().primeReads(byDay);
                    tables.polling().primeReads(byDay);
                    tables.twitter().primeReads(byDay);
                    tables.quality().primeReads(KeyQuery.on(DynamoDashboardSources.BY_USER)
                            .partition(QualityTable.USER_EMAIL, AttributeValues.s("priming@example.com")));
                }),
                new SnapStartPriming.Step("marshal the secret read", () -> secrets.prime(secretName)),
                new SnapStartPriming.Step("marshal the S3 calls", () -> store.prime(DashboardRun.INDEX,
                        "<!DOCTYPE html>".getBytes(StandardCharsets.UTF_8), DashboardRun.INDEX_TYPE))));
        historyStore.ifPresent(table -> steps.add(new SnapStartPriming.Step("marshal the health history's calls", table::prime)));
        SnapStartPriming priming = new SnapStartPriming(CoreHandler.FUNCTION, steps);
        return new Wired<>(dashboard, priming);
    }
}
