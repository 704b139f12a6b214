package com.webexqoe.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.common.schema.StatusTable;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler's real entry point with a scheduled event, against dynalite (DynamoDB) and WireMock
 * (the feed), through the same SDK calls it makes in AWS.
 */
class StatusHandlerIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    @RegisterExtension
    static final WireMockExtension feedServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FEED_PATH = "/history.rss";
    private static final String TABLE = StatusTable.SCHEMA.tableName();
    private static final Instant NOW = Instant.parse("2026-11-27T09:15:00Z");
    private static final long EXPIRES_AT = NOW.plus(Duration.ofDays(30)).getEpochSecond();

    @BeforeEach
    void table() {
        dynamo.create(StatusTable.SCHEMA.createTableRequest());
    }

    private StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("TZ", "Asia/Tokyo")
                .set("STATUS_RSS_URL", feedServer.baseUrl() + FEED_PATH)
                // unstubbed: WireMock answers 404, so these tests see the feed alone (StatusApiIntegrationTest has both)
                .set("STATUS_API_BASE_URL", feedServer.baseUrl() + "/api");
    }

    private StatusHandler handler(StandInEnv env, Instant now) {
        return new StatusHandler(Env.of(env.toMap()), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void serveFeed(String fixture) {
        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(Fixtures.feed(fixture))));
    }

    private static String invoke(StatusHandler handler) {
        return LambdaInvoker.invokeWithResource(handler, "webexdev-status", "/events/scheduled-event.json");
    }

    private List<Map<String, AttributeValue>> storedItems() {
        return dynamo.scan(TABLE).stream()
                .sorted(Comparator.comparing(item -> item.get("title").s()))
                .toList();
    }

    @Test
    void storesOneItemPerFeedItemWithTheExactAttributes() throws Exception {
        serveFeed("history-incidents-and-maintenance.xml");

        String response = invoke(handler(env(), NOW));

        JsonNode result = Json.read(response);
        assertThat(result.get("stored").asInt()).isEqualTo(4);
        assertThat(storedItems()).containsExactly(
                Map.of("title", s("Scheduled maintenance - Webex Calling London"),
                        "URL", s("https://status.webex.com/maintenance/77aa"),
                        "Status", s("in progress"),
                        "published", s("2026-11-27T02:00:00Z"),
                        "expiresAt", n(EXPIRES_AT)),
                Map.of("title", s("Scheduled maintenance - Webex Meetings Virginia"),
                        "URL", s("https://status.webex.com/maintenance/80ff"),
                        "Status", s("scheduled"),
                        "published", s("2026-11-25T18:00:00Z"),
                        "expiresAt", n(EXPIRES_AT)),
                Map.of("title", s("Webex Meetings - Users may be unable to join meetings on the AP cluster"),
                        "URL", s("https://status.webex.com/incidents/9b1f"),
                        "Status", s("investigating"),
                        "published", s("2026-11-27T09:12:00Z"),
                        "expiresAt", n(EXPIRES_AT)),
                Map.of("title", s("Webex Messaging - Delayed message delivery"),
                        "URL", s("https://status.webex.com/incidents/51c0"),
                        "Status", s("resolved"),
                        "published", s("2026-11-26T22:40:00Z"),
                        "expiresAt", n(EXPIRES_AT)));
    }

    @Test
    void itemsWithoutTitleAreSkippedAndCountedInTheResult() throws Exception {
        serveFeed("history-missing-parts.xml");

        JsonNode result = Json.read(invoke(handler(env(), NOW)));

        assertThat(result.get("stored").asInt()).isEqualTo(2);
        assertThat(result.get("skippedWithoutTitle").asInt()).isEqualTo(2);
        assertThat(storedItems()).extracting(item -> item.get("title").s())
                .containsExactly("An announcement with no status word", "No date and no description");
        assertThat(storedItems().get(1)).doesNotContainKey("published");
    }

    @Test
    void aSecondRunWithAChangedStatusOverwritesTheItem() {
        serveFeed("history-incidents-and-maintenance.xml");
        invoke(handler(env(), NOW));
        String resolvedLater = new String(Fixtures.feed("history-incidents-and-maintenance.xml"), StandardCharsets.UTF_8)
                .replace("&lt;strong &gt;investigating&lt;/strong &gt;", "&lt;strong &gt;resolved&lt;/strong &gt;");
        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200).withBody(resolvedLater)));
        Instant later = NOW.plus(Duration.ofMinutes(5));

        invoke(handler(env(), later));

        Map<String, AttributeValue> item = storedItems().stream()
                .filter(i -> i.get("title").s().startsWith("Webex Meetings - Users may be unable")).findFirst().orElseThrow();
        assertThat(item.get("Status").s()).isEqualTo("resolved");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(later.plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(storedItems()).hasSize(4);
    }

    @Test
    void feedFailingThreeTimesThenAnsweringIsRetriedAndStored() {
        String state = Scenario.STARTED;
        for (int i = 1; i <= 3; i++) {
            feedServer.stubFor(get(urlEqualTo(FEED_PATH)).inScenario("flaky").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("failed " + i));
            state = "failed " + i;
        }
        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("history-incidents-and-maintenance.xml"))));

        invoke(handler(env(), NOW));

        feedServer.verify(4, getRequestedFor(urlEqualTo(FEED_PATH)));
        assertThat(storedItems()).hasSize(4);
    }

    @Test
    void feedThatTimesOutFailsTheInvocationAndStoresNothing() throws Exception {
        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
                .withBody(Fixtures.feed("history-incidents-and-maintenance.xml"))));
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        StandInEnv env = env().set("HTTP_READ_TIMEOUT_MS", "300");
        StatusHandler handler = new StatusHandler(
                StatusWiring.wired(Env.of(env.toMap()), Clock.fixed(NOW, ZoneOffset.UTC)).service(), new JsonLog("webexdev-status",
                new PrintStream(logBytes, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThatThrownBy(() -> invoke(handler))
                .isInstanceOf(StatusFeedException.class)
                .hasMessageContaining("status feed: no response within 300 ms");
        assertThat(dynamo.scan(TABLE)).isEmpty();
        String log = logBytes.toString(StandardCharsets.UTF_8);
        JsonNode line = Json.MAPPER.readTree(log.lines().filter(l -> l.contains("\"ERROR\"")).findFirst().orElseThrow());
        assertThat(line.get("message").asText()).isEqualTo("status run failed");
        assertThat(line.get("error").asText()).contains("no response within 300 ms");
        assertThat(line.get("source").asText()).isEqualTo(feedServer.baseUrl() + FEED_PATH + "," + feedServer.baseUrl() + "/api/index.json");
        assertThat(line.get("requestId").asText()).as("Lambda's request id on every line").matches("[0-9a-f-]{36}");
    }

    @Test
    void brokenFeedFailsTheInvocationAndLeavesStoredItemsAlone() {
        serveFeed("history-incidents-and-maintenance.xml");
        invoke(handler(env(), NOW));
        serveFeed("history-broken.xml");

        assertThatThrownBy(() -> invoke(handler(env(), NOW.plus(Duration.ofMinutes(5)))))
                .isInstanceOf(StatusFeedException.class)
                .hasMessageStartingWith("status feed is not a readable RSS/Atom document");
        assertThat(storedItems()).hasSize(4)
                .allSatisfy(item -> assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(EXPIRES_AT)));
    }

    @Test
    void missingTableNameFailsAtOnceNamingTheVariable() {
        assertThatThrownBy(() -> handler(env().remove("DYNAMODB_TABLENAME"), NOW))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("DYNAMODB_TABLENAME is not set");
    }

    @Test
    void missingTableInDynamoDbFailsTheInvocation() {
        dynamo.drop(StatusTable.SCHEMA.tableName());
        serveFeed("history-incidents-and-maintenance.xml");

        assertThatThrownBy(() -> invoke(handler(env(), NOW)))
                .isInstanceOf(WebexdevException.class)
                .hasMessageStartingWith("DynamoDB table webexdev-status does not exist");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
