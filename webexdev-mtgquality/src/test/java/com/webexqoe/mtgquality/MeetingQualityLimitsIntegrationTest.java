package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webex's limits on Meeting Qualities (developer.webex.com, "Meeting Qualities" and "Historical
 * Analytics APIs"), against dynalite, the Secrets Manager stand-in and WireMock hosts, with a
 * fixed clock per run: one call per meeting instance every 5 minutes across runs, pages continued
 * by later runs, 429, regional hosts, masked addresses, and the weekly keep-alive.
 */
class MeetingQualityLimitsIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    @RegisterExtension
    static final WireMockExtension webex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The configured analytics host (analytics.webexapis.com in AWS). */
    @RegisterExtension
    static final WireMockExtension analytics = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The stand-in of analytics-eu.webexapis.com, added to the allowed hosts as tests may. */
    @RegisterExtension
    static final WireMockExtension analyticsEu = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** A host that is on no allowed list: the token must never reach it. */
    @RegisterExtension
    static final WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TABLE = QualityTable.SCHEMA.tableName();
    private static final String SETTINGS_SECRET = "webexdev/secrets";
    private static final String TOKEN_SECRET = "webexdev/mtgquality-token";
    private static final Instant NOW = Instant.parse("2026-11-28T04:50:00Z");
    private static final String NEW_ACCESS = "NEWACCESS-Zm9vYmFyLWFjY2Vzcy10b2tlbi0yMDI2LTExLTI4X1BGODRfMWVi";
    private static final String NEW_REFRESH = "NEWREFRESH-cmVmcmVzaC10b2tlbi0yMDI2LTExLTI4X1BGODRfMWViNGQ5ZjI";
    private static final String OLD_REFRESH = "OLDREFRESH-limits-test";
    private static final String HOST = "hana.sato@example.com";
    private static final String WEEKLY_REVIEW = "3f8c2a0d6b6e4c1f9a7d2e5b8c1a4f60_I_284713920458113024";
    private static final String PERSONAL_ROOM = "9b1e7c44d0a34f6e8f2c5a7d3b9e1c28_I_284714488821002245";
    /** Raw addresses of the fixtures' participants; their masked twins end in .0. */
    private static final List<String> RAW_IPS = List.of("192.168.1.23", "203.0.113.24", "10.20.30.41", "172.16.4.9", "192.168.0.17");

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeEach
    void standIns() {
        dynamo.create(QualityTable.SCHEMA.createTableRequest());
        aws.givenSecret(SETTINGS_SECRET, Map.of("CLIENT_ID", "C-limits", "CLIENT_SECRET", "S-limits", "hostEmail", HOST));
        aws.givenSecret(TOKEN_SECRET, Map.of("ACCESS_TOKEN", "OLDACCESS-limits", "REFRESH_TOKEN", OLD_REFRESH));
        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(json(Fixtures.text("webex-oauth/access-token-refreshed.json"))));
        webex.stubFor(get(urlPathEqualTo("/v1/meetings"))
                .willReturn(json("{\"items\":[{\"id\":\"" + WEEKLY_REVIEW + "\",\"meetingType\":\"meeting\",\"state\":\"inProgress\"},"
                        + "{\"id\":\"" + PERSONAL_ROOM + "\",\"meetingType\":\"meeting\",\"state\":\"inProgress\"}]}")));
    }

    private StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("SECRETMANAGER_NAME", SETTINGS_SECRET)
                .set("SECRETMANAGER_TOKEN_NAME", TOKEN_SECRET)
                .set("WEBEX_API_BASE_URL", webex.baseUrl() + "/v1")
                .set("WEBEX_ANALYTICS_BASE_URL", analytics.baseUrl() + "/v1");
    }

    /** A handler (a new container) whose clock stands at {@code now}. */
    private MeetingQualityHandler handler(StandInEnv env, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new MeetingQualityHandler(MeetingQualityWiring.wired(Env.of(env.toMap()), clock, List.of(URI.create(analyticsEu.baseUrl()))).service(),
                new JsonLog(MeetingQualityHandler.FUNCTION, new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
    }

    private static JsonNode handInvoke(MeetingQualityHandler handler) throws Exception {
        return Json.read(LambdaInvoker.invokeWithResource(handler, "webexdev-mtgquality", "/events/console-test-event.json"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    /** The weekly review on two pages (page 2 by its next link), the personal room on one; on {@code host}. */
    private static void qualitiesOn(WireMockExtension host) {
        String next = host.baseUrl() + "/v1/meeting/qualities?meetingId=" + WEEKLY_REVIEW + "&max=1000&offset=2";
        host.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(WEEKLY_REVIEW))
                .withQueryParam("offset", absent())
                .willReturn(json(Fixtures.text("webex-analytics/qualities-weekly-review-page-1.json"))
                        .withHeader("Link", "<" + next + ">; rel=\"next\"")));
        host.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(WEEKLY_REVIEW))
                .withQueryParam("offset", equalTo("2"))
                .willReturn(json(Fixtures.text("webex-analytics/qualities-weekly-review-page-2.json"))));
        host.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(PERSONAL_ROOM))
                .willReturn(json(Fixtures.text("webex-analytics/qualities-personal-room-with-guest.json"))));
    }

    private static int qualitiesCalls(WireMockExtension host, String meetingId) {
        return host.findAll(getRequestedFor(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(meetingId))).size();
    }

    // --- one call per meeting instance every 5 minutes, pages continued by later runs -----------

    @Test
    void aTwoPageMeetingIsStoredInPartSkippedWithinFiveMinutesAndContinuedFromItsNextLinkAfterThem() throws Exception {
        qualitiesOn(analytics);

        JsonNode first = handInvoke(handler(env(), NOW));

        assertThat(participants(WEEKLY_REVIEW)).containsExactly("hana.sato@example.com", "kenji.ito@example.com");
        assertThat(first.get("meetingsStored").toString()).isEqualTo("[\"" + PERSONAL_ROOM + "\"]");
        assertThat(first.get("meetingsPartial").get(0).get("meetingId").asText()).isEqualTo(WEEKLY_REVIEW);
        assertThat(first.get("meetingsPartial").get(0).get("nextPageAfter").asText()).isEqualTo("2026-11-28T04:55:00Z");
        Map<String, AttributeValue> ledger = ledger(WEEKLY_REVIEW);
        assertThat(ledger.get(QualityTable.CALLED_AT).n()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(ledger.get(QualityTable.NEXT_PAGE).s()).endsWith("/v1/meeting/qualities?meetingId=" + WEEKLY_REVIEW + "&max=1000&offset=2");
        assertThat(ledger.get(QualityTable.EXPIRES_AT).n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(8)).getEpochSecond()));
        assertThat(ledger).doesNotContainKey(QualityTable.JOIN_TIME); // so never in the dashboard's byUser index
        assertThat(qualitiesCalls(analytics, WEEKLY_REVIEW)).isEqualTo(1);

        // Two minutes later, another container: Webex is not asked for either meeting.
        JsonNode second = handInvoke(handler(env(), NOW.plus(Duration.ofMinutes(2))));

        assertThat(qualitiesCalls(analytics, WEEKLY_REVIEW)).isEqualTo(1);
        assertThat(qualitiesCalls(analytics, PERSONAL_ROOM)).isEqualTo(1);
        assertThat(second.get("outcome").asText()).isEqualTo("nothing asked: every meeting was asked less than 5 minutes ago");
        assertThat(second.get("meetingsSkipped").get(0).get("meetingId").asText()).isEqualTo(WEEKLY_REVIEW);
        assertThat(second.get("meetingsSkipped").get(0).get("reason").asText()).isEqualTo("asked 2 min ago, next after 04:55:00 UTC");
        assertThat(second.get("meetingsSkipped").get(0).get("nextAfter").asText()).isEqualTo("2026-11-28T04:55:00Z");
        assertThat(second.get("meetingsStored")).isEmpty();
        assertThat(participants(WEEKLY_REVIEW)).hasSize(2);

        // Five minutes after the first call: the weekly review continues from its next link.
        JsonNode third = handInvoke(handler(env(), NOW.plus(Duration.ofMinutes(5))));

        List<LoggedRequest> weekly = analytics.findAll(getRequestedFor(urlPathEqualTo("/v1/meeting/qualities"))
                .withQueryParam("meetingId", equalTo(WEEKLY_REVIEW)));
        assertThat(weekly).hasSize(2);
        assertThat(weekly.get(1).getUrl()).isEqualTo("/v1/meeting/qualities?meetingId=" + WEEKLY_REVIEW + "&max=1000&offset=2");
        assertThat(weekly.get(1).getHeader("Authorization")).isEqualTo("Bearer " + NEW_ACCESS);
        assertThat(participants(WEEKLY_REVIEW)).containsExactly("hana.sato@example.com", "kenji.ito@example.com", "priya.nair@example.com");
        assertThat(third.get("meetingsStored").toString()).isEqualTo("[\"" + WEEKLY_REVIEW + "\",\"" + PERSONAL_ROOM + "\"]");
        assertThat(third.get("meetingsPartial")).isEmpty();
        assertThat(ledger(WEEKLY_REVIEW)).doesNotContainKey(QualityTable.NEXT_PAGE)
                .containsEntry(QualityTable.CALLED_AT, n(NOW.plus(Duration.ofMinutes(5)).toEpochMilli()));
    }

    @Test
    void aRateLimitWhoseWaitDoesNotFitIsReportedWithItsWaitAndNotRetried() {
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "240").withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Too Many Requests\",\"trackingId\":\"ROUTER_6C1D\"}")));

        assertThatThrownBy(() -> handInvoke(handler(env(), NOW)))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("HTTP 429, and retrying after 240000 ms would pass the invocation's deadline")
                .hasMessageContaining("rate-limited: Webex asked to wait 240 s; next after 04:55:00 UTC")
                .hasMessageContaining("qualities of 2 of 2 meetings in progress could not be read");
        assertThat(qualitiesCalls(analytics, WEEKLY_REVIEW)).isEqualTo(1);
        assertThat(qualitiesCalls(analytics, PERSONAL_ROOM)).isEqualTo(1);
        assertThat(participants(WEEKLY_REVIEW)).isEmpty();
    }

    // --- regional analytics hosts -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {451, 403})
    void aRefusalNamingTheEuHostIsRetriedThereOnceWithTheTokenAndTheHostIsKept(int status) throws Exception {
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"This server cannot serve the data for this organization. Please use "
                        + analyticsEu.baseUrl() + "\",\"errorCode\":" + status + ",\"trackingId\":\"ROUTER_7A3F\"}")));
        qualitiesOn(analyticsEu);

        JsonNode answer = handInvoke(handler(env(), NOW));

        // The first meeting: refused by the configured host, retried once on the EU host; the second goes there directly.
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        List<LoggedRequest> eu = analyticsEu.findAll(anyRequestedFor(anyUrl()));
        assertThat(eu).hasSize(2)
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + NEW_ACCESS));
        assertThat(eu.get(0).getUrl()).isEqualTo("/v1/meeting/qualities?meetingId=" + WEEKLY_REVIEW + "&max=1000");
        assertThat(eu.get(1).getUrl()).isEqualTo("/v1/meeting/qualities?meetingId=" + PERSONAL_ROOM + "&max=1000");
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(webex.findAll(getRequestedFor(urlPathEqualTo("/v1/meeting/qualities")))).isEmpty();
        assertThat(answer.get("meetingsStored").toString()).isEqualTo("[\"" + PERSONAL_ROOM + "\"]");
        assertThat(participants(PERSONAL_ROOM)).hasSize(2);
        // The next link the EU host gave is kept for the next run.
        assertThat(ledger(WEEKLY_REVIEW).get(QualityTable.NEXT_PAGE).s()).startsWith(analyticsEu.baseUrl() + "/v1/meeting/qualities");
    }

    @Test
    void aRefusalNamingAHostOutsideTheAllowedListIsNotFollowedAndSaysWhatToDo() {
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(451)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"This server cannot serve the data for this organization. Please use "
                        + elsewhere.baseUrl() + "\",\"errorCode\":451,\"trackingId\":\"ROUTER_7A40\"}")));

        assertThatThrownBy(() -> handInvoke(handler(env(), NOW)))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("HTTP 451 (Webex serves this organisation's analytics from another regional host, "
                        + "and its answer named none of [https://analytics.webexapis.com, https://analytics-eu.webexapis.com, "
                        + "https://analytics-ca.webexapis.com]; set WEBEX_ANALYTICS_BASE_URL to the organisation's host)")
                .message().doesNotContain("Pro Pack").doesNotContain("cannot serve");
        assertThat(elsewhere.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(analyticsEu.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void aForbiddenThatNamesNoHostKeepsTheScopeAndProPackHintQuotingOnlyWebexsErrorCode() {
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The server understood the request, but refused to fulfill it.\","
                        + "\"errorCode\":\"AUTH_403_PROPACK\",\"trackingId\":\"ROUTER_5F2A\"}")));

        assertThatThrownBy(() -> handInvoke(handler(env(), NOW)))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("HTTP 403 (AUTH_403_PROPACK) (Meeting Qualities needs a token of an organisation "
                        + "administrator with the analytics:read_all scope, and the organisation needs the Webex Pro Pack)")
                .message().doesNotContain("refused to fulfill").doesNotContain("ROUTER_5F2A");
        assertThat(analyticsEu.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    // --- privacy --------------------------------------------------------------------------------

    @Test
    void storedItemsHoldTheMaskedAddressesOnly() throws Exception {
        qualitiesOn(analytics);

        handInvoke(handler(env(), NOW));

        List<Map<String, AttributeValue>> items = participantItems();
        assertThat(items).hasSize(4);
        for (Map<String, AttributeValue> item : items) {
            Map<String, AttributeValue> record = item.get(QualityTable.ITEMS).m();
            assertThat(record).doesNotContainKeys("localIP", "publicIP").containsKeys("maskedLocalIP", "maskedPublicIP");
            assertThat(record.get("maskedPublicIP").s()).isEqualTo("203.0.113.0");
            for (String raw : RAW_IPS) {
                assertThat(item.toString()).as("raw address in " + item.get(QualityTable.USER_EMAIL).s()).doesNotContain(raw);
            }
        }
    }

    @Test
    void storeRawIpsTrueKeepsTheRawAddressesAndAnyOtherValueFailsNamingIt() throws Exception {
        qualitiesOn(analytics);

        handInvoke(handler(env().set("STORE_RAW_IPS", "true"), NOW));

        Map<String, AttributeValue> hana = participantItems().stream()
                .filter(item -> item.get(QualityTable.MEETING_ID).s().equals(PERSONAL_ROOM)
                        && item.get(QualityTable.USER_EMAIL).s().equals("hana.sato@example.com")).findFirst().orElseThrow();
        assertThat(hana.get(QualityTable.ITEMS).m().get("localIP").s()).isEqualTo("192.168.1.23");
        assertThat(hana.get(QualityTable.ITEMS).m().get("maskedLocalIP").s()).isEqualTo("192.168.1.0");
        assertThatThrownBy(() -> handler(env().set("STORE_RAW_IPS", "yes"), NOW))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("STORE_RAW_IPS must be true or false, got 'yes'");
    }

    // --- the weekly keep-alive ------------------------------------------------------------------

    @Test
    void aScheduledEventRotatesTheTokenPairAndMakesNoMeetingsCall() throws Exception {
        qualitiesOn(analytics);

        JsonNode answer = Json.read(LambdaInvoker.invokeWithResource(handler(env(), NOW), "webexdev-mtgquality",
                "/events/scheduled-keep-alive.json"));

        assertThat(answer.get("outcome").asText()).isEqualTo("token pair rotated (scheduled keep-alive); no meeting read");
        assertThat(answer.get("refreshTokenChanged").asBoolean()).isTrue();
        JsonNode secret = Json.read(aws.secretString(TOKEN_SECRET).orElseThrow());
        assertThat(secret.get("ACCESS_TOKEN").asText()).isEqualTo(NEW_ACCESS);
        assertThat(secret.get("REFRESH_TOKEN").asText()).isEqualTo(NEW_REFRESH);
        webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/access_token")));
        assertThat(webex.findAll(getRequestedFor(anyUrl()))).isEmpty();
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    @Test
    void aHandInvokeWithAnEmptyObjectStillCollects() throws Exception {
        qualitiesOn(analytics);

        JsonNode answer = Json.read(LambdaInvoker.invoke(handler(env(), NOW), "webexdev-mtgquality", "{}"));

        assertThat(answer.get("outcome").asText()).isEqualTo("stored");
        assertThat(qualitiesCalls(analytics, PERSONAL_ROOM)).isEqualTo(1);
    }

    // --- helpers --------------------------------------------------------------------------------

    private List<Map<String, AttributeValue>> participantItems() {
        return dynamo.scan(TABLE).stream()
                .filter(item -> !item.get(QualityTable.USER_EMAIL).s().equals(QualityTable.CALL_LEDGER_KEY)).toList();
    }

    private List<String> participants(String meetingId) {
        return participantItems().stream().filter(item -> item.get(QualityTable.MEETING_ID).s().equals(meetingId))
                .map(item -> item.get(QualityTable.USER_EMAIL).s()).sorted().toList();
    }

    private Map<String, AttributeValue> ledger(String meetingId) {
        return dynamo.scan(TABLE).stream()
                .filter(item -> item.get(QualityTable.MEETING_ID).s().equals(meetingId)
                        && item.get(QualityTable.USER_EMAIL).s().equals(QualityTable.CALL_LEDGER_KEY))
                .findFirst().orElseThrow(() -> new AssertionError("no call-ledger item of " + meetingId));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
