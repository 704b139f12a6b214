package com.webexqoe.twitter;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.common.schema.TwitterTable;
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
import java.util.HashMap;
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
 * Faults of every dependency of the twitterapi function through its real entry point, with
 * distinctive secret values: X API v2 and v1.1 (Twitter4J) answering each {@link HttpFault},
 * Comprehend failing, Secrets Manager failing, DynamoDB gone. Each run ends before its deadline
 * naming the dependency, stores no post without its sentiment, and the next run stores normally.
 */
class TwitterFaultsTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final WireMockExtension attacker = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(6);
    static final String TABLE = TwitterTable.SCHEMA.tableName();
    static final String SECRET = "webexdev/secrets";
    static final String BEARER = "SECRET-x-bearer-token-7f3a0b1c2d";
    static final Map<String, String> OAUTH = Map.of(
            "API_KEY", "SECRET-x-api-key-1a2b",
            "API_SECRET", "SECRET-x-api-secret-3c4d",
            "TWITTER_TOKEN", "SECRET-x-access-token-5e6f",
            "TWITTER_TOKEN_SECRET", "SECRET-x-access-token-secret-7a8b");
    static final List<String> SECRETS = List.of(BEARER, "SECRET-x-api-key-1a2b", "SECRET-x-api-secret-3c4d",
            "SECRET-x-access-token-5e6f", "SECRET-x-access-token-secret-7a8b", StandIns.SECRET_KEY);
    static final Instant NOW = Instant.parse("2026-11-28T04:15:00Z");
    static final String V2_PATH = "/2/tweets/search/recent";
    static final String V11_PATH = "/1.1/search/tweets.json";
    static final String BATCH_DETECT_LANGUAGE = "Comprehend_20171127.BatchDetectDominantLanguage";
    static final String BATCH_DETECT_SENTIMENT = "Comprehend_20171127.BatchDetectSentiment";
    static final byte[] EVENT = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void table() {
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
    }

    static StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .comprehend(aws.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("SECRETMANAGER_NAME", SECRET)
                .set("TZ", "Asia/Tokyo")
                .set("TWITTER_API_BASE_URL", x.baseUrl())
                .set("HTTP_CONNECT_TIMEOUT_MS", "500")
                .set("HTTP_READ_TIMEOUT_MS", "800")
                .set("HTTP_MAX_ATTEMPTS", "2");
    }

    static FaultRun run(StandInEnv env, Duration timeout) {
        return FaultRun.invoke(() -> new TwitterHandler(Env.of(env.toMap()), Clock.fixed(NOW, ZoneOffset.UTC)),
                TwitterHandler.FUNCTION, EVENT, timeout);
    }

    static FaultRun run() {
        return run(env(), LAMBDA_TIMEOUT);
    }

    static void givenBearer() {
        Map<String, String> values = new HashMap<>(OAUTH);
        values.put("TWITTER_BEARER_TOKEN", BEARER);
        aws.givenSecret(SECRET, values);
    }

    static byte[] v2Body() {
        return Fixtures.bytes("x-api-v2/search-recent-ten-posts.json");
    }

    static byte[] v11Body() {
        return Fixtures.bytes("x-api-v1.1/search-tweets-extended.json");
    }

    static void serveV2() {
        x.stubFor(get(urlPathEqualTo(V2_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(v2Body())));
    }

    static void serveV11() {
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json;charset=utf-8").withBody(v11Body())));
    }

    static void comprehendFor(int posts) {
        String count = posts == 10 ? "ten" : "three";
        aws.answer(BATCH_DETECT_LANGUAGE, Fixtures.text("comprehend/batch-detect-dominant-language-" + count + "-english.json"));
        aws.answer(BATCH_DETECT_SENTIMENT, Fixtures.text("comprehend/batch-detect-sentiment-" + count + ".json"));
    }

    static List<Map<String, AttributeValue>> items() {
        // The posts: the items byDay holds (the X bookkeeping items have no day).
        return dynamo.scan(TABLE).stream().filter(item -> item.containsKey(TwitterTable.DAY)).toList();
    }

    /** Every stored post is whole: id, time, text, sentiment and its scores. */
    static void assertWholeItems(int expected) {
        assertThat(items()).hasSize(expected).allSatisfy(item ->
                assertThat(item.keySet()).contains("tweetid", "datetime", "unixtime", "text", "Sentiment", "SentimentScore",
                        "language_code", "day", "expiresAt"));
    }

    static void assertNoSecretStored() {
        String stored = items().toString();
        for (String secret : SECRETS) {
            assertThat(stored).doesNotContain(secret);
        }
    }

    @ParameterizedTest(name = "X API v2: {0}")
    @EnumSource(HttpFault.class)
    void anXv2FaultFailsNamingItStoresNothingAndTheNextRunStores(HttpFault fault) {
        givenBearer();
        comprehendFor(10);
        x.stubFor(get(urlPathEqualTo(V2_PATH)).willReturn(fault.response(v2Body(), "application/json", "x-rate-limit-reset")));

        run().endedInTime().failedNaming("X API v2").leaksNothing(SECRETS);
        assertThat(items()).isEmpty();

        serveV2();
        run().leaksNothing(SECRETS).succeeded();
        assertWholeItems(10);
        assertNoSecretStored();
    }

    @ParameterizedTest(name = "X API v1.1 (Twitter4J): {0}")
    @EnumSource(HttpFault.class)
    void anXv11FaultFailsNamingItStoresNothingAndTheNextRunStores(HttpFault fault) {
        aws.givenSecret(SECRET, OAUTH);
        comprehendFor(3);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(fault.response(v11Body(), "application/json", "x-rate-limit-reset")));

        run().endedInTime().failedNaming("X API v1.1").leaksNothing(SECRETS);
        assertThat(items()).isEmpty();

        serveV11();
        run().leaksNothing(SECRETS).succeeded();
        assertWholeItems(3);
        assertNoSecretStored();
    }

    @Test
    void aV11RedirectToAnotherOriginIsNotFollowedWithTheCredentials() {
        aws.givenSecret(SECRET, OAUTH);
        comprehendFor(3);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", attacker.baseUrl() + V11_PATH + "?q=Webex")));
        attacker.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(v11Body())));

        FaultRun run = run();

        assertThat(attacker.findAll(anyRequestedFor(anyUrl()))).as("requests that reached the other origin").isEmpty();
        run.endedInTime().failedNaming("X API v1.1").leaksNothing(SECRETS);
        assertThat(items()).isEmpty();
    }

    @Test
    void aV2RedirectToAnotherOriginIsNotFollowedWithTheBearerToken() {
        givenBearer();
        comprehendFor(10);
        x.stubFor(get(urlPathEqualTo(V2_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", attacker.baseUrl() + V2_PATH + "?query=Webex")));

        FaultRun run = run();

        assertThat(attacker.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        run.endedInTime().failedNaming("X API v2", "another origin").leaksNothing(SECRETS);
    }

    @ParameterizedTest(name = "Comprehend: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "HTTP_429_WITH_RESET_HEADER", "HTTP_429_WITHOUT_HEADER",
            "CONNECTION_RESET", "EMPTY_RESPONSE", "MALFORMED_CHUNK", "RANDOM_DATA_THEN_CLOSE", "EMPTY_BODY", "TRUNCATED_BODY",
            "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void aComprehendFaultStoresNoPostWithoutSentimentAndTheNextRunStoresThem(HttpFault fault) {
        givenBearer();
        serveV2();
        comprehendFor(10);
        byte[] valid = Fixtures.bytes("comprehend/batch-detect-sentiment-ten.json");
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(BATCH_DETECT_SENTIMENT))
                .willReturn(fault.response(valid, "application/x-amz-json-1.1", "Retry-After")));

        run(env(), Duration.ofSeconds(10)).endedInTime().failedNaming("Comprehend failed for 10 of 10").leaksNothing(SECRETS);
        assertThat(items()).isEmpty();

        comprehendFor(10);
        run().leaksNothing(SECRETS).succeeded();
        assertWholeItems(10);
    }

    @Test
    void aHungComprehendEndsTheRunBeforeItsDeadline() {
        givenBearer();
        serveV2();
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            run(env().comprehend(hung.endpoint()), Duration.ofSeconds(8)).endedInTime().failedNaming("Comprehend").leaksNothing(SECRETS);
        }
        assertThat(items()).isEmpty();
    }

    @ParameterizedTest(name = "Secrets Manager: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "HTTP_429_WITHOUT_HEADER", "CONNECTION_RESET", "EMPTY_RESPONSE",
            "RANDOM_DATA_THEN_CLOSE", "EMPTY_BODY", "TRUNCATED_BODY", "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void aSecretsManagerFaultFailsNamingTheSecretBeforeAnyXCall(HttpFault fault) {
        givenBearer();
        serveV2();
        comprehendFor(10);
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE))
                .willReturn(fault.response("{}".getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1", "Retry-After")));

        run(env(), Duration.ofSeconds(10)).endedInTime().failedNaming("secret", SECRET).leaksNothing(SECRETS);
        assertThat(x.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(items()).isEmpty();

        givenBearer();
        run().leaksNothing(SECRETS).succeeded();
        assertWholeItems(10);
    }

    @Test
    void aTableOnAClosedPortFailsNamingIt() {
        givenBearer();
        serveV2();
        comprehendFor(10);

        run(env().dynamoDb(DeadEndpoints.closedPort()), LAMBDA_TIMEOUT).endedInTime().failedNaming("DynamoDB table " + TABLE)
                .leaksNothing(SECRETS);
    }
}
