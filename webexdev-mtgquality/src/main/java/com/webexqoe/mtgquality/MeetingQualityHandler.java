package com.webexqoe.mtgquality;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.lambda.LambdaEvents;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Lambda entry point of {@code webexdev-mtgquality}:
 * {@code com.webexqoe.mtgquality.MeetingQualityHandler::handleRequest}. Invoked by hand (console
 * test event, {@code aws lambda invoke}, the local runner's {@code POST /invoke/webexdev-mtgquality})
 * while a meeting is in progress, and weekly by an EventBridge schedule: a scheduled event
 * ({@code "source": "aws.events"}) only rotates the token pair (the keep-alive), any other event
 * (the hand invoke; its content is not read further) runs the whole collection
 * (docs/behaviour.md#mtgquality).
 */
public final class MeetingQualityHandler implements RequestStreamHandler {

    static final String FUNCTION = "webexdev-mtgquality";

    private final MeetingQualityCollector collector;
    private final FunctionRun run;
    private final SnapStartPriming priming;

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public MeetingQualityHandler() {
        this(Env.system(), Clock.systemUTC());
        priming.register();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public MeetingQualityHandler(Env env, Clock clock) {
        this(wired(env, clock), new JsonLog(FUNCTION, System.out, clock));
    }

    public MeetingQualityHandler(MeetingQualityCollector collector, JsonLog log) {
        this(new Wired(collector, new SnapStartPriming(FUNCTION, List.of())), log);
    }

    private MeetingQualityHandler(Wired wired, JsonLog log) {
        this.collector = wired.collector();
        this.priming = wired.priming();
        this.run = new FunctionRun(log);
    }

    /** The production objects and the SnapStart priming that warms them. */
    record Wired(MeetingQualityCollector collector, SnapStartPriming priming) {
    }

    /** Reads exactly the variables of {@code FunctionVariables.MTGQUALITY}. */
    static MeetingQualityCollector wire(Env env, Clock clock) {
        return wired(env, clock, List.of()).collector();
    }

    /** {@link #wire(Env, Clock)} with more allowed analytics hosts (tests: the stand-in of a regional host). */
    static MeetingQualityCollector wire(Env env, Clock clock, List<URI> extraAnalyticsHosts) {
        return wired(env, clock, extraAnalyticsHosts).collector();
    }

    static Wired wired(Env env, Clock clock) {
        return wired(env, clock, List.of());
    }

    static Wired wired(Env env, Clock clock, List<URI> extraAnalyticsHosts) {
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
        SnapStartPriming priming = new SnapStartPriming(FUNCTION, List.of(
                new SnapStartPriming.Step("map the bundled qualities page", MeetingQualityHandler::mapBundledQualities),
                new SnapStartPriming.Step("marshal the secret reads", () -> {
                    secretStore.prime(settingsSecret);
                    secretStore.prime(tokenSecret);
                }),
                new SnapStartPriming.Step("marshal the DynamoDB writes", () -> table.primeWrites(DynamoQualityStore.primingItem()))));
        return new Wired(collector, priming);
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

    /** The SnapStart priming of this container (registered by the no-arg constructor). */
    SnapStartPriming priming() {
        return priming;
    }

    private static void mapBundledQualities() {
        try (InputStream in = MeetingQualityHandler.class.getResourceAsStream("/priming/qualities.json")) {
            JsonNode page = Json.MAPPER.readTree(in);
            List<JsonNode> items = new java.util.ArrayList<>();
            page.path("items").forEach(items::add);
            String meetingId = items.isEmpty() ? "" : items.get(0).path("meetingInstanceId").asText();
            QualityRecords.map(meetingId, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        run.handle(input, output, context, "meeting quality run", collector.source(), invocation ->
                scheduled(invocation.event())
                        ? collector.keepAlive(invocation.deadline(), invocation.log())
                        : collector.collect(invocation.deadline(), invocation.log()));
    }

    /**
     * Whether the event is EventBridge's scheduled event. A hand invoke may send anything (the
     * console's test event, {@code {}}, nothing); what is not JSON counts as a hand invoke.
     */
    static boolean scheduled(byte[] event) {
        if (event.length == 0) {
            return false;
        }
        try {
            return LambdaEvents.isScheduled(Json.MAPPER.readTree(event));
        } catch (IOException notJson) {
            return false;
        }
    }
}
