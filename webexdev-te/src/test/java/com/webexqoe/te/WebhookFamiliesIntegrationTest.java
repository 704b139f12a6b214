package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook families ThousandEyes sends today — classic alert and agent notifications, the
 * custom webhook's Generic preset and this project's custom template — and both kinds of
 * credentials, through the handler's real entry point against dynalite and the Secrets Manager
 * stand-in.
 */
class WebhookFamiliesIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    static final String SECRET = "webexdev/secrets";
    static final String TOKEN = "whk-families-2b7e";
    static final String USER = "thousandeyes";
    static final String PASSWORD = "pw: with colon & ümlaut";
    static final String TABLE = AlertTable.SCHEMA.tableName();
    static final Instant NOW = Instant.parse("2026-11-27T15:20:00.123Z");

    @BeforeEach
    void standIns() {
        dynamo.create(AlertTable.SCHEMA.createTableRequest());
        givenSecret(Map.of("TE_WEBHOOK_TOKEN", TOKEN));
    }

    static void givenSecret(Map<String, String> keys) {
        Map<String, String> secret = new LinkedHashMap<>(keys);
        secret.put("TE_OAUTHBEARER_TOKEN_V7", "te-token");
        aws.givenSecret(SECRET, secret);
    }

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    TeHandler handler() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Env env = Env.of(StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .s3(java.net.URI.create("http://127.0.0.1:9"))
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("DYNAMODB_TABLENAME_PO", PollingTable.SCHEMA.tableName())
                .set("S3_BUCKET_NAME", "webexdev-dashboard")
                .set("SECRETMANAGER_NAME", SECRET)
                .set("API_URL_MMP", "https://api.thousandeyes.com/v7/test-results/1/path-vis")
                .set("API_URL_WZ", "https://api.thousandeyes.com/v7/test-results/2/path-vis")
                .set("API_URL_CD", "https://api.thousandeyes.com/v7/test-results/3/path-vis")
                .set("API_URL_MMP_NET", "https://api.thousandeyes.com/v7/test-results/1/network")
                .set("API_URL_HTTP_WEB", "https://api.thousandeyes.com/v7/test-results/2/http-server")
                .set("TZ", "Asia/Tokyo").toMap());
        return new TeHandler(new TeWiring(env, clock),
                new JsonLog("webexdev-te", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
    }

    JsonNode post(String body, Optional<String> authorization) throws Exception {
        return Json.read(LambdaInvoker.invoke(handler(), "webexdev-te", TeHandlerWebhookIntegrationTest.proxyEvent(body, authorization)));
    }

    JsonNode post(String body) throws Exception {
        return post(body, Optional.of("Bearer " + TOKEN));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int status(JsonNode response) {
        return response.get("statusCode").asInt();
    }

    static String error(JsonNode response) throws Exception {
        return Json.read(response.get("body").asText()).path("error").asText();
    }

    static Map<String, AttributeValue> item(String eventId) {
        List<Map<String, AttributeValue>> found = dynamo.scan(TABLE).stream()
                .filter(item -> item.get("eventid").s().equals(eventId) && !item.get("datetime").s().startsWith("#")).toList();
        assertThat(found).as(eventId).hasSize(1);
        return found.get(0);
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        return item.get(name).l().stream().map(AttributeValue::s).toList();
    }

    // ---- classic ------------------------------------------------------------------------------

    @Test
    void classicTriggersAndClearsOfSeveralTestTypesKeepTheirAlertIdAsText() throws Exception {
        for (String fixture : List.of("alert-trigger-http-server-response-time.json", "alert-clear-http-server-response-code.json",
                "alert-trigger-network-uuid.json", "alert-clear-network-uuid.json")) {
            assertThat(status(post(Fixtures.text("alerts/" + fixture)))).as(fixture).isEqualTo(200);
        }

        Map<String, AttributeValue> httpTrigger = item("205647251-76947300");
        assertThat(httpTrigger.get("alertId").s()).isEqualTo("76947300");
        assertThat(httpTrigger.get("ruleName").s()).isEqualTo("Webex response time");
        assertThat(item("205647290-76947311").get("active").n()).isEqualTo("0");
        Map<String, AttributeValue> networkTrigger = item("7a1f0c2e-52d4-4b8e-9f65-3d0c1a2b4e77--c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1");
        Map<String, AttributeValue> networkClear = item("7a1f0c2e-52d4-4b8e-9f65-3d0c1a2b4e77--c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1-clear");
        assertThat(networkTrigger.get("alertId").s()).isEqualTo("c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1")
                .isEqualTo(networkClear.get("alertId").s());
        assertThat(networkTrigger.get("type").s()).isEqualTo("End-to-End (Server)");
        assertThat(networkTrigger.get("active").n()).isEqualTo("1");
        assertThat(networkClear.get("active").n()).isEqualTo("0");
        assertThat(strings(networkTrigger, "metric")).containsExactly("Latency: 245 ms");
        assertThat(networkTrigger).doesNotContainKey("agentAlert");
    }

    @Test
    void bothAgentNotificationShapesAreStoredWithTheAgentsNameAndMarkedAsAgentAlerts() throws Exception {
        assertThat(status(post(Fixtures.text("alerts/agent-alert-trigger-2025.json")))).isEqualTo(200);
        assertThat(status(post(Fixtures.text("alerts/agent-alert-clear-legacy.json")))).isEqualTo(200);

        Map<String, AttributeValue> trigger = item("562949953436734-562949955000593");
        assertThat(strings(trigger, "agentName")).containsExactly("home-raspberrypi");
        assertThat(trigger.get("agentAlert").bool()).isTrue();
        assertThat(trigger.get("alertId").s()).isEqualTo("562949955000593");
        assertThat(trigger.get("type").s()).isEqualTo("Agent");
        assertThat(trigger.get("active").n()).isEqualTo("1");
        assertThat(trigger.get("ruleName").s()).isEqualTo("Default Agent Offline Notification");
        Map<String, AttributeValue> clear = item("562949953436734-562949955000594");
        assertThat(strings(clear, "agentName")).containsExactly("home-raspberrypi");
        assertThat(clear.get("agentAlert").bool()).isTrue();
        assertThat(clear.get("active").n()).isEqualTo("0");
        assertThat(clear.get("alertId").s()).isEqualTo("562949955000593");
        assertThat(AttributeValues.toJson(clear.get("items"))).isEqualTo(Fixtures.json("alerts/agent-alert-clear-legacy.json"));
    }

    // ---- custom -------------------------------------------------------------------------------

    @Test
    void theGenericPresetsTriggerClearAndTestAreStoredAsSent() throws Exception {
        for (String fixture : List.of("generic-trigger.json", "generic-clear.json", "generic-test.json")) {
            assertThat(status(post(Fixtures.text("alerts/custom/" + fixture)))).as(fixture).isEqualTo(200);
        }

        Map<String, AttributeValue> trigger = item("9b0f6c1e-3a7d-4e25-8c4b-2f1d0e9a7b36");
        assertThat(trigger.get("active").n()).isEqualTo("1");
        assertThat(trigger.get("alertId").s()).isEqualTo("c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1");
        assertThat(trigger.get("type").s()).isEqualTo("http-server");
        assertThat(trigger.get("testName").s()).isEqualTo("Webex Web Zone");
        assertThat(trigger.get("ruleName").s()).isEqualTo("Webex response time");
        assertThat(strings(trigger, "agentName")).containsExactly("Tokyo, Japan (NTT)", "Tokyo, Japan (KDDI)");
        assertThat(strings(trigger, "metric")).containsExactly("Response Time: 980 ms", "Response Time: 1,204 ms");
        assertThat(AttributeValues.toJson(trigger.get("items"))).isEqualTo(Fixtures.json("alerts/custom/generic-trigger.json"));
        Map<String, AttributeValue> clear = item("0d5e2a7c-81f4-4b69-9e03-6c7a1b2d3e4f");
        assertThat(clear.get("active").n()).isEqualTo("0");
        assertThat(clear.get("alertId").s()).isEqualTo("c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1");
        Map<String, AttributeValue> test = item("1");
        assertThat(test.get("testName").s()).isEqualTo("Test Name");
        assertThat(test.get("agentName").l()).isEmpty();
    }

    @Test
    void theShippedCustomTemplateRenderedByThousandEyesCarriesEachAgentsMetrics() throws Exception {
        String template = Files.readString(Path.of("..", "docs", "thousandeyes-custom-webhook.json"));
        Map<String, Object> context = Map.of(
                "id", "5f2c9e71-0b3a-4d8e-a6c4-7e1f2d3c4b5a",
                "type", Map.of("id", "2"),
                "alert", Map.of(
                        "id", "e9c3bf02-a48c-4aa8-9e5f-898800d6f569",
                        "severity", Map.of("id", "MAJOR"),
                        "firstSeen", Map.of("epochMilli", 1796203200000L),
                        "test", Map.of("id", "281474976710801", "name", "Webex \"Web\" Zone"),
                        "rule", Map.of("id", "1422847", "name", "Webex response time", "alertType", Map.of("id", "http-server")),
                        "details", List.of(
                                Map.of("source", Map.of("id", "303", "name", "Tokyo, Japan (NTT)"),
                                        "metricsAtStart", "Response Time: 980 ms", "metricsAtEnd", ""),
                                Map.of("source", Map.of("id", "404", "name", "Tokyo, Japan (KDDI)"),
                                        "metricsAtStart", "Response Time: 1,204 ms", "metricsAtEnd", ""))));
        String rendered = MiniHandlebars.render(template, context);
        assertThat(Json.read(rendered).get("alert").has("cleared")).isFalse();

        JsonNode response = post(rendered);

        assertThat(status(response)).isEqualTo(200);
        Map<String, AttributeValue> stored = item("5f2c9e71-0b3a-4d8e-a6c4-7e1f2d3c4b5a");
        assertThat(strings(stored, "agentName")).containsExactly("Tokyo, Japan (NTT)", "Tokyo, Japan (KDDI)");
        assertThat(strings(stored, "metric")).containsExactly("Response Time: 980 ms", "Response Time: 1,204 ms");
        assertThat(stored.get("testName").s()).isEqualTo("Webex &quot;Web&quot; Zone");
        assertThat(stored.get("type").s()).isEqualTo("http-server");
        assertThat(stored.get("active").n()).isEqualTo("1");
        assertThat(stored.get("alertId").s()).isEqualTo("e9c3bf02-a48c-4aa8-9e5f-898800d6f569");

        Map<String, Object> clearContext = new LinkedHashMap<>(context);
        clearContext.put("id", "6a3d0f82-1c4b-4e9f-b7d5-8f2e3d4c5b6a");
        clearContext.put("type", Map.of("id", "1"));
        Map<String, Object> clearedAlert = new LinkedHashMap<>(Map.class.cast(context.get("alert")));
        clearedAlert.put("timeCleared", Map.of("epochMilli", 1796204400000L));
        clearContext.put("alert", clearedAlert);
        String renderedClear = MiniHandlebars.render(template, clearContext);
        assertThat(Json.read(renderedClear).get("alert").get("cleared").asLong()).isEqualTo(1796204400000L);
        assertThat(status(post(renderedClear))).isEqualTo(200);
        assertThat(item("6a3d0f82-1c4b-4e9f-b7d5-8f2e3d4c5b6a").get("active").n()).isEqualTo("0");
    }

    @Test
    void bodiesOfNeitherFamilyAndUnknownCustomTypesGet400NamingWhatIsMissing() throws Exception {
        ObjectNode badType = (ObjectNode) Fixtures.json("alerts/custom/generic-trigger.json");
        badType.put("type", "3");
        ObjectNode noAlertId = (ObjectNode) Fixtures.json("alerts/custom/generic-trigger.json");
        ((ObjectNode) noAlertId.get("alert")).remove("id");
        ObjectNode noType = (ObjectNode) Fixtures.json("alerts/custom/generic-trigger.json");
        noType.remove("type");

        JsonNode neither = post("{\"alert\":{\"id\":\"x\"},\"severity\":\"MAJOR\"}");
        assertThat(status(neither)).isEqualTo(400);
        assertThat(error(neither)).contains("eventId").contains("id, type, alert");
        JsonNode type3 = post(Json.write(badType));
        assertThat(status(type3)).isEqualTo(400);
        assertThat(error(type3)).isEqualTo("type must be \"2\" (trigger) or \"1\" (clear)");
        assertThat(error(post(Json.write(noAlertId)))).isEqualTo("alert.id must be a non-empty string");
        assertThat(error(post(Json.write(noType)))).isEqualTo("type is missing");
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    // ---- credentials --------------------------------------------------------------------------

    @Test
    void basicCredentialsFromTheSecretAreAcceptedAndAnythingElseIs401WithNothingStored() throws Exception {
        givenSecret(Map.of("TE_WEBHOOK_USERNAME", USER, "TE_WEBHOOK_PASSWORD", PASSWORD));
        String trigger = Fixtures.text("alerts/alert-trigger-http-server-response-time.json");

        JsonNode wrongPassword = post(trigger, Optional.of(basic(USER, PASSWORD + "x")));
        JsonNode wrongUser = post(trigger, Optional.of(basic("other", PASSWORD)));
        JsonNode bearer = post(trigger, Optional.of("Bearer " + PASSWORD));
        JsonNode none = post(trigger, Optional.empty());
        JsonNode garbled = post(trigger, Optional.of("Basic %%%"));
        for (JsonNode response : List.of(wrongPassword, wrongUser, bearer, none, garbled)) {
            assertThat(status(response)).isEqualTo(401);
            assertThat(response.get("headers").get("WWW-Authenticate").asText()).startsWith("Basic realm=");
            assertThat(error(response)).isEqualTo("missing or wrong Basic credentials");
        }
        assertThat(dynamo.scan(TABLE)).isEmpty();

        assertThat(status(post(trigger, Optional.of(basic(USER, PASSWORD))))).isEqualTo(200);
        assertThat(item("205647251-76947300").get("alertId").s()).isEqualTo("76947300");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    }

    @Test
    void withBothKindsConfiguredEitherIsAcceptedButAWrongOneOfEitherKindIsNot() throws Exception {
        givenSecret(Map.of("TE_WEBHOOK_TOKEN", TOKEN, "TE_WEBHOOK_USERNAME", USER, "TE_WEBHOOK_PASSWORD", PASSWORD));

        assertThat(status(post(Fixtures.text("alerts/alert-trigger-network-uuid.json"), Optional.of(basic(USER, PASSWORD)))))
                .isEqualTo(200);
        assertThat(status(post(Fixtures.text("alerts/agent-alert-trigger-2025.json"), Optional.of("Bearer " + TOKEN))))
                .isEqualTo(200);
        JsonNode basicWithToken = post(Fixtures.text("alerts/alert-clear-network-uuid.json"), Optional.of(basic(USER, TOKEN)));
        JsonNode bearerWithPassword = post(Fixtures.text("alerts/alert-clear-network-uuid.json"), Optional.of("Bearer " + PASSWORD));

        assertThat(status(basicWithToken)).isEqualTo(401);
        assertThat(status(bearerWithPassword)).isEqualTo(401);
        assertThat(error(bearerWithPassword)).isEqualTo("missing or wrong bearer token or Basic credentials");
        assertThat(dynamo.scan(TABLE).stream().filter(i -> !i.get("datetime").s().startsWith("#")).map(i -> i.get("eventid").s()))
                .containsExactlyInAnyOrder("7a1f0c2e-52d4-4b8e-9f65-3d0c1a2b4e77--c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1",
                        "562949953436734-562949955000593");
    }
}
