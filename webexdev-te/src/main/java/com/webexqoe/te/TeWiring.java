package com.webexqoe.te;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.config.FunctionVariables;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.lambda.ClasspathResource;
import com.webexqoe.common.lambda.LambdaEvents;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.s3.ObjectStore;
import com.webexqoe.common.s3.S3Clients;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.te.alert.AlertParser;
import com.webexqoe.te.alert.AlertStore;
import com.webexqoe.te.alert.DynamoAlertStore;
import com.webexqoe.te.poll.DynamoPollingStore;
import com.webexqoe.te.poll.HttpThousandEyesApi;
import com.webexqoe.te.poll.PollUrls;
import com.webexqoe.te.poll.PollingStore;
import com.webexqoe.te.poll.S3GraphStore;
import com.webexqoe.te.poll.TePoller;
import com.webexqoe.te.poll.ThousandEyesApi;
import com.webexqoe.te.webhook.AlertWebhook;
import com.webexqoe.te.webhook.WebhookToken;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Production wiring. Every required variable is checked when the container starts (a missing
 * one fails at once, naming it); the clients are built on first use, so a webhook call never
 * pays for the S3 client or the poll's HTTP client, and a poll-only setting that is invalid
 * (an {@code API_URL_*} that is not a URL) fails the poll without touching the webhook. Under
 * SnapStart the AWS clients are built during init instead, so that they are in the snapshot.
 */
final class TeWiring {

    static final String SNAP_START = "snap-start";

    private final Env env;
    private final Clock clock;
    private final LocalTimes times;
    private final Lazy<AwsClientSettings> aws;
    private final Lazy<SecretStore> secrets;
    private final Lazy<DynamoDbClient> dynamo;
    private final Lazy<S3Client> s3;
    private final Lazy<TePoller> poller;
    private final Lazy<AlertWebhook> webhook;

    TeWiring(Env env, Clock clock) {
        this.env = env;
        this.clock = clock;
        for (String name : FunctionVariables.TE.required().stream().sorted().toList()) {
            env.required(name);
        }
        ZoneId zone = env.zone();
        this.times = new LocalTimes(clock, zone);
        this.aws = new Lazy<>(() -> AwsClientSettings.fromEnv(env));
        this.secrets = new Lazy<>(() -> new SecretStore(SecretsManagerClients.create(aws.get())));
        this.dynamo = new Lazy<>(() -> DynamoClients.create(aws.get()));
        this.s3 = new Lazy<>(() -> S3Clients.create(aws.get()));
        this.poller = new Lazy<>(this::newPoller);
        this.webhook = new Lazy<>(this::newWebhook);
        if (SNAP_START.equals(env.optional(EnvVars.AWS_LAMBDA_INITIALIZATION_TYPE).orElse(""))) {
            // SnapStart snapshots the container after init: the AWS clients built now are in the
            // snapshot instead of being built on the first invocation after each restore. Only
            // objects are made here: no secret is fetched and no connection is opened.
            dynamo.get();
            secrets.get();
            s3.get();
        }
    }

    TePoller poller() {
        return poller.get();
    }

    AlertWebhook webhook() {
        return webhook.get();
    }

    /**
     * SnapStart priming (run before the snapshot, never otherwise): read a scheduled event and
     * parse the bundled alert the way an invocation does; marshal the secret read, the DynamoDB
     * writes of both tables and the S3 writes through the real clients, each stopped before
     * sending. No secret is read, no item or object written, no ThousandEyes call made.
     */
    SnapStartPriming priming() {
        String secretName = env.required(EnvVars.SECRETMANAGER_NAME);
        return new SnapStartPriming(TeHandler.FUNCTION, List.of(
                new SnapStartPriming.Step("read the events and parse the bundled alert", () -> {
                    LambdaEvents.isScheduled(TeHandler.readJson(PRIMING_SCHEDULE.getBytes(StandardCharsets.UTF_8)).orElseThrow());
                    new AlertParser().parse(ClasspathResource.read("/priming/alert.json"));
                }),
                new SnapStartPriming.Step("marshal the secret read", () -> secrets.get().prime(secretName)),
                new SnapStartPriming.Step("marshal the DynamoDB writes", () -> {
                    new DynamoTable(dynamo.get(), env.required(EnvVars.DYNAMODB_TABLENAME)).primeWrites(DynamoAlertStore.primingItem());
                    new DynamoTable(dynamo.get(), env.required(EnvVars.DYNAMODB_TABLENAME_PO)).primeWrites(DynamoPollingStore.primingItem());
                }),
                new SnapStartPriming.Step("marshal the S3 writes", () -> new ObjectStore(s3.get(),
                        env.required(EnvVars.S3_BUCKET_NAME)).prime("resource.json", "[]".getBytes(StandardCharsets.UTF_8),
                        "application/json"))));
    }

    private TePoller newPoller() {
        PollUrls urls = PollUrls.fromEnv(env);
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        ThousandEyesApi api = new HttpThousandEyesApi(http, secrets.get(), env.required(EnvVars.SECRETMANAGER_NAME));
        ObjectStore bucket = new ObjectStore(s3.get(), env.required(EnvVars.S3_BUCKET_NAME));
        PollingStore polling = new DynamoPollingStore(new DynamoTable(dynamo.get(), env.required(EnvVars.DYNAMODB_TABLENAME_PO)));
        AlertStore alerts = new DynamoAlertStore(new DynamoTable(dynamo.get(), env.required(EnvVars.DYNAMODB_TABLENAME)), times);
        return new TePoller(api, urls, new S3GraphStore(bucket), polling, times, alerts);
    }

    private AlertWebhook newWebhook() {
        AlertStore alerts = new DynamoAlertStore(new DynamoTable(dynamo.get(), env.required(EnvVars.DYNAMODB_TABLENAME)), times);
        WebhookToken token = new WebhookToken(secrets.get(), env.required(EnvVars.SECRETMANAGER_NAME));
        return new AlertWebhook(token::credentials, clock, new AlertParser(), alerts);
    }

    /** The dispatcher's two parts, each built on first use, and the SnapStart priming. */
    Wired<TeHandler.Parts> wired() {
        return new Wired<>(new TeHandler.Parts(this::poller, this::webhook), priming());
    }

    /** An EventBridge scheduled event of constants (priming only). */
    private static final String PRIMING_SCHEDULE = "{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":\"Scheduled Event\","
            + "\"source\":\"aws.events\",\"time\":\"2000-01-01T00:00:00Z\",\"detail\":{}}";

    /** A value made on first use, once (a failure is not kept: the next call tries again). */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }
    }
}
