package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The production objects of {@code webexdev-mtgquality}, from the environment, and their SnapStart priming. */
final class MeetingQualityWiring {

    private MeetingQualityWiring() {
    }

    /** Reads exactly the variables of {@code FunctionVariables.MTGQUALITY}. */
    static Wired<MeetingQualityCollector> wired(Env env, Clock clock) {
        return wired(env, clock, List.of());
    }

    /** {@link #wired(Env, Clock)} with more allowed analytics hosts (tests: the stand-in of a regional host). */
    static Wired<MeetingQualityCollector> wired(Env env, Clock clock, List<URI> extraAnalyticsHosts) {
        String tableName = env.required(EnvVars.DYNAMODB_TABLENAME);
        String settingsSecret = env.required(EnvVars.SECRETMANAGER_NAME);
        String tokenSecret = env.required(EnvVars.SECRETMANAGER_TOKEN_NAME);
        URI apiBase = env.url(EnvVars.WEBEX_API_BASE_URL, EnvVars.WEBEX_API_BASE_URL_DEFAULT);
        URI analyticsBase = env.url(EnvVars.WEBEX_ANALYTICS_BASE_URL, EnvVars.WEBEX_ANALYTICS_BASE_URL_DEFAULT);
        boolean storeRawIps = storeRawIps(env);
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        DynamoDbClient dynamo = DynamoClients.create(aws);
        DynamoTable table = new DynamoTable(dynamo, tableName);
        SecretStore secretStore = new SecretStore(SecretsManagerClients.create(aws));
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        MeetingQualityCollector collector = new MeetingQualityCollector(
                new SecretsManagerTokenSecrets(secretStore, settingsSecret, tokenSecret),
                new HttpTokenEndpoint(http, URI.create(HttpWebexMeetings.base(apiBase) + "/access_token")),
                new HttpWebexMeetings(http, apiBase, analyticsBase, AnalyticsHosts.of(analyticsBase, extraAnalyticsHosts)),
                new DynamoQualityStore(table),
                new DynamoCallLedger(dynamo, tableName),
                storeRawIps,
                clock,
                HttpWebexMeetings.base(apiBase) + " + " + HttpWebexMeetings.base(analyticsBase));
        // SnapStart: map a bundled Meeting Qualities page; marshal the secret reads and the writes (stopped before sending).
        SnapStartPriming priming = new SnapStartPriming(MeetingQualityHandler.FUNCTION, List.of(
                new SnapStartPriming.Step("map the bundled qualities page", MeetingQualityWiring::mapBundledQualities),
                new SnapStartPriming.Step("marshal the secret reads", () -> {
                    secretStore.prime(settingsSecret);
                    secretStore.prime(tokenSecret);
                }),
                new SnapStartPriming.Step("marshal the DynamoDB writes", () -> table.primeWrites(DynamoQualityStore.primingItem()))));
        return new Wired<>(collector, priming);
    }

    /** {@code STORE_RAW_IPS}: {@code true} or {@code false} (absent: false); anything else fails naming it. */
    static boolean storeRawIps(Env env) {
        String value = env.optional(EnvVars.STORE_RAW_IPS).orElse("false");
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new WebexdevException(EnvVars.STORE_RAW_IPS + " must be true or false, got '" + value + "'");
    }

    private static void mapBundledQualities() {
        try (InputStream in = MeetingQualityWiring.class.getResourceAsStream("/priming/qualities.json")) {
            JsonNode page = Json.MAPPER.readTree(in);
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            String meetingId = items.isEmpty() ? "" : items.get(0).path("meetingInstanceId").asText();
            QualityRecords.map(meetingId, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
