package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.standins.StandIns;
import com.webexqoe.testkit.StandInEnv;
import com.webexqoe.testkit.faults.DeadEndpoints;
import com.webexqoe.testkit.faults.FaultRun;
import com.webexqoe.testkit.faults.HttpFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of every dependency of the mtgquality function through its real entry point, with
 * distinctive secret values: the Webex token endpoint, the meetings list and Meeting Qualities
 * answering each {@link HttpFault}; Secrets Manager failing to read or to write; DynamoDB gone.
 * Each run ends before its deadline naming what failed; the token secret is never overwritten
 * with anything but a whole new pair (compared byte for byte when the refresh failed); no record
 * is stored without its fields; and the next run after the fault clears stores normally.
 */
class MeetingQualityFaultsTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();
    @RegisterExtension
    static final WireMockExtension webex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final WireMockExtension analytics = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(6);
    static final String TABLE = QualityTable.SCHEMA.tableName();
    static final String SETTINGS_SECRET = "webexdev/secrets";
    static final String TOKEN_SECRET = "webexdev/mtgquality-token";
    static final Instant NOW = Instant.parse("2026-11-28T04:50:00Z");
    static final String CLIENT_ID = "SECRET-webex-client-id-0c7e";
    static final String CLIENT_SECRET = "SECRET-webex-client-secret-7f3a";
    static final String OLD_ACCESS = "SECRET-webex-old-access-1b2c";
    static final String OLD_REFRESH = "SECRET-webex-old-refresh-3d4e";
    static final String NEW_ACCESS = "SECRET-webex-new-access-5f6a";
    static final String NEW_REFRESH = "SECRET-webex-new-refresh-7b8c";
    static final List<String> SECRETS = List.of(CLIENT_ID, CLIENT_SECRET, OLD_ACCESS, OLD_REFRESH, NEW_ACCESS, NEW_REFRESH,
            StandIns.SECRET_KEY);
    static final String HOST = "hana.sato@example.com";
    static final String MEETING = "9b1e7c44d0a34f6e8f2c5a7d3b9e1c28_I_284714488821002245";
    /** As the operator typed it: kept byte for byte when no new pair was issued. */
    static final String TOKEN_SECRET_STRING = "{\"ACCESS_TOKEN\": \"" + OLD_ACCESS + "\",\n  \"REFRESH_TOKEN\": \""
            + OLD_REFRESH + "\", \"issuedBy\": \"ops\"}";
    static final String REFRESHED = "{\"access_token\":\"" + NEW_ACCESS + "\",\"expires_in\":1209600,\"refresh_token\":\""
            + NEW_REFRESH + "\",\"refresh_token_expires_in\":7776000}";
    static final byte[] EVENT = "{\"key1\":\"value1\"}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void standIns() {
        dynamo.create(QualityTable.SCHEMA.createTableRequest());
        givenSecrets();
    }

    static void givenSecrets() {
        aws.givenSecret(SETTINGS_SECRET, Map.of("CLIENT_ID", CLIENT_ID, "CLIENT_SECRET", CLIENT_SECRET, "hostEmail", HOST));
        aws.givenSecretString(TOKEN_SECRET, TOKEN_SECRET_STRING);
    }

    static StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("SECRETMANAGER_NAME", SETTINGS_SECRET)
                .set("SECRETMANAGER_TOKEN_NAME", TOKEN_SECRET)
                .set("WEBEX_API_BASE_URL", webex.baseUrl() + "/v1")
                .set("WEBEX_ANALYTICS_BASE_URL", analytics.baseUrl() + "/v1")
                .set("HTTP_CONNECT_TIMEOUT_MS", "500")
                .set("HTTP_READ_TIMEOUT_MS", "800")
                .set("HTTP_MAX_ATTEMPTS", "2");
    }

    static FaultRun run(StandInEnv env, Duration timeout) {
        return run(env, timeout, NOW);
    }

    static FaultRun run(StandInEnv env, Duration timeout, Instant now) {
        return FaultRun.invoke(() -> new MeetingQualityHandler(Env.of(env.toMap()), Clock.fixed(now, ZoneOffset.UTC)),
                MeetingQualityHandler.FUNCTION, EVENT, timeout);
    }

    static FaultRun run() {
        return run(env(), LAMBDA_TIMEOUT);
    }

    static byte[] meetingsBody() {
        return Fixtures.text("webex-meetings/meetings-in-progress-page-2.json").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] qualitiesBody() {
        return Fixtures.text("webex-analytics/qualities-personal-room-with-guest.json").getBytes(StandardCharsets.UTF_8);
    }

    static void serveAll() {
        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(json(REFRESHED.getBytes(StandardCharsets.UTF_8))));
        webex.stubFor(get(urlPathEqualTo("/v1/meetings")).willReturn(json(meetingsBody())));
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(json(qualitiesBody())));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    /** The participants' items (the call-ledger items left out). */
    static List<Map<String, AttributeValue>> items() {
        return dynamo.scan(TABLE).stream()
                .filter(item -> !item.get(QualityTable.USER_EMAIL).s().equals(QualityTable.CALL_LEDGER_KEY)).toList();
    }

    static String tokenSecret() {
        return aws.secretString(TOKEN_SECRET).orElseThrow();
    }

    static void assertNewPairSaved() throws Exception {
        JsonNode secret = Json.read(tokenSecret());
        assertThat(secret.get("ACCESS_TOKEN").asText()).isEqualTo(NEW_ACCESS);
        assertThat(secret.get("REFRESH_TOKEN").asText()).isEqualTo(NEW_REFRESH);
        assertThat(secret.get("issuedBy").asText()).isEqualTo("ops");
    }

    /**
     * After the fault: the next run, once Webex's 5 minutes have passed (a failed call still took
     * the meeting's turn), refreshes, saves the pair and stores both participants whole.
     */
    static void nextRunStoresNormally() throws Exception {
        serveAll();
        run(env(), LAMBDA_TIMEOUT, NOW.plus(CallLedger.INTERVAL)).leaksNothing(SECRETS).succeeded();
        assertNewPairSaved();
        assertThat(items()).hasSize(2).allSatisfy(item -> assertThat(item.keySet())
                .contains("meetingid", "useremail", "jointime", "items", "expiresAt"));
        String stored = items().toString();
        for (String secret : SECRETS) {
            assertThat(stored).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "Webex OAuth token endpoint: {0}")
    @EnumSource(HttpFault.class)
    void aTokenEndpointFaultLeavesTheSecretByteForByteAndCallsNothingElse(HttpFault fault) throws Exception {
        serveAll();
        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(fault.response(REFRESHED.getBytes(StandardCharsets.UTF_8),
                "application/json", "Retry-After")));

        run().endedInTime().failedNaming("token refresh failed", "Webex token endpoint").leaksNothing(SECRETS);

        assertThat(tokenSecret()).isEqualTo(TOKEN_SECRET_STRING);
        assertThat(aws.requests(AwsJsonStub.PUT_SECRET_VALUE)).isEmpty();
        assertThat(analytics.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(items()).isEmpty();
        nextRunStoresNormally();
    }

    @ParameterizedTest(name = "Webex Meetings list: {0}")
    @EnumSource(HttpFault.class)
    void aMeetingsFaultKeepsTheNewPairAndStoresNothing(HttpFault fault) throws Exception {
        serveAll();
        webex.stubFor(get(urlPathEqualTo("/v1/meetings")).willReturn(fault.response(meetingsBody(), "application/json", "Retry-After")));

        run().endedInTime().failedNaming("meetings in progress could not be listed", "Webex meetings list").leaksNothing(SECRETS);

        assertNewPairSaved();
        assertThat(items()).isEmpty();
        nextRunStoresNormally();
    }

    @ParameterizedTest(name = "Webex Meeting Qualities (analytics): {0}")
    @EnumSource(HttpFault.class)
    void aQualitiesFaultStoresNoPartialRecordAndNamesTheMeeting(HttpFault fault) throws Exception {
        serveAll();
        analytics.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(fault.response(qualitiesBody(),
                "application/json", "Retry-After")));

        run().endedInTime().failedNaming("qualities of 1 of 1 meetings", "Webex meeting qualities of meeting " + MEETING)
                .leaksNothing(SECRETS);

        assertNewPairSaved();
        assertThat(items()).isEmpty();
        nextRunStoresNormally();
    }

    @ParameterizedTest(name = "Secrets Manager GetSecretValue: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "HTTP_429_WITHOUT_HEADER", "CONNECTION_RESET", "EMPTY_RESPONSE",
            "RANDOM_DATA_THEN_CLOSE", "EMPTY_BODY", "TRUNCATED_BODY", "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void aSecretReadFaultCallsNoWebexApiAndWritesNothing(HttpFault fault) throws Exception {
        serveAll();
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE))
                .willReturn(fault.response("{}".getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1", "Retry-After")));

        run(env(), Duration.ofSeconds(10)).endedInTime().failedNaming("secret").leaksNothing(SECRETS);

        assertThat(webex.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(tokenSecret()).isEqualTo(TOKEN_SECRET_STRING);
        assertThat(items()).isEmpty();
        givenSecrets();
        nextRunStoresNormally();
    }

    @ParameterizedTest(name = "Secrets Manager PutSecretValue: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "CONNECTION_RESET", "EMPTY_RESPONSE", "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void aSecretWriteFaultNamesTheSecretLeavesItByteForByteAndStoresNothing(HttpFault fault) throws Exception {
        serveAll();
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.PUT_SECRET_VALUE))
                .willReturn(fault.response("{}".getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1", "Retry-After")));

        run(env(), Duration.ofSeconds(10)).endedInTime().failedNaming("could not be written to secret " + TOKEN_SECRET)
                .leaksNothing(SECRETS);

        assertThat(tokenSecret()).isEqualTo(TOKEN_SECRET_STRING);
        assertThat(webex.findAll(anyRequestedFor(urlPathEqualTo("/v1/meetings")))).isEmpty();
        assertThat(items()).isEmpty();
        givenSecrets();
        nextRunStoresNormally();
    }

    @Test
    void aHungSecretsManagerEndsTheRunBeforeItsDeadline() {
        serveAll();
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            run(env().secretsManager(hung.endpoint()), Duration.ofSeconds(10)).endedInTime()
                    .failedNaming("Secrets Manager").leaksNothing(SECRETS);
        }
        assertThat(webex.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(tokenSecret()).isEqualTo(TOKEN_SECRET_STRING);
    }

    @Test
    void aTableOnAClosedPortFailsNamingIt_theNewPairIsKept() throws Exception {
        serveAll();

        run(env().dynamoDb(DeadEndpoints.closedPort()), LAMBDA_TIMEOUT).endedInTime().failedNaming("DynamoDB table " + TABLE)
                .leaksNothing(SECRETS);

        assertNewPairSaved();
        assertThat(items()).isEmpty();
    }
}
