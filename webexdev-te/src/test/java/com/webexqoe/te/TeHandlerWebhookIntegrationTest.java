package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert webhook through the handler's real entry point: API Gateway proxy events (and raw alert
 * events) against dynalite and the Secrets Manager stand-in. The poll's variables are set as in AWS,
 * but nothing of the poll is reachable: a webhook call must not need it.
 */
class TeHandlerWebhookIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    static final String SECRET = "webexdev/secrets";
    static final String WEBHOOK_TOKEN = "whk-7f3a9c1e5b2d4f6a8c0e";
    static final String TABLE = AlertTable.SCHEMA.tableName();
    static final Instant NOW = Instant.parse("2026-11-27T15:20:00.123Z");
    static final String TRIGGER = Fixtures.text("alerts/alert-trigger-http-server-response-time.json");
    static final String CLEAR = Fixtures.text("alerts/alert-clear-http-server-response-code.json");

    @BeforeEach
    void standIns() {
        dynamo.create(AlertTable.SCHEMA.createTableRequest());
        givenToken(Optional.of(WEBHOOK_TOKEN));
    }

    static void givenToken(Optional<String> token) {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("TE_OAUTHBEARER_TOKEN_V7", "te-token");
        token.ifPresent(t -> secret.put("TE_WEBHOOK_TOKEN", t));
        aws.givenSecret(SECRET, secret);
    }

    static StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .s3(java.net.URI.create("http://127.0.0.1:9"))
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("DYNAMODB_TABLENAME_PO", PollingTable.SCHEMA.tableName())
                .set("S3_BUCKET_NAME", "webexdev-dashboard")
                .set("SECRETMANAGER_NAME", SECRET)
                // Poll-only settings that would fail a poll: the webhook must not care.
                .set("API_URL_MMP", "https://api.thousandeyes.com/v7/test-results/1/path-vis")
                .set("API_URL_WZ", "not a url")
                .set("API_URL_CD", "https://api.thousandeyes.com/v7/test-results/3/path-vis")
                .set("API_URL_MMP_NET", "https://api.thousandeyes.com/v7/test-results/1/network")
                .set("API_URL_HTTP_WEB", "https://api.thousandeyes.com/v7/test-results/2/http-server")
                .set("TZ", "Asia/Tokyo");
    }

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    TeHandler handler(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new TeHandler(new TeWiring(Env.of(env().toMap()), clock),
                new JsonLog("webexdev-te", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
    }

    /** The API Gateway REST proxy event of events/, with this body and Authorization header (or none). */
    static String proxyEvent(String body, Optional<String> authorization) {
        ObjectNode event = (ObjectNode) Fixtures.json("events/apigateway-post-tecloudagent.json");
        event.put("body", body);
        ObjectNode headers = (ObjectNode) event.get("headers");
        ObjectNode multi = (ObjectNode) event.get("multiValueHeaders");
        headers.remove("Authorization");
        multi.remove("Authorization");
        authorization.ifPresent(value -> {
            headers.put("authorization", value);
            multi.putArray("authorization").add(value);
        });
        return Json.write(event);
    }

    static Optional<String> bearer(String token) {
        return Optional.of("Bearer " + token);
    }

    /** Invokes and returns the API Gateway proxy response. */
    static JsonNode invoke(TeHandler handler, String event) throws Exception {
        return Json.read(LambdaInvoker.invoke(handler, "webexdev-te", event));
    }

    static JsonNode body(JsonNode response) throws Exception {
        return Json.read(response.get("body").asText());
    }

    /** The alert items, without the delivery markers. */
    static List<Map<String, AttributeValue>> alerts() {
        return dynamo.scan(TABLE).stream().filter(item -> !item.get("datetime").s().startsWith("#")).toList();
    }

    @Test
    void aTriggerIsStoredAsOneItemWithTheSpecsAttributes() throws Exception {
        JsonNode response = invoke(handler(NOW), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN)));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(body(response).get("stored").asBoolean()).isTrue();
        assertThat(alerts()).hasSize(1);
        Map<String, AttributeValue> item = alerts().get(0);
        assertThat(item.get("eventid").s()).isEqualTo("205647251-76947300");
        assertThat(item.get("datetime").s()).isEqualTo("2026-11-28T00:20:00.123");
        assertThat(item.get("day").s()).isEqualTo("2026-11-28");
        assertThat(item.get("type").s()).isEqualTo("HTTP Server");
        assertThat(item.get("active").n()).isEqualTo("1");
        assertThat(item.get("agentName").l()).extracting(AttributeValue::s).containsExactly("Tokyo, Japan (NTT)", "Tokyo, Japan (KDDI)");
        assertThat(item.get("metric").l()).extracting(AttributeValue::s).containsExactly("Response Time: 980 ms", "Response Time: 1,204 ms");
        assertThat(item.get("ruleExpression").s()).isEqualTo("Response Time ≥ 900 ms");
        assertThat(item.get("testName").s()).isEqualTo("Webex Web Zone");
        assertThat(AttributeValues.toJson(item.get("items"))).isEqualTo(Json.read(TRIGGER));
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(dynamo.client().query(q -> q.tableName(TABLE).indexName("byDay")
                .keyConditionExpression("#d = :d").expressionAttributeNames(Map.of("#d", "day"))
                .expressionAttributeValues(Map.of(":d", AttributeValue.builder().s("2026-11-28").build()))).items())
                .hasSize(1);
    }

    @Test
    void aMissingOrWrongTokenIsRefusedWith401AndNothingIsStored() throws Exception {
        JsonNode missing = invoke(handler(NOW), proxyEvent(TRIGGER, Optional.empty()));
        JsonNode wrong = invoke(handler(NOW), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN + "x")));
        JsonNode notBearer = invoke(handler(NOW), proxyEvent(TRIGGER, Optional.of("Basic " + WEBHOOK_TOKEN)));
        JsonNode raw = invoke(handler(NOW), TRIGGER);

        for (JsonNode response : List.of(missing, wrong, notBearer, raw)) {
            assertThat(response.get("statusCode").asInt()).isEqualTo(401);
            assertThat(response.get("headers").get("WWW-Authenticate").asText()).isEqualTo("Bearer");
        }
        assertThat(body(raw).get("error").asText()).isEqualTo("a raw event carries no bearer token");
        assertThat(dynamo.scan(TABLE)).isEmpty();
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain(WEBHOOK_TOKEN);
    }

    @Test
    void webhookTestIsAnswered200AndStoresNothing() throws Exception {
        JsonNode response = invoke(handler(NOW), proxyEvent(Fixtures.text("alerts/webhook-test.json"), bearer(WEBHOOK_TOKEN)));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(response).get("test").asBoolean()).isTrue();
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    @Test
    void aRedeliveryIsStoredOnce() throws Exception {
        JsonNode first = invoke(handler(NOW), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN)));
        JsonNode again = invoke(handler(NOW.plusSeconds(30)), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN)));

        assertThat(body(first).get("stored").asBoolean()).isTrue();
        assertThat(again.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(again).get("duplicate").asBoolean()).isTrue();
        assertThat(alerts()).hasSize(1);
        assertThat(alerts().get(0).get("datetime").s()).isEqualTo("2026-11-28T00:20:00.123");
    }

    @Test
    void withoutAConfiguredTokenTheEndpointIsOpenAndEveryCallWarns() throws Exception {
        givenToken(Optional.empty());

        JsonNode raw = invoke(handler(NOW), TRIGGER);
        JsonNode proxied = invoke(handler(NOW), proxyEvent(CLEAR, Optional.empty()));

        assertThat(raw.get("statusCode").asInt()).isEqualTo(200);
        assertThat(proxied.get("statusCode").asInt()).isEqualTo(200);
        assertThat(alerts()).extracting(item -> item.get("eventid").s())
                .containsExactlyInAnyOrder("205647251-76947300", "205647290-76947311");
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(line -> line.contains("\"level\":\"WARN\"") && line.contains("te webhook is open"))).hasSize(2);
    }

    @Test
    void ourOwnStorageFailingAnswers503AndTheRedeliveryIsThenStored() throws Exception {
        dynamo.drop(AlertTable.SCHEMA.tableName());

        JsonNode failed = invoke(handler(NOW), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN)));

        assertThat(failed.get("statusCode").asInt()).isEqualTo(503);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\"level\":\"ERROR\"")
                .contains("DynamoDB table webexdev-te does not exist");

        dynamo.create(AlertTable.SCHEMA.createTableRequest());
        JsonNode redelivered = invoke(handler(NOW.plusSeconds(60)), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN)));

        assertThat(redelivered.get("statusCode").asInt()).isEqualTo(200);
        assertThat(alerts()).hasSize(1);
    }

    @Test
    void aSecretThatCannotBeReadAnswers503() throws Exception {
        aws.givenNoSecret(SECRET);

        JsonNode response = invoke(handler(NOW), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN)));

        assertThat(response.get("statusCode").asInt()).isEqualTo(503);
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    @Test
    void badBodiesGet4xxWithAShortErrorAndTheTableHoldsExactlyTheValidAlerts() throws Exception {
        assertThat(invoke(handler(NOW), proxyEvent(TRIGGER, bearer(WEBHOOK_TOKEN))).get("statusCode").asInt()).isEqualTo(200);
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("", 400);
        bad.put("   \n", 400);
        bad.put("not json at all", 400);
        bad.put("[{\"eventId\":\"a-1\"}]", 400);
        bad.put("\"just a string\"", 400);
        bad.put("{}", 400);
        bad.put("{\"eventId\":123,\"alert\":{}}", 400);
        bad.put("{\"eventId\":\"\",\"alert\":{}}", 400);
        bad.put("{\"eventId\":\"a-2\"}", 400);
        bad.put("{\"eventId\":\"a-3\",\"alert\":\"HTTP Server\"}", 400);
        bad.put("{\"eventId\":\"a-4\",\"alert\":{\"agents\":{\"agentName\":\"x\"}}}", 400);
        bad.put("{\"eventId\":\"a-5\",\"alert\":{\"agents\":[\"Tokyo\"]}}", 400);
        bad.put("{\"eventId\":\"a-6\",\"alert\":{\"agents\":[{\"agentName\":5}]}}", 400);
        bad.put("{\"eventId\":\"a-7\",\"alert\":{\"agents\":[{\"agentName\":\"x\",\"metricsAtStart\":{\"ms\":980}}]}}", 400);
        bad.put("{\"eventId\":\"a-8\",\"alert\":{\"active\":\"yes\"}}", 400);
        bad.put("{\"eventId\":\"a-9\",\"alert\":{\"testName\":[\"Web\"]}}", 400);
        bad.put("{\"eventId\":\"a-10\",\"eventType\":7,\"alert\":{}}", 400);
        bad.put("{\"eventId\":\"a-11\",\"alert\":{}} trailing", 400);
        bad.put("{\"eventId\":\"a-12\",\"eventId\":\"a-13\",\"alert\":{}}", 400);
        bad.put("{\"eventId\":\"a-14\",\"alert\":{\"big\":1e400}}", 400);
        bad.put("{\"eventId\":\"a-15\",\"alert\":{\"\":1}}", 400);
        bad.put("{\"eventId\":\"a-16\",\"alert\":{\"deep\":" + "[".repeat(200) + "]".repeat(200) + "}}", 400);
        bad.put("{\"eventId\":\"a-17\",\"alert\":{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}}", 413);

        List<String> answers = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : bad.entrySet()) {
            JsonNode response = invoke(handler(NOW), proxyEvent(entry.getKey(), bearer(WEBHOOK_TOKEN)));
            String error = body(response).path("error").asText();
            answers.add(response.get("statusCode").asInt() + " " + error);
            assertThat(response.get("statusCode").asInt()).as(entry.getKey().length() > 80 ? entry.getKey().substring(0, 80) : entry.getKey())
                    .isEqualTo(entry.getValue());
            assertThat(error).isNotBlank().hasSizeLessThan(120);
        }
        // Raw events (the non-proxy integration) and a broken proxy envelope get the same treatment.
        givenToken(Optional.empty());
        assertThat(invoke(handler(NOW), "[1,2,3]").get("statusCode").asInt()).isEqualTo(400);
        assertThat(invoke(handler(NOW), "{\"eventId\":\"raw-1\"}").get("statusCode").asInt()).isEqualTo(400);
        ObjectNode base64 = (ObjectNode) Json.read(proxyEvent(TRIGGER, Optional.empty()));
        base64.put("isBase64Encoded", true).put("body", "%%% not base64 %%%");
        assertThat(invoke(handler(NOW), Json.write(base64)).get("statusCode").asInt()).isEqualTo(400);
        base64.put("body", Base64.getEncoder().encodeToString(CLEAR.getBytes(StandardCharsets.UTF_8)));
        assertThat(invoke(handler(NOW), Json.write(base64)).get("statusCode").asInt()).isEqualTo(200);

        assertThat(alerts()).extracting(item -> item.get("eventid").s())
                .containsExactlyInAnyOrder("205647251-76947300", "205647290-76947311");
        assertThat(answers).contains("400 eventId must be a non-empty string", "400 alert is missing",
                "400 alert.agents must be an array", "400 body is not valid JSON");
    }

    @Test
    void underSnapStartTheAwsClientsAreBuiltDuringInitOtherwiseOnFirstUse() {
        StandInEnv noRegion = env().remove("AWS_REGION");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        // On demand nothing is built yet, so the missing region is not noticed at init...
        new TeWiring(Env.of(noRegion.set("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand").toMap()), clock);
        // ...under SnapStart the clients are built for the snapshot, so it is.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TeWiring(
                        Env.of(noRegion.set("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start").toMap()), clock))
                .hasMessage("AWS_REGION is not set");
        assertThat(aws.requests(AwsJsonStub.GET_SECRET_VALUE)).isEmpty();
    }
}
