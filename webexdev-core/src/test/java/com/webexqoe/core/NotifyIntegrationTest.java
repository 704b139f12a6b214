package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import com.webexqoe.testkit.TestResources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification into a Webex space (docs/behaviour.md#core-notify) through the handler's real
 * wiring: the notify state in dynalite, the page in S3Proxy, the bot token in the Secrets Manager
 * stub, and the Messages API stood in by WireMock answering as developer.webex.com documents.
 */
class NotifyIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();
    @RegisterExtension
    static final WireMockExtension webex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String ROOM = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";
    static final String BOT_TOKEN = "bot-token-never-logged";
    static final String INCIDENT = "Webex Meetings - Users in APAC may be unable to join <@all> **now**";

    private CoreScenario scenario;

    @BeforeEach
    void world() {
        scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        aws.givenSecret(CoreScenario.SECRET, Map.of("userEmail", "user@example.com", "hostEmail", "host@example.com",
                "WEBEX_BOT_TOKEN", BOT_TOKEN));
        webex.resetAll();
        answer(200, "webex-messages/created.json");
    }

    private StandInEnv env() {
        return scenario.env()
                .set("DYNAMODB_TABLENAME_HEALTH", HealthTable.SCHEMA.tableName())
                .set("WEBEX_NOTIFY_ROOM_ID", ROOM)
                .set("WEBEX_API_BASE_URL", webex.baseUrl() + "/v1")
                .set("DASHBOARD_URL", "https://webexqoe-dashboardbucket-1a2b.s3.us-east-1.amazonaws.com/index.html")
                .set("HTTP_MAX_ATTEMPTS", "1");
    }

    private void answer(int status, String body) {
        webex.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(TestResources.text(body))));
    }

    private JsonNode run(StandInEnv env, Instant at) throws Exception {
        return Json.read(LambdaInvoker.invokeWithResource(scenario.handler(env, at), "webexdev-core", "/events/scheduled-event.json"));
    }

    private List<LoggedRequest> posted() {
        return webex.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
    }

    private static String markdown(LoggedRequest request) throws Exception {
        return Json.read(request.getBodyAsString()).path("markdown").asText();
    }

    /** An unresolved Cisco incident: S = -20, score 80, fine but located in the Webex service. */
    private void incident(Instant published) {
        scenario.put(StatusTable.SCHEMA, List.of(scenario.items.status(INCIDENT, "https://status.webex.com/incidents/9b1f",
                "investigating", published, published)));
    }

    private void resolved(Instant at) {
        scenario.put(StatusTable.SCHEMA, List.of(scenario.items.status(INCIDENT, "https://status.webex.com/incidents/9b1f",
                "resolved", at, at)));
    }

    /** A ThousandEyes trigger with a 980 ms response time: N = -68, with the incident the score is 12. */
    private void slowPath(Instant at) {
        scenario.put(AlertTable.SCHEMA, List.of(scenario.items.alert("evt-980", at, AttributeValue.builder().n("1").build(),
                "HTTP Server", "Webex Web Zone", List.of("Tokyo, Japan"), List.of("Response Time: 980 ms"))));
    }

    private Map<String, AttributeValue> notifyItem() {
        return dynamo.client().getItem(r -> r.tableName(HealthTable.SCHEMA.tableName()).key(Map.of(
                HealthTable.PK, AttributeValue.builder().s(HealthTable.NOTIFY_PK).build(),
                HealthTable.SK, AttributeValue.builder().s(HealthTable.NOTIFY_SK).build()))).item();
    }

    @Test
    void aTurnPostsOneMessageWithScoreVerdictAndWhereLineAndAnUnchangedStatePostsNone() throws Exception {
        incident(NOW.minus(Duration.ofHours(1)));
        slowPath(NOW.minus(Duration.ofMinutes(10)));

        JsonNode first = run(env(), NOW);

        assertThat(first.path("notify").asText()).isEqualTo("posted turn (not-fine:webex-service)");
        assertThat(posted()).hasSize(1);
        LoggedRequest request = posted().get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
        JsonNode body = Json.read(request.getBodyAsString());
        assertThat(body.path("roomId").asText()).isEqualTo(ROOM);
        String text = body.path("markdown").asText();
        assertThat(text).startsWith("**Webex QoE: Webex may not be working properly** (score 12.0)")
                .contains("Where is the problem: Webex service (also internet path)")
                .contains("980 ms")
                .contains("T 0 · N -68 · S -20 · home: no data")
                .contains("[Open the dashboard](https://webexqoe-dashboardbucket-1a2b.s3.us-east-1.amazonaws.com/index.html)");
        // outside text escaped: no mention of everyone, no bold from a feed title
        assertThat(text).doesNotContain("<@all>").contains("&lt;@all&gt;").contains("\\*\\*now\\*\\*");
        assertThat(scenario.object("index.html")).contains("Webex may not be working properly");
        assertThat(notifyItem().get(HealthTable.NOTIFY_STATE).s()).isEqualTo("not-fine:webex-service");
        assertThat(notifyItem()).as("the notify state never expires").doesNotContainKey(HealthTable.EXPIRES_AT)
                .doesNotContainKey(HealthTable.NOTIFY_CLAIM_TOKEN);

        JsonNode second = run(env(), NOW.plus(Duration.ofMinutes(1)));
        assertThat(second.path("notify").asText()).isEqualTo("unchanged (not-fine:webex-service)");
        assertThat(posted()).as("an unchanged state posts nothing").hasSize(1);
    }

    @Test
    void mostlyWorkingIsAStateOfItsOwnAndFineWithNothingLocatedIsNoTurnAtFirst() throws Exception {
        JsonNode quiet = run(env(), NOW);
        assertThat(quiet.path("notify").asText()).isEqualTo("unchanged (fine:none)");
        assertThat(posted()).isEmpty();

        incident(NOW.minus(Duration.ofMinutes(30)));
        JsonNode located = run(env(), NOW.plus(Duration.ofMinutes(1)));
        assertThat(located.path("health").asText()).isEqualTo("80.0");
        assertThat(located.path("notify").asText()).isEqualTo("posted turn (fine:webex-service)");
        assertThat(markdown(posted().get(0))).startsWith(
                "**Webex QoE: Webex is mostly working, with a problem located in the Webex service** (score 80.0)");
    }

    @Test
    void recoveryPostsOneMessageWithHowLongTheProblemLasted() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        run(env(), NOW);
        resolved(NOW.plus(Duration.ofMinutes(40)));

        JsonNode recovered = run(env(), NOW.plus(Duration.ofMinutes(42)));

        assertThat(recovered.path("notify").asText()).isEqualTo("posted recovery (fine:none)");
        assertThat(posted()).hasSize(2);
        assertThat(markdown(posted().get(1))).startsWith("**Webex QoE: recovered. Webex seems to be working fine** (score 100.0)")
                .contains("The problem reported at 2026-11-28 12:00 (Asia/Tokyo)")
                .contains("lasted 42 min.");
        assertThat(notifyItem().get(HealthTable.NOTIFY_STATE).s()).isEqualTo("fine:none");
        assertThat(notifyItem()).doesNotContainKey(HealthTable.NOTIFY_PROBLEM_SINCE);
    }

    @Test
    void twoOverlappingCoreRunsPostOneMessage() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        // The Messages API answers slowly, so that the second run reads the state while the first one posts.
        webex.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(TestResources.text("webex-messages/created.json"))));
        CoreHandler one = scenario.handler(env(), NOW);
        CoreHandler two = scenario.handler(env(), NOW.plusMillis(300));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> a = () -> LambdaInvoker.invokeWithResource(one, "webexdev-core", "/events/scheduled-event.json");
            Callable<String> b = () -> LambdaInvoker.invokeWithResource(two, "webexdev-core", "/events/scheduled-event.json");
            Future<String> first = pool.submit(a);
            Future<String> second = pool.submit(b);
            List<String> answers = List.of(Json.read(first.get()).path("notify").asText(), Json.read(second.get()).path("notify").asText());
            assertThat(answers).filteredOn(n -> n.startsWith("posted turn")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(posted()).as("two overlapping runs, one message").hasSize(1);
        assertThat(notifyItem().get(HealthTable.NOTIFY_VERSION).n()).isEqualTo("1");
    }

    @Test
    void aFailedPostLeavesThePageWrittenAndTheNextRunPosts() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        webex.stubFor(post(urlEqualTo("/v1/messages")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        webex.stubFor(post(urlEqualTo("/v1/messages")).inScenario("outage").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestResources.text("webex-messages/created.json"))));

        JsonNode failed = run(env(), NOW);
        assertThat(failed.path("notify").asText()).startsWith("failed: Webex Messages API: HTTP 500");
        assertThat(failed.path("health").asText()).as("the run itself succeeded").isEqualTo("80.0");
        assertThat(scenario.object("index.html")).contains("80.0");
        assertThat(notifyItem()).as("the claim was released").doesNotContainKey(HealthTable.NOTIFY_CLAIM_TOKEN)
                .doesNotContainKey(HealthTable.NOTIFY_STATE);

        JsonNode retried = run(env(), NOW.plus(Duration.ofMinutes(1)));
        assertThat(retried.path("notify").asText()).isEqualTo("posted turn (fine:webex-service)");
        assertThat(posted()).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNamedWithoutTheToken() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        answer(401, "webex-messages/unauthorized.json");

        JsonNode answer = run(env(), NOW);

        assertThat(answer.path("notify").asText()).contains("HTTP 401").contains("WEBEX_BOT_TOKEN").doesNotContain(BOT_TOKEN);
        answer(404, "webex-messages/not-found.json");
        JsonNode notInRoom = run(env(), NOW.plus(Duration.ofMinutes(1)));
        assertThat(notInRoom.path("notify").asText()).contains("HTTP 404").contains("the bot is not in it");
    }

    @Test
    void aRateLimitWaitsForTheNextRunWithoutALoop() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        webex.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));

        JsonNode answer = run(env().set("HTTP_MAX_ATTEMPTS", "4"), NOW);

        assertThat(answer.path("notify").asText()).contains("HTTP 429").contains("Retry-After 3 s").contains("next run");
        assertThat(posted()).as("a POST is sent once").hasSize(1);
    }

    @Test
    void changesWithinTheQuietPeriodAreHeldAndPostedWhenItEndsIfTheyStillHold() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        run(env(), NOW);
        slowPath(NOW.plus(Duration.ofMinutes(2)));

        JsonNode held = run(env(), NOW.plus(Duration.ofMinutes(3)));
        assertThat(held.path("notify").asText()).startsWith("held until 2026-11-28T03:10:00Z");
        assertThat(posted()).hasSize(1);

        JsonNode after = run(env(), NOW.plus(Duration.ofMinutes(10)));
        assertThat(after.path("notify").asText()).isEqualTo("posted turn (not-fine:webex-service)");
        assertThat(posted()).hasSize(2);

        JsonNode noHold = run(env().set("NOTIFY_QUIET_MINUTES", "0"), NOW.plus(Duration.ofMinutes(75)));
        assertThat(noHold.path("notify").asText()).as("the alert is older than an hour: back to the incident alone, at once")
                .isEqualTo("posted turn (fine:webex-service)");
    }

    @Test
    void noRoomIdMeansNoCallAndATokenWithoutARoomIsWarnedOncePerContainer() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        StandInEnv env = env();
        env.remove("WEBEX_NOTIFY_ROOM_ID");
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        CoreHandler handler;
        System.setOut(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        try {
            handler = scenario.handler(env, NOW);
            for (int i = 0; i < 2; i++) {
                JsonNode answer = Json.read(LambdaInvoker.invokeWithResource(handler, "webexdev-core", "/events/scheduled-event.json"));
                assertThat(answer.path("notify").asText()).isEqualTo("off");
            }
        } finally {
            System.setOut(original);
        }
        assertThat(posted()).isEmpty();
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log.split("WEBEX_NOTIFY_ROOM_ID is unset", -1)).as("one warning for two runs").hasSize(2);
        assertThat(log).doesNotContain(BOT_TOKEN);
    }

    @Test
    void withoutTheHealthTableNothingIsPosted() throws Exception {
        incident(NOW.minus(Duration.ofMinutes(30)));
        StandInEnv env = env();
        env.remove("DYNAMODB_TABLENAME_HEALTH");

        JsonNode answer = run(env, NOW);

        assertThat(answer.path("notify").asText()).startsWith("off (DYNAMODB_TABLENAME_HEALTH is unset");
        assertThat(posted()).isEmpty();
        assertThat(answer.path("health").asText()).isEqualTo("80.0");
    }
}
