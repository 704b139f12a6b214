package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.standins.StandIns;
import com.webexqoe.te.poll.AlertPoll;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import com.webexqoe.testkit.faults.DeadEndpoints;
import com.webexqoe.testkit.faults.FaultRun;
import com.webexqoe.testkit.faults.HttpFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of every dependency of the te function through its real entry point, with distinctive
 * secret values: the four ThousandEyes calls of the poll (path-vis list, agent detail, network,
 * HTTP server) answering each {@link HttpFault}; Secrets Manager failing or gone; the bucket and
 * the polling table gone; and, for the webhook, its secret and table failing (503, nothing stored).
 * Each run ends before its deadline naming the failed source, keeps the previous graph files
 * exactly, stores no item missing a field, and the next run after the fault stores normally.
 */
class TeFaultsTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();
    @RegisterExtension
    static final WireMockExtension te = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(6);
    static final String BUCKET = "webexdev-dashboard";
    static final String SECRET = "webexdev/secrets";
    static final String TE_TOKEN = "SECRET-te-token-7f3a9c1e5b2d";
    static final String WEBHOOK_TOKEN = "SECRET-te-webhook-token-4e8b0d2f";
    static final String CLIENT_SECRET = "SECRET-te-client-secret-91ac";
    static final List<String> SECRETS = List.of(TE_TOKEN, WEBHOOK_TOKEN, CLIENT_SECRET, StandIns.SECRET_KEY);
    static final String POLLING = PollingTable.SCHEMA.tableName();
    static final String ALERTS = AlertTable.SCHEMA.tableName();
    static final Instant NOW = Instant.parse("2026-11-27T15:20:00Z");
    static final String RAW_KEY = "2026-11-28.json";
    static final byte[] SCHEDULED = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    static final String AID = "?aid=1234";
    static final String MMP = "/v7/test-results/281474976710706/path-vis";
    static final String WZ = "/v7/test-results/281474976710801/path-vis";
    static final String CB = "/v7/test-results/281474976710802/path-vis";
    static final String NET = "/v7/test-results/281474976710706/network";
    static final String HTTP = "/v7/test-results/281474976710801/http-server";

    /** The poll's calls, with what each answers when it works and what its failure must leave alone. */
    enum Call {
        PATH_VIS_LIST(MMP + AID, "path-vis-v7-mmp-list.json", "API_URL_MMP"),
        AGENT_DETAIL(MMP + "/agent/101/round/1764234600" + AID, "path-vis-v7-mmp-agent-101-gap-and-full.json", "API_URL_MMP"),
        NETWORK(NET + AID, "network-v7-two-agents.json", "API_URL_MMP_NET"),
        HTTP_SERVER(HTTP + AID, "http-server-v7-two-agents.json", "API_URL_HTTP_WEB");

        final String url;
        final String fixture;
        final String variable;

        Call(String url, String fixture, String variable) {
            this.url = url;
            this.fixture = fixture;
            this.variable = variable;
        }
    }

    static Stream<Arguments> callsAndFaults() {
        return Arrays.stream(Call.values()).flatMap(call -> Arrays.stream(HttpFault.values()).map(fault -> Arguments.of(call, fault)));
    }

    @BeforeEach
    void standIns() {
        dynamo.create(PollingTable.SCHEMA.createTableRequest());
        dynamo.create(AlertTable.SCHEMA.createTableRequest());
        s3.createBucket(BUCKET);
        aws.givenSecret(SECRET, Map.of("TE_OAUTHBEARER_TOKEN_V7", TE_TOKEN, "TE_WEBHOOK_TOKEN", WEBHOOK_TOKEN,
                "CLIENT_SECRET", CLIENT_SECRET, "userEmail", "someone@example.com"));
        // what an earlier poll left: a failed test's files must stay exactly so
        for (String key : List.of("resource.json", "resource-wz.json", "resource-cb.json", RAW_KEY)) {
            s3.client().putObject(r -> r.bucket(BUCKET).key(key).contentType("application/json"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString(previous(key)));
        }
    }

    static String previous(String key) {
        return "[{\"previous\":\"" + key + "\"}]";
    }

    static StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .s3(s3.endpoint())
                .secretsManager(aws.endpoint())
                .set("DYNAMODB_TABLENAME", ALERTS)
                .set("DYNAMODB_TABLENAME_PO", POLLING)
                .set("S3_BUCKET_NAME", BUCKET)
                .set("SECRETMANAGER_NAME", SECRET)
                .set("API_URL_MMP", te.baseUrl() + MMP + AID)
                .set("API_URL_WZ", te.baseUrl() + WZ + AID)
                .set("API_URL_CD", te.baseUrl() + CB + AID)
                .set("API_URL_MMP_NET", te.baseUrl() + NET + AID)
                .set("API_URL_HTTP_WEB", te.baseUrl() + HTTP + AID)
                .set("API_URL_ALERTS", te.baseUrl() + "/v7/alerts" + AID)
                .set("HTTP_CONNECT_TIMEOUT_MS", "500")
                .set("HTTP_READ_TIMEOUT_MS", "800")
                .set("HTTP_MAX_ATTEMPTS", "2")
                .set("TZ", "Asia/Tokyo");
    }

    static FaultRun run(StandInEnv env, byte[] event, Duration timeout) {
        return FaultRun.invoke(() -> new TeHandler(Env.of(env.toMap()), Clock.fixed(NOW, ZoneOffset.UTC)), TeHandler.FUNCTION, event, timeout);
    }

    static FaultRun poll(StandInEnv env) {
        return run(env, SCHEDULED, LAMBDA_TIMEOUT);
    }

    static byte[] fixture(String name) {
        return Fixtures.bytes("thousandeyes/" + name);
    }

    static void serve(String url, String fixture) {
        te.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/hal+json")
                .withBody(fixture(fixture))));
    }

    static void serveAll() {
        serve(MMP + AID, "path-vis-v7-mmp-list.json");
        serve(MMP + "/agent/101/round/1764234600" + AID, "path-vis-v7-mmp-agent-101-gap-and-full.json");
        serve(MMP + "/agent/202/round/1764234300" + AID, "path-vis-v7-mmp-agent-202-one-hop-and-late-start.json");
        serve(WZ + AID, "path-vis-v7-wz-list.json");
        serve(WZ + "/agent/303/round/1764234600" + AID, "path-vis-v7-wz-agent-303.json");
        serve(CB + AID, "path-vis-v7-cb-list.json");
        serve(CB + "/agent/404/round/1764234600" + AID, "path-vis-v7-cb-agent-404.json");
        serve(NET + AID, "network-v7-two-agents.json");
        serve(HTTP + AID, "http-server-v7-two-agents.json");
        serve("/v7/alerts" + AID, "alerts-v7-none.json");
        serve("/v7/alerts" + AID + "&" + AlertPoll.CLEAR_QUERY, "alerts-v7-none.json");
    }

    static String object(String key) {
        return s3.get(BUCKET, key).asUtf8String();
    }

    static List<Map<String, AttributeValue>> pollingItems() {
        return dynamo.scan(POLLING);
    }

    /** A graph file as the function writes it: a JSON array of route graphs, none empty. */
    static void assertGraphFile(String key) throws Exception {
        JsonNode graph = Json.read(object(key));
        assertThat(graph.isArray()).as(key).isTrue();
        assertThat(graph).as(key).isNotEmpty();
        assertThat(object(key)).doesNotContain("previous");
    }

    /** The next poll after the fault clears writes every file and an item with both result lists. */
    static void nextPollStoresNormally() throws Exception {
        serveAll();
        poll(env()).leaksNothing(SECRETS).succeeded();
        for (String key : List.of("resource.json", "resource-wz.json", "resource-cb.json")) {
            assertGraphFile(key);
        }
        assertThat(object(RAW_KEY)).doesNotContain("previous");
        assertThat(pollingItems()).singleElement().satisfies(item ->
                assertThat(item.keySet()).containsExactlyInAnyOrder("datetime", "day", "metrics", "response", "expiresAt"));
        assertNoSecretStored();
    }

    /** No secret in any item of either table or in any object of the bucket. */
    static void assertNoSecretStored() {
        StringBuilder stored = new StringBuilder(dynamo.scan(POLLING).toString()).append(dynamo.scan(ALERTS));
        s3.client().listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()
                .forEach(object -> stored.append(object.key()).append(object(object.key())));
        for (String secret : SECRETS) {
            assertThat(stored.toString()).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "ThousandEyes {0}: {1}")
    @MethodSource("callsAndFaults")
    void aThousandEyesFaultFailsNamingTheSourceKeepsItsFilesAndTheNextPollStores(Call call, HttpFault fault) throws Exception {
        serveAll();
        te.stubFor(get(urlEqualTo(call.url)).willReturn(fault.response(fixture(call.fixture), "application/hal+json",
                "X-Organization-Rate-Limit-Reset")));

        FaultRun failed = poll(env());

        failed.endedInTime().failedNaming("ThousandEyes poll incomplete", call.variable).leaksNothing(SECRETS);
        switch (call) {
            case PATH_VIS_LIST, AGENT_DETAIL -> {
                assertThat(object("resource.json")).isEqualTo(previous("resource.json"));
                assertThat(object(RAW_KEY)).isEqualTo(previous(RAW_KEY));
                assertGraphFile("resource-wz.json");
                assertGraphFile("resource-cb.json");
                assertThat(pollingItems()).singleElement().satisfies(item ->
                        assertThat(item.keySet()).containsExactlyInAnyOrder("datetime", "day", "metrics", "response", "expiresAt"));
            }
            case NETWORK -> assertThat(pollingItems()).singleElement().satisfies(item -> {
                assertThat(item.keySet()).containsExactlyInAnyOrder("datetime", "day", "response", "expiresAt");
                assertThat(item.get("response").l()).isNotEmpty();
            });
            case HTTP_SERVER -> assertThat(pollingItems()).singleElement().satisfies(item -> {
                assertThat(item.keySet()).containsExactlyInAnyOrder("datetime", "day", "metrics", "expiresAt");
                assertThat(item.get("metrics").l()).isNotEmpty();
            });
        }
        if (call == Call.NETWORK || call == Call.HTTP_SERVER) {
            assertGraphFile("resource.json");
        }

        nextPollStoresNormally();
    }

    @ParameterizedTest(name = "Secrets Manager: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "HTTP_429_WITHOUT_HEADER", "CONNECTION_RESET", "EMPTY_RESPONSE",
            "RANDOM_DATA_THEN_CLOSE", "EMPTY_BODY", "TRUNCATED_BODY", "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void aSecretsManagerFaultFailsThePollNamingTheSecretAndWritesNothing(HttpFault fault) throws Exception {
        serveAll();
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE))
                .willReturn(fault.response("{}".getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1", "Retry-After")));

        FaultRun failed = run(env(), SCHEDULED, Duration.ofSeconds(10));

        failed.endedInTime().failedNaming("ThousandEyes poll incomplete").leaksNothing(SECRETS);
        assertThat(failed.error().getMessage()).containsIgnoringCase("secret");
        assertThat(te.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).as("ThousandEyes calls without a token").isEmpty();
        for (String key : List.of("resource.json", "resource-wz.json", "resource-cb.json", RAW_KEY)) {
            assertThat(object(key)).isEqualTo(previous(key));
        }
        assertThat(pollingItems()).isEmpty();
        assertThat(aws.secretString(SECRET).orElseThrow()).contains(TE_TOKEN);

        aws.givenSecret(SECRET, Map.of("TE_OAUTHBEARER_TOKEN_V7", TE_TOKEN, "TE_WEBHOOK_TOKEN", WEBHOOK_TOKEN,
                "CLIENT_SECRET", CLIENT_SECRET, "userEmail", "someone@example.com"));
        nextPollStoresNormally();
    }

    /** A garbled GetSecretValue answer, the token a bare word: the JSON parser would quote it in its message. */
    @Test
    void aGarbledSecretsAnswerIsNeverQuoted() {
        serveAll();
        String bare = "SECRETteToken7f3a9c1e5b2dGarbled";
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"arn:aws:secretsmanager:us-east-1:000000000000:secret:webexdev/secrets-AbCdEf\","
                                + "\"Name\":\"webexdev/secrets\",\"SecretString\":" + bare + "}")));

        FaultRun failed = poll(env());

        failed.endedInTime().failedNaming("ThousandEyes poll incomplete", "Secrets Manager secret " + SECRET)
                .leaksNothing(List.of(bare, "SECRETteToken"));
        assertThat(pollingItems()).isEmpty();
    }

    @Test
    void aHungSecretsManagerFailsWithinTheSdksCallTimeout() {
        serveAll();
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            FaultRun failed = run(env().secretsManager(hung.endpoint()), SCHEDULED, Duration.ofSeconds(10));

            failed.endedInTime().failedNaming("ThousandEyes poll incomplete", "Secrets Manager", SECRET).leaksNothing(SECRETS);
            assertThat(failed.elapsed()).isLessThan(AwsClientSettings.API_CALL_TIMEOUT.plusSeconds(2));
        }
        assertThat(pollingItems()).isEmpty();
    }

    @Test
    void aBucketOnAClosedPortFailsNamingIt_theTableStillGetsItsItem() throws Exception {
        serveAll();

        FaultRun failed = poll(env().s3(DeadEndpoints.closedPort()));

        failed.endedInTime().failedNaming("ThousandEyes poll incomplete", "S3 bucket " + BUCKET).leaksNothing(SECRETS);
        for (String key : List.of("resource.json", "resource-wz.json", "resource-cb.json", RAW_KEY)) {
            assertThat(object(key)).isEqualTo(previous(key));
        }
        assertThat(pollingItems()).singleElement().satisfies(item ->
                assertThat(item.keySet()).containsExactlyInAnyOrder("datetime", "day", "metrics", "response", "expiresAt"));
        nextPollStoresNormally();
    }

    @Test
    void aHungBucketFailsWithinTheDeadline() {
        serveAll();
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            FaultRun failed = run(env().s3(hung.endpoint()), SCHEDULED, Duration.ofSeconds(10));

            failed.endedInTime().failedNaming("ThousandEyes poll incomplete", "S3 bucket " + BUCKET).leaksNothing(SECRETS);
        }
        assertThat(object("resource.json")).isEqualTo(previous("resource.json"));
    }

    @Test
    void aPollingTableOnAClosedPortFailsNamingIt_theGraphsAreStillWritten() throws Exception {
        serveAll();

        FaultRun failed = poll(env().dynamoDb(DeadEndpoints.closedPort()));

        failed.endedInTime().failedNaming("ThousandEyes poll incomplete", "DynamoDB table " + POLLING).leaksNothing(SECRETS);
        assertGraphFile("resource.json");
        assertThat(pollingItems()).isEmpty();
        nextPollStoresNormally();
    }

    // --- the webhook ------------------------------------------------------------------------

    static final String TRIGGER = Fixtures.text("alerts/alert-trigger-http-server-response-time.json");

    static byte[] webhookEvent() {
        ObjectNode event = (ObjectNode) Fixtures.json("events/apigateway-post-tecloudagent.json");
        event.put("body", TRIGGER);
        ((ObjectNode) event.get("headers")).put("Authorization", "Bearer " + WEBHOOK_TOKEN);
        ((ObjectNode) event.get("multiValueHeaders")).putArray("Authorization").add("Bearer " + WEBHOOK_TOKEN);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode webhookAnswer(FaultRun run) throws Exception {
        return Json.read(run.succeeded());
    }

    static List<Map<String, AttributeValue>> alertItems() {
        return dynamo.scan(ALERTS).stream().filter(item -> !item.get("datetime").s().startsWith("#")).toList();
    }

    static void nextDeliveryIsStored() throws Exception {
        FaultRun again = run(env(), webhookEvent(), LAMBDA_TIMEOUT).leaksNothing(SECRETS);
        assertThat(webhookAnswer(again).get("statusCode").asInt()).isEqualTo(200);
        assertThat(alertItems()).hasSize(1);
        assertNoSecretStored();
    }

    @ParameterizedTest(name = "webhook, Secrets Manager: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "CONNECTION_RESET", "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void theWebhookAnswers503WhenItsSecretFailsAndStoresTheRedelivery(HttpFault fault) throws Exception {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE))
                .willReturn(fault.response("{}".getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1", "Retry-After")));

        FaultRun failed = run(env(), webhookEvent(), LAMBDA_TIMEOUT).endedInTime().leaksNothing(SECRETS);

        assertThat(webhookAnswer(failed).get("statusCode").asInt()).isEqualTo(503);
        assertThat(failed.output()).contains("te webhook cannot read its secret").containsIgnoringCase("secret " + SECRET);
        assertThat(dynamo.scan(ALERTS)).isEmpty();

        aws.givenSecret(SECRET, Map.of("TE_OAUTHBEARER_TOKEN_V7", TE_TOKEN, "TE_WEBHOOK_TOKEN", WEBHOOK_TOKEN,
                "CLIENT_SECRET", CLIENT_SECRET));
        nextDeliveryIsStored();
    }

    @Test
    void theWebhookAnswers503WhenItsTableIsUnreachableAndStoresTheRedelivery() throws Exception {
        FaultRun failed = run(env().dynamoDb(DeadEndpoints.closedPort()), webhookEvent(), LAMBDA_TIMEOUT).endedInTime().leaksNothing(SECRETS);

        assertThat(webhookAnswer(failed).get("statusCode").asInt()).isEqualTo(503);
        assertThat(failed.output()).contains("DynamoDB table " + ALERTS);
        assertThat(dynamo.scan(ALERTS)).isEmpty();
        nextDeliveryIsStored();
    }

    @Test
    void theWebhookAnswers503BeforeItsDeadlineWhenItsTableHangs() throws Exception {
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            FaultRun failed = run(env().dynamoDb(hung.endpoint()), webhookEvent(), Duration.ofSeconds(10)).endedInTime().leaksNothing(SECRETS);

            assertThat(webhookAnswer(failed).get("statusCode").asInt()).isEqualTo(503);
        }
        assertThat(dynamo.scan(ALERTS)).isEmpty();
        nextDeliveryIsStored();
    }

    @Test
    void aBadBodyIsNever5xxEvenWhileStorageIsDown() throws Exception {
        ObjectNode event = (ObjectNode) Json.read(new String(webhookEvent(), StandardCharsets.UTF_8));
        event.put("body", "{\"eventId\": " + HttpFault.BODY_MARKER + "}");
        FaultRun bad = run(env().dynamoDb(DeadEndpoints.closedPort()), Json.write(event).getBytes(StandardCharsets.UTF_8), LAMBDA_TIMEOUT)
                .endedInTime().leaksNothing(SECRETS);

        assertThat(webhookAnswer(bad).get("statusCode").asInt()).isEqualTo(400);
        Optional.ofNullable(bad.answer()).ifPresent(answer -> assertThat(answer).doesNotContain(HttpFault.BODY_MARKER));
    }
}
