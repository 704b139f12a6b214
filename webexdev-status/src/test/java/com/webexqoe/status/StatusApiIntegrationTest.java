package com.webexqoe.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.StatusTable;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both of Cisco's sources through the handler's real entry point: the feed and {@code index.json}
 * from WireMock, the table in dynalite, through the SDK calls the function makes in AWS.
 */
class StatusApiIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    @RegisterExtension
    static final WireMockExtension cisco = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FEED_PATH = "/history.rss";
    private static final String API_PATH = "/index.json";
    private static final String TABLE = StatusTable.SCHEMA.tableName();
    private static final Instant NOW = Instant.parse("2026-11-27T09:15:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(5));
    private static final String INCIDENT = "api:incident:9b1f4c20ab6611efa1b3d7c2e8f0a303";

    @BeforeEach
    void table() {
        dynamo.create(StatusTable.SCHEMA.createTableRequest());
    }

    private StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("TZ", "Asia/Tokyo")
                .set("STATUS_RSS_URL", cisco.baseUrl() + FEED_PATH)
                .set("STATUS_API_BASE_URL", cisco.baseUrl())
                .set("HTTP_MAX_ATTEMPTS", "1");
    }

    private static void serveFeed(String fixture) {
        cisco.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody(Fixtures.feed(fixture))));
    }

    private static void serveApi(String fixture) {
        cisco.stubFor(get(urlEqualTo(API_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.api(fixture))));
    }

    /** Runs the handler; the answer, and the log it wrote. */
    private record Run(JsonNode answer, String log) {
    }

    private Run invoke(Instant now) {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        StatusHandler handler = new StatusHandler(StatusWiring.wired(Env.of(env().toMap()), clock).service(),
                new JsonLog("webexdev-status", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
        String answer = LambdaInvoker.invokeWithResource(handler, "webexdev-status", "/events/scheduled-event.json");
        try {
            return new Run(Json.read(answer), logBytes.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(answer, e);
        }
    }

    private static Map<String, Map<String, AttributeValue>> items() {
        return dynamo.scan(TABLE).stream().collect(Collectors.toMap(item -> item.get("title").s(), item -> item));
    }

    private static Map<String, Map<String, AttributeValue>> apiItems() {
        return items().entrySet().stream().filter(e -> e.getKey().startsWith("api:"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void bothSourcesAreStoredSideBySideWithTheExactApiAttributes() {
        serveFeed("history-incidents-and-maintenance.xml");
        serveApi("index-apac-incident-and-maintenance.json");

        Run run = invoke(NOW);

        assertThat(run.answer().get("stored").asInt()).isEqualTo(4);
        assertThat(run.answer().get("apiStored").asInt()).isEqualTo(6);
        assertThat(run.answer().get("apiFinished").asInt()).isEqualTo(1);
        assertThat(items()).hasSize(10);
        long expiresAt = NOW.plus(StatusTable.RETENTION).getEpochSecond();
        assertThat(items().get(INCIDENT)).isEqualTo(Map.ofEntries(
                Map.entry("title", s(INCIDENT)),
                Map.entry("kind", s("incident")),
                Map.entry("name", s("Webex Meetings: Users may experience poor audio quality in meetings hosted on the APAC cluster")),
                Map.entry("Status", s("investigating")),
                Map.entry("impact", s("major")),
                Map.entry("components", AttributeValue.fromL(List.of(s("Audio and video - APAC")))),
                Map.entry("locations", s("APAC")),
                Map.entry("URL", s("https://status.webex.com")),
                Map.entry("published", s("2026-11-27T08:52:42.765Z")),
                Map.entry("updated", s("2026-11-27T09:10:03.837Z")),
                Map.entry("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
        assertThat(items().get("api:summary")).containsEntry("indicator", s("yellow"))
                .containsEntry("description", s("Partially Degraded Service")).containsEntry("kind", s("summary"));
        assertThat(items().get("api:component:fc5ed640c28611e89f7a893fb1236b0a"))
                .containsEntry("name", s("Audio and video - APAC")).containsEntry("group", s("Webex Meetings"))
                .containsEntry("Status", s("partial_outage")).containsEntry("kind", s("component"));
        assertThat(items().get("api:maintenance:77aa0e10a52011efa9d1c3b2e7f6a505"))
                .containsEntry("Status", s("in progress")).containsEntry("scheduledFor", s("2026-11-27T02:00:00Z"))
                .containsEntry("scheduledUntil", s("2026-11-27T10:00:00Z"));
        assertThat(items()).doesNotContainKey("api:component:0a7d21b0c28711e8b1f2c5c0e0b0a101"); // operational
        cisco.verify(getRequestedFor(urlEqualTo(API_PATH)).withHeader("Accept",
                com.github.tomakehurst.wiremock.client.WireMock.containing("application/json")));
    }

    @Test
    void theNextRunReplacesTheApiSnapshotSoWhatCiscoResolvedIsGoneAndTheFeedStays() {
        serveFeed("history-incidents-and-maintenance.xml");
        serveApi("index-apac-incident-and-maintenance.json");
        invoke(NOW);
        serveApi("index-all-operational.json");

        Run run = invoke(LATER);

        assertThat(run.answer().get("apiDeleted").asInt()).isEqualTo(5);
        assertThat(apiItems()).containsOnlyKeys("api:summary");
        assertThat(apiItems().get("api:summary")).containsEntry("Status", s("green"))
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(LATER.plus(StatusTable.RETENTION).getEpochSecond())));
        assertThat(items()).hasSize(5);
    }

    @Test
    void aFailingApiKeepsTheFeedResultAndThePreviousSnapshotAndIsNamedInTheLog() {
        serveFeed("history-incidents-and-maintenance.xml");
        serveApi("index-apac-incident-and-maintenance.json");
        invoke(NOW);
        Map<String, Map<String, AttributeValue>> before = apiItems();
        cisco.stubFor(get(urlEqualTo(API_PATH)).willReturn(aResponse().withStatus(503)));

        Run run = invoke(LATER);

        assertThat(run.answer().get("apiError").asText()).startsWith("status API could not be fetched from "
                + cisco.baseUrl() + API_PATH).contains("503");
        assertThat(run.log()).contains("\"apiError\"");
        assertThat(apiItems()).as("nothing replaced, nothing deleted").isEqualTo(before);
        assertThat(items().get("Webex Messaging - Delayed message delivery").get("expiresAt").n())
                .as("the feed was stored by this run").isEqualTo(Long.toString(LATER.plus(StatusTable.RETENTION).getEpochSecond()));
    }

    @Test
    void anArrayOrTruncatedAnswerStoresNothingFromTheApi() {
        serveFeed("history-incidents-and-maintenance.xml");
        for (String fixture : List.of("index-array.json", "index-truncated.json")) {
            serveApi(fixture);

            Run run = invoke(NOW);

            assertThat(run.answer().get("apiError").asText()).as(fixture).startsWith("status API answer is not");
            assertThat(apiItems()).as(fixture).isEmpty();
            assertThat(items()).as(fixture).hasSize(4);
        }
    }

    @Test
    void aBrokenFeedKeepsTheApiResultAndTheRunSucceeds() {
        serveFeed("history-broken.xml");
        serveApi("index-apac-incident-and-maintenance.json");

        Run run = invoke(NOW);

        assertThat(run.answer().get("feedError").asText()).startsWith("status feed is not a readable RSS/Atom document");
        assertThat(run.answer().get("stored").asInt()).isZero();
        assertThat(items()).hasSize(6).allSatisfy((title, item) -> assertThat(title).startsWith("api:"));
    }

    @Test
    void bothFailingFailsTheRunAndStoresNothing() {
        serveFeed("history-broken.xml");
        serveApi("index-array.json");

        assertThatThrownBy(() -> invoke(NOW))
                .isInstanceOf(StatusFeedException.class)
                .hasMessageContaining("status feed is not a readable RSS/Atom document")
                .hasMessageContaining("status API answer is not a JSON object but a list");
        assertThat(items()).isEmpty();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
