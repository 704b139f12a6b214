package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The handler's real entry point with a console test event, against dynalite (DynamoDB), a
 * stateful Secrets Manager stand-in and WireMock for Webex's OAuth, Meetings and Analytics
 * hosts, through the same SDK and HTTP calls it makes in AWS.
 */
class MeetingQualityHandlerIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    @RegisterExtension
    static final WireMockExtension webex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final WireMockExtension analytics = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TABLE = QualityTable.SCHEMA.tableName();
    private static final String SETTINGS_SECRET = "webexdev/secrets";
    private static final String TOKEN_SECRET = "webexdev/mtgquality-token";
    private static final Instant NOW = Instant.parse("2026-11-28T04:50:00Z");
    private static final long EXPIRES_AT = NOW.plus(Duration.ofDays(90)).getEpochSecond();

    // Distinctive values, so that any leak into a log line, an answer or a message is found.
    private static final String CLIENT_ID = "C7e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d2";
    private static final String CLIENT_SECRET = "CLIENTSECRET-9f2d7c1e5a3b8d6f4e2c0a9b7d5f3e1c";
    private static final String OLD_ACCESS = "OLDACCESS-b2xkLWFjY2Vzcy10b2tlbi0yMDI2LTExLTE0X1BGODRfMWViNGQ5";
    private static final String OLD_REFRESH = "OLDREFRESH-b2xkLXJlZnJlc2gtdG9rZW4tMjAyNi0wOS0wMV9QRjg0XzFlYjRk";
    private static final String NEW_ACCESS = "NEWACCESS-Zm9vYmFyLWFjY2Vzcy10b2tlbi0yMDI2LTExLTI4X1BGODRfMWVi";
    private static final String NEW_REFRESH = "NEWREFRESH-cmVmcmVzaC10b2tlbi0yMDI2LTExLTI4X1BGODRfMWViNGQ5ZjI";
    private static final List<String> SECRET_VALUES = List.of(CLIENT_SECRET, OLD_ACCESS, OLD_REFRESH, NEW_ACCESS, NEW_REFRESH);

    private static final String HOST = "hana.sato@example.com";
    private static final String WEEKLY_REVIEW = "3f8c2a0d6b6e4c1f9a7d2e5b8c1a4f60_I_284713920458113024";
    private static final String PERSONAL_ROOM = "9b1e7c44d0a34f6e8f2c5a7d3b9e1c28_I_284714488821002245";
    /** The token secret as the operator typed it (spacing and an extra key included): kept exactly on failure. */
    private static final String TOKEN_SECRET_STRING = "{\"ACCESS_TOKEN\": \"" + OLD_ACCESS + "\",\n  \"REFRESH_TOKEN\": \""
            + OLD_REFRESH + "\", \"issuedBy\": \"ops\", \"rotationAlarmDays\": 14}";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeEach
    void standIns() {
        dynamo.create(QualityTable.SCHEMA.createTableRequest());
        aws.givenSecret(SETTINGS_SECRET, Map.of("CLIENT_ID", CLIENT_ID, "CLIENT_SECRET", CLIENT_SECRET,
                "hostEmail", HOST, "userEmail", "priya.nair@example.com"));
        aws.givenSecretString(TOKEN_SECRET, TOKEN_SECRET_STRING);
    }

    private StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("SECRETMANAGER_NAME", SETTINGS_SECRET)
                .set("SECRETMANAGER_TOKEN_NAME", TOKEN_SECRET)
                .set("WEBEX_API_BASE_URL", webex.baseUrl() + "/v1")
                .set("WEBEX_ANALYTICS_BASE_URL", analytics.baseUrl() + "/v1")
                .set("TZ", "Asia/Tokyo");
    }

    private MeetingQualityHandler handler(StandInEnv env) {
        return handler(env, NOW);
    }

    private MeetingQualityHandler handler(StandInEnv env, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new MeetingQualityHandler(MeetingQualityWiring.wired(Env.of(env.toMap()), clock).service(),
                new JsonLog(MeetingQualityHandler.FUNCTION, new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
    }

    private static String invoke(MeetingQualityHandler handler) {
        return LambdaInvoker.invokeWithResource(handler, "webexdev-mtgquality", "/events/console-test-event.json");
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    // --- Webex stand-ins -------------------------------------------------------------------

    private static void tokenEndpointAnswers(int status, String fixture) {
        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(Fixtures.text(fixture))));
    }

    private static void meetingsInProgressOnTwoPages() {
        String next = webex.baseUrl() + "/v1/meetings?meetingType=meeting&state=inProgress&hostEmail=hana.sato%40example.com"
                + "&cursor=Y3Vyc29yLXBhZ2UtMg";
        webex.stubFor(get(urlPathEqualTo("/v1/meetings"))
                .withQueryParam("meetingType", equalTo("meeting"))
                .withQueryParam("state", equalTo("inProgress"))
                .withQueryParam("hostEmail", equalTo(HOST))
                .withQueryParam("cursor", absent())
                .willReturn(json(Fixtures.text("webex-meetings/meetings-in-progress-page-1.json"))
                        .withHeader("Link", "<" + next + ">; rel=\"next\"")));
        webex.stubFor(get(urlPathEqualTo("/v1/meetings"))
                .withQueryParam("cursor", equalTo("Y3Vyc29yLXBhZ2UtMg"))
                .willReturn(json(Fixtures.text("webex-meetings/meetings-in-progress-page-2.json"))));
    }

    private static void noMeetingInProgress() {
        webex.stubFor(get(urlPathEqualTo("/v1/meetings"))
                .willReturn(json(Fixtures.text("webex-meetings/meetings-none-in-progress.json"))));
    }

    /** The weekly review's records on two pages; the personal room's after one 429 with Retry-After. */
    private static void qualitiesOfBothMeetings() {
        String next = analytics.baseUrl() + "/v1/meeting/qualities?meetingId=" + WEEKLY_REVIEW + "&max=2&offset=2";
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities"))
                .withQueryParam("meetingId", equalTo(WEEKLY_REVIEW))
                .withQueryParam("offset", absent())
                .willReturn(json(Fixtures.text("webex-analytics/qualities-weekly-review-page-1.json"))
                        .withHeader("Link", "<" + next + ">; rel=\"next\"")));
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities"))
                .withQueryParam("meetingId", equalTo(WEEKLY_REVIEW))
                .withQueryParam("offset", equalTo("2"))
                .willReturn(json(Fixtures.text("webex-analytics/qualities-weekly-review-page-2.json"))));
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities"))
                .withQueryParam("meetingId", equalTo(PERSONAL_ROOM))
                .inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Too Many Requests\",\"trackingId\":\"ROUTER_1B2C3D4E\"}"))
                .willSetStateTo("waited"));
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities"))
                .withQueryParam("meetingId", equalTo(PERSONAL_ROOM))
                .inScenario("rate limit").whenScenarioStateIs("waited")
                .willReturn(json(Fixtures.text("webex-analytics/qualities-personal-room-with-guest.json"))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    private void happyPathStandIns() {
        tokenEndpointAnswers(200, "webex-oauth/access-token-refreshed.json");
        meetingsInProgressOnTwoPages();
        qualitiesOfBothMeetings();
    }

    // --- Tests -----------------------------------------------------------------------------

    @Test
    void storesEveryParticipantOfBothMeetingsInProgressAndAnswersWhatItDid() throws Exception {
        happyPathStandIns();

        JsonNode answer = Json.read(invoke(handler(env())));

        assertThat(answer.get("outcome").asText()).isEqualTo("stored");
        assertThat(answer.get("meetingsFound").asInt()).isEqualTo(2);
        // The weekly review's first page only: its second waits for Webex's 5 minutes.
        assertThat(answer.get("recordsStored").asInt()).isEqualTo(4);
        assertThat(answer.get("guestRecords").asInt()).isEqualTo(1);
        assertThat(answer.get("meetingsFailed").asInt()).isZero();
        assertThat(answer.get("meetingsStored").toString()).isEqualTo("[\"" + PERSONAL_ROOM + "\"]");
        assertThat(answer.get("meetingsPartial").toString()).isEqualTo("[{\"meetingId\":\"" + WEEKLY_REVIEW
                + "\",\"nextPageAfter\":\"2026-11-28T04:55:00Z\"}]");
        assertThat(answer.get("meetingsSkipped").toString()).isEqualTo("[]");
        assertThat(keys()).containsExactly(
                WEEKLY_REVIEW + " hana.sato@example.com",
                WEEKLY_REVIEW + " kenji.ito@example.com",
                PERSONAL_ROOM + " guest:" + PERSONAL_ROOM + "_9",
                PERSONAL_ROOM + " hana.sato@example.com");

        Map<String, AttributeValue> hana = item(WEEKLY_REVIEW, "hana.sato@example.com");
        assertThat(hana).containsEntry("jointime", s("2026-11-28T04:30:41.000Z"))
                .containsEntry("leavetime", s("2026-11-28T04:45:00.000Z"))
                .containsEntry("serverregion", s("Tokyo, Japan"))
                .containsEntry("networktype", s("wifi"))
                .containsEntry("expiresAt", n(EXPIRES_AT))
                .containsOnlyKeys("meetingid", "useremail", "jointime", "leavetime", "serverregion", "networktype",
                        "items", "expiresAt");
        // The whole record but the raw addresses, numbers exact (compared by value: DynamoDB normalises 30.0 to 30).
        JsonNode record = Json.read(Fixtures.text("webex-analytics/qualities-weekly-review-page-1.json")).get("items").get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) record).remove(List.of("localIP", "publicIP"));
        assertThat(AttributeValues.toJson(hana.get("items")).equals(NUMERIC_VALUE, record)).isTrue();
        assertThat(hana.get("items").m().get("audioIn").l().get(0).m().get("packetLoss").l().get(0).n()).isEqualTo("0.0523");
        assertThat(item(PERSONAL_ROOM, "hana.sato@example.com").get("items").m().get("videoIn").l().get(0).m()
                .get("packetLoss").l().get(0).n()).isEqualTo("0.000001");
    }

    @Test
    void writesTheNewTokenPairBeforeUsingItAndKeepsTheSecretsOtherKeys() throws Exception {
        happyPathStandIns();

        invoke(handler(env()));

        JsonNode secret = Json.read(aws.secretString(TOKEN_SECRET).orElseThrow());
        assertThat(secret.get("ACCESS_TOKEN").asText()).isEqualTo(NEW_ACCESS);
        assertThat(secret.get("REFRESH_TOKEN").asText()).isEqualTo(NEW_REFRESH);
        assertThat(secret.get("issuedBy").asText()).isEqualTo("ops");
        assertThat(secret.get("rotationAlarmDays").isIntegralNumber()).isTrue();
        assertThat(secret.get("rotationAlarmDays").asInt()).isEqualTo(14);
        assertThat(secret.size()).isEqualTo(4);
        assertThat(aws.requests(AwsJsonStub.PUT_SECRET_VALUE)).hasSize(1)
                .allSatisfy(put -> assertThat(put.get("SecretId").asText()).isEqualTo(TOKEN_SECRET));

        // The refresh: one form POST with the stored refresh token and the integration's credentials.
        List<LoggedRequest> refreshes = webex.findAll(postRequestedFor(urlPathEqualTo("/v1/access_token")));
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(refreshes.get(0).getBodyAsString())).containsExactly(
                Map.entry("grant_type", "refresh_token"),
                Map.entry("client_id", CLIENT_ID),
                Map.entry("client_secret", CLIENT_SECRET),
                Map.entry("refresh_token", OLD_REFRESH));
    }

    @Test
    void meetingsAndQualitiesAreReadWithTheNewAccessTokenNeverTheOldOne() {
        happyPathStandIns();

        invoke(handler(env()));

        List<LoggedRequest> reads = new ArrayList<>(webex.findAll(getRequestedFor(anyUrl())));
        reads.addAll(analytics.findAll(anyRequestedFor(anyUrl())));
        // 2 pages of meetings, 1 page of the weekly review, the personal room's 429 and its retry.
        assertThat(reads).hasSize(5)
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + NEW_ACCESS));
        assertThat(webex.findAll(getRequestedFor(urlPathEqualTo("/v1/meetings"))).get(0).getUrl())
                .isEqualTo("/v1/meetings?meetingType=meeting&state=inProgress&hostEmail=hana.sato%40example.com");
        // The 429's Retry-After was waited out and the call repeated once.
        analytics.verify(2, getRequestedFor(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(PERSONAL_ROOM)));
        analytics.verify(1, getRequestedFor(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(WEEKLY_REVIEW)));
        assertThat(analytics.findAll(getRequestedFor(urlPathEqualTo("/v1/meeting/qualities"))).get(0).getUrl())
                .isEqualTo("/v1/meeting/qualities?meetingId=" + WEEKLY_REVIEW + "&max=1000");
    }

    @Test
    void aRefusedRefreshLeavesTheSecretByteForByteStoresNothingAndCallsNothingElse() {
        tokenEndpointAnswers(400, "webex-oauth/access-token-invalid-grant.json");
        meetingsInProgressOnTwoPages();
        qualitiesOfBothMeetings();

        Throwable thrown = catchThrowable(() -> invoke(handler(env())));

        assertThat(thrown).isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("HTTP 400 (invalid_grant)")
                .hasMessageContaining("Secret " + TOKEN_SECRET + " was left as it was")
                .hasMessageContaining("Re-authorise the integration");
        assertThat(aws.secretString(TOKEN_SECRET)).contains(TOKEN_SECRET_STRING);
        assertThat(aws.requests(AwsJsonStub.PUT_SECRET_VALUE)).isEmpty();
        assertThat(webex.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(dynamo.scan(TABLE)).isEmpty();
        assertThat(log()).contains("\"level\":\"ERROR\"").contains("Re-authorise the integration");
    }

    @Test
    void aTokenEndpointThatFailsIsNotAskedTwiceAndNothingIsWritten() {
        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "1")));
        meetingsInProgressOnTwoPages();

        assertThatThrownBy(() -> invoke(handler(env())))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("Webex token endpoint: HTTP 503")
                .hasMessageContaining("try again later");
        webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/access_token")));
        assertThat(webex.findAll(getRequestedFor(anyUrl()))).isEmpty();
        assertThat(aws.secretString(TOKEN_SECRET)).contains(TOKEN_SECRET_STRING);
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    @Test
    void aTokenEndpointThatTimesOutLeavesTheSecretAlone() {
        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)
                .withBody(Fixtures.text("webex-oauth/access-token-refreshed.json"))));

        assertThatThrownBy(() -> invoke(handler(env().set("HTTP_READ_TIMEOUT_MS", "300"))))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("Webex token endpoint: no response within 300 ms");
        webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/access_token")));
        assertThat(aws.secretString(TOKEN_SECRET)).contains(TOKEN_SECRET_STRING);
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    @Test
    void noMeetingInProgressStoresNothingAndSaysSo() throws Exception {
        tokenEndpointAnswers(200, "webex-oauth/access-token-refreshed.json");
        noMeetingInProgress();

        JsonNode answer = Json.read(invoke(handler(env())));

        assertThat(answer.get("outcome").asText()).isEqualTo("no meeting in progress");
        assertThat(answer.get("meetingsFound").asInt()).isZero();
        assertThat(answer.get("recordsStored").asInt()).isZero();
        assertThat(dynamo.scan(TABLE)).isEmpty();
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(log()).contains("\"message\":\"no meeting in progress for the host (secret key hostEmail); nothing stored\"");
        // The rotation still happened: the next run must use the new pair.
        assertThat(Json.read(aws.secretString(TOKEN_SECRET).orElseThrow()).get("REFRESH_TOKEN").asText()).isEqualTo(NEW_REFRESH);
    }

    @Test
    void aGuestWithoutEmailIsStoredUnderItsParticipantId() {
        happyPathStandIns();

        invoke(handler(env()));

        Map<String, AttributeValue> guest = item(PERSONAL_ROOM, "guest:" + PERSONAL_ROOM + "_9");
        assertThat(guest.get("items").m().get("webexUserName").s()).isEqualTo("Guest 1");
        assertThat(guest.get("items").m()).doesNotContainKey("webexUserEmail");
        assertThat(guest).containsEntry("jointime", s("2026-11-28T04:42:02.000Z"))
                .containsEntry("networktype", s("wifi"));
    }

    @Test
    void aMeetingWhoseQualitiesFailDoesNotStopTheOthersAndTheRunEndsInError() {
        tokenEndpointAnswers(200, "webex-oauth/access-token-refreshed.json");
        meetingsInProgressOnTwoPages();
        qualitiesOfBothMeetings();
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).withQueryParam("meetingId", equalTo(WEEKLY_REVIEW))
                .willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> invoke(handler(env().set("HTTP_MAX_ATTEMPTS", "2"))))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("qualities of 1 of 2 meetings in progress could not be read: " + WEEKLY_REVIEW)
                .hasMessageContaining("HTTP 502 after 2 attempts")
                .hasMessageContaining("Stored 2 records (2 meetings found, 1 failed); stored: " + PERSONAL_ROOM
                        + "; partial: none; skipped: none");
        assertThat(keys()).containsExactly(
                PERSONAL_ROOM + " guest:" + PERSONAL_ROOM + "_9",
                PERSONAL_ROOM + " hana.sato@example.com");
        assertThat(log()).contains("\"message\":\"meeting qualities could not be read\"")
                .contains("\"meetingId\":\"" + WEEKLY_REVIEW + "\"");
    }

    @Test
    void aTokenWithoutAnalyticsAccessFailsEveryMeetingSayingWhatAccessIsNeeded() {
        tokenEndpointAnswers(200, "webex-oauth/access-token-refreshed.json");
        meetingsInProgressOnTwoPages();
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The server understood the request, but refused to fulfill it.\",\"trackingId\":\"ROUTER_5F2A\"}")));

        assertThatThrownBy(() -> invoke(handler(env())))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("qualities of 2 of 2 meetings in progress could not be read")
                .hasMessageContaining("HTTP 403 (Meeting Qualities needs a token of an organisation administrator with the "
                        + "analytics:read_all scope, and the organisation needs the Webex Pro Pack)")
                .hasMessageContaining("Stored 0 records");
        assertThat(keys()).isEmpty();
    }

    @Test
    void noTokenNorTheClientSecretAppearsInLogsAnswersOrMessagesOfWholeRuns() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        List<String> outputs = new ArrayList<>();
        try {
            PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(tee);
            System.setErr(tee);

            happyPathStandIns();
            outputs.add(invoke(handler(env())));

            // A partial failure, with the token secret now holding the new pair (after Webex's 5 minutes).
            analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json").withBody("{\"message\":\"token " + NEW_ACCESS + " not allowed\"}")));
            outputs.addAll(messages(catchThrowable(() -> invoke(handler(env(), NOW.plus(Duration.ofMinutes(6)))))));

            // A refused refresh whose error body quotes the refresh token.
            webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_token\",\"error_description\":\"bad " + NEW_REFRESH + " / " + CLIENT_SECRET + "\"}")));
            outputs.addAll(messages(catchThrowable(() -> invoke(handler(env())))));

            // A 200 whose body is not JSON but holds a token.
            webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(200)
                    .withBody("access_token=" + NEW_ACCESS + "&refresh_token=" + NEW_REFRESH)));
            outputs.addAll(messages(catchThrowable(() -> invoke(handler(env())))));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(outputs).hasSize(4); // one answer, three failures' message chains
        String everything = log() + "\n" + console.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", outputs);
        assertThat(log()).contains("meeting quality run done").contains("meeting quality run failed")
                .contains("HTTP 401 (invalid_token)").contains("the answer is not JSON");
        for (String value : SECRET_VALUES) {
            assertThat(everything).doesNotContain(value);
        }
        assertThat(everything).doesNotContain("NEWACCESS").doesNotContain("NEWREFRESH").doesNotContain("OLDREFRESH")
                .doesNotContain("CLIENTSECRET");
    }

    @Test
    void whenWebexReturnsTheSameRefreshTokenTheSecretHoldsItWithTheNewAccessToken() throws Exception {
        tokenEndpointAnswers(200, "webex-oauth/access-token-same-refresh-token.json");
        noMeetingInProgress();

        invoke(handler(env()));

        JsonNode secret = Json.read(aws.secretString(TOKEN_SECRET).orElseThrow());
        assertThat(secret.get("ACCESS_TOKEN").asText()).isEqualTo(NEW_ACCESS);
        assertThat(secret.get("REFRESH_TOKEN").asText()).isEqualTo(OLD_REFRESH);
        assertThat(log()).contains("\"refreshTokenChanged\":false").contains("\"refreshTokenExpiresInSeconds\":5443200");
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowedSoTheTokenStaysWithWebex() {
        tokenEndpointAnswers(200, "webex-oauth/access-token-refreshed.json");
        webex.stubFor(get(urlPathEqualTo("/v1/meetings")).willReturn(json(Fixtures.text("webex-meetings/meetings-in-progress-page-1.json"))
                .withHeader("Link", "<" + analytics.baseUrl() + "/v1/meetings?cursor=elsewhere>; rel=\"next\"")));

        assertThatThrownBy(() -> invoke(handler(env())))
                .isInstanceOf(MeetingQualityException.class)
                .hasMessageContaining("the host's meetings in progress could not be listed: Webex meetings list: "
                        + "the next page is on another origin")
                .hasMessageContaining("nothing was stored");
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(dynamo.scan(TABLE)).isEmpty();
    }

    @Test
    void aTokenSecretWithoutRefreshTokenFailsNamingTheKeyBeforeAnyCall() {
        aws.givenSecret(TOKEN_SECRET, Map.of("ACCESS_TOKEN", OLD_ACCESS));
        happyPathStandIns();

        assertThatThrownBy(() -> invoke(handler(env())))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("secret " + TOKEN_SECRET + " has no value for key REFRESH_TOKEN");
        assertThat(webex.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aMissingVariableFailsAtOnceNamingIt() {
        assertThatThrownBy(() -> handler(env().remove("SECRETMANAGER_TOKEN_NAME")))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("SECRETMANAGER_TOKEN_NAME is not set");
    }

    // --- Helpers ---------------------------------------------------------------------------

    /** Every message and description of a failure and its causes. */
    private static List<String> messages(Throwable thrown) {
        assertThat(thrown).isNotNull();
        List<String> texts = new ArrayList<>();
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        texts.add(chain.toString());
        return texts;
    }

    /** The participants' items (the call-ledger items left out). */
    private List<String> keys() {
        return dynamo.scan(TABLE).stream()
                .filter(item -> !item.get("useremail").s().equals(QualityTable.CALL_LEDGER_KEY))
                .map(item -> item.get("meetingid").s() + " " + item.get("useremail").s())
                .sorted()
                .toList();
    }

    private Map<String, AttributeValue> item(String meetingId, String userKey) {
        return dynamo.scan(TABLE).stream()
                .filter(item -> item.get("meetingid").s().equals(meetingId) && item.get("useremail").s().equals(userKey))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + meetingId + " / " + userKey));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** JSON trees equal, numbers by value. */
    private static final Comparator<JsonNode> NUMERIC_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
