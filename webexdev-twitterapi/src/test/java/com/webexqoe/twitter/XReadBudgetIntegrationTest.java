package com.webexqoe.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.TwitterTable;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What X costs, through the handler's real entry point against dynalite, WireMock (X API v2 and
 * v1.1) and the AWS JSON stub (docs/webexdev-twitterapi.md#read-budget): since_id on the second run,
 * the daily read budget with a fixed clock, the query that leaves retweets out, and X's refusals
 * named and never retried.
 */
class XReadBudgetIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    private static final String TABLE = TwitterTable.SCHEMA.tableName();
    private static final String SECRET = "webexdev/secrets";
    private static final String BEARER = "AAAAAAAAAAAAAAAAAAAAAbudget-bearer-0001";
    private static final Instant NOW = Instant.parse("2026-11-28T04:15:00Z");
    private static final String V2_PATH = "/2/tweets/search/recent";
    private static final String V11_PATH = "/1.1/search/tweets.json";
    private static final String NEWEST_OF_TEN = "2126526488269361152";
    private static final String BATCH_DETECT_LANGUAGE = "Comprehend_20171127.BatchDetectDominantLanguage";
    private static final String BATCH_DETECT_SENTIMENT = "Comprehend_20171127.BatchDetectSentiment";
    private static final String DETECT_LANGUAGE = "Comprehend_20171127.DetectDominantLanguage";
    private static final String DETECT_SENTIMENT = "Comprehend_20171127.DetectSentiment";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeEach
    void table() {
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
    }

    private static Map<String, String> env(String... pairs) {
        StandInEnv env = StandInEnv.create().dynamoDb(dynamo.endpoint()).secretsManager(aws.endpoint())
                .comprehend(aws.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE).set("SECRETMANAGER_NAME", SECRET).set("TZ", "Asia/Tokyo")
                .set("TWITTER_API_BASE_URL", x.baseUrl());
        for (int i = 0; i < pairs.length; i += 2) {
            env.set(pairs[i], pairs[i + 1]);
        }
        return env.toMap();
    }

    private TwitterHandler handler(Instant at, String... pairs) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new TwitterHandler(TwitterWiring.wired(Env.of(env(pairs)), clock).service(),
                new JsonLog("webexdev-twitterapi", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
    }

    private static JsonNode invoke(TwitterHandler handler) {
        try {
            return Json.read(LambdaInvoker.invokeWithResource(handler, "webexdev-twitterapi", "/events/scheduled-event.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static void givenBearerSecret() {
        aws.givenSecret(SECRET, Map.of("TWITTER_BEARER_TOKEN", BEARER));
    }

    private static void serveTenPosts() {
        x.stubFor(get(urlPathEqualTo(V2_PATH)).withHeader("Authorization", equalTo("Bearer " + BEARER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(Fixtures.bytes("x-api-v2/search-recent-ten-posts.json"))));
        aws.answer(BATCH_DETECT_LANGUAGE, Fixtures.text("comprehend/batch-detect-dominant-language-ten-english.json"));
        aws.answer(BATCH_DETECT_SENTIMENT, Fixtures.text("comprehend/batch-detect-sentiment-ten.json"));
    }

    private static void refuse(int status, String fixture) {
        x.stubFor(get(urlPathEqualTo(V2_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader("x-rate-limit-limit", "450").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", Long.toString(Instant.now().plus(Duration.ofMinutes(15)).getEpochSecond()))
                .withBody(Fixtures.bytes(fixture))));
    }

    private static List<Map<String, AttributeValue>> posts() {
        return dynamo.scan(TABLE).stream().filter(item -> item.containsKey(TwitterTable.DAY)).toList();
    }

    private static Optional<Map<String, AttributeValue>> item(String key) {
        return dynamo.scan(TABLE).stream().filter(item -> item.get(TwitterTable.TWEET_ID).s().equals(key)).findFirst();
    }

    private static long reads(String utcDay) {
        return item(TwitterTable.READS_KEY_PREFIX + utcDay).map(i -> Long.parseLong(i.get(TwitterTable.READS).n())).orElse(0L);
    }

    private static List<LoggedRequest> searches() {
        return x.findAll(getRequestedFor(urlPathEqualTo(V2_PATH)));
    }

    @Test
    void theSecondRunSendsSinceIdAndStoresOnlyTheNewPosts() {
        givenBearerSecret();
        serveTenPosts();
        invoke(handler(NOW));
        x.resetAll();
        x.stubFor(get(urlPathEqualTo(V2_PATH)).withQueryParam("since_id", equalTo(NEWEST_OF_TEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(Fixtures.bytes("x-api-v2/search-recent-since-id-one-post.json"))));
        aws.answer(DETECT_LANGUAGE, Fixtures.text("comprehend/detect-dominant-language-english.json"));
        aws.answer(DETECT_SENTIMENT, Fixtures.text("comprehend/detect-sentiment-positive.json"));

        JsonNode second = invoke(handler(NOW.plus(Duration.ofMinutes(15))));

        assertThat(searches()).singleElement().satisfies(request -> {
            assertThat(request.queryParameter("since_id").firstValue()).isEqualTo(NEWEST_OF_TEN);
            assertThat(request.queryParameter("max_results").firstValue()).isEqualTo("10");
        });
        assertThat(second.get("sinceId").asText()).isEqualTo(NEWEST_OF_TEN);
        assertThat(second.get("read").asInt()).isEqualTo(1);
        assertThat(second.get("stored").asInt()).isEqualTo(1);
        assertThat(posts()).hasSize(11);
        assertThat(item("2126530170062966784")).get().satisfies(i -> assertThat(i.get("Sentiment").s()).isEqualTo("POSITIVE"));
        // The day's reads are what X delivered: 10 and 1, not twice the 10 asked for.
        assertThat(reads("2026-11-28")).isEqualTo(11);
        assertThat(item(TwitterTable.SEARCH_STATE_KEY)).get()
                .satisfies(state -> assertThat(state.get(TwitterTable.NEWEST_ID).s()).isEqualTo("2126530170062966784"));
    }

    @Test
    void sinceIdIsLeftOutWhenTheNewestPostReadIsOlderThanTheSevenDaysRecentSearchCovers() {
        givenBearerSecret();
        serveTenPosts();
        invoke(handler(NOW));
        x.resetRequests();

        JsonNode later = invoke(handler(NOW.plus(Duration.ofDays(7))));

        assertThat(searches()).singleElement()
                .satisfies(request -> assertThat(request.queryParameter("since_id").isPresent()).isFalse());
        assertThat(later.has("sinceId") && !later.get("sinceId").isNull()).isFalse();
    }

    @Test
    void theBudgetStopsTheSearchAtItsLimitAndTheSearchResumesTheNextUtcDay() {
        givenBearerSecret();
        serveTenPosts();
        String[] budget = {"X_DAILY_READ_BUDGET", "25", "X_MAX_RESULTS", "10"};
        Instant first = Instant.parse("2026-11-28T21:00:00Z");
        Instant second = Instant.parse("2026-11-28T21:15:00Z");

        invoke(handler(first, budget));
        JsonNode full = invoke(handler(second, budget));
        JsonNode skipped = invoke(handler(Instant.parse("2026-11-28T23:45:00Z"), budget));

        // 10 + 10 read; a third search would need 10 more of the 5 left: it is not made.
        assertThat(searches()).hasSize(2);
        assertThat(reads("2026-11-28")).isEqualTo(20);
        assertThat(full.get("budget").asText()).contains("budget reached");
        assertThat(skipped.get("searched").asBoolean()).isFalse();
        assertThat(skipped.get("budget").asText()).isEqualTo("daily read budget reached: 20 of X_DAILY_READ_BUDGET 25"
                + " posts read on 2026-11-28 (UTC), a search needs 10; no search until 00:00 UTC");
        assertThat(log()).contains("search skipped: daily read budget reached");
        Map<String, AttributeValue> counter = item("x-reads#2026-11-28").orElseThrow();
        assertThat(counter.get(TwitterTable.BUDGET_REACHED_AT).n()).isEqualTo(Long.toString(second.getEpochSecond()));
        assertThat(counter).doesNotContainKey(TwitterTable.DAY);

        JsonNode nextDay = invoke(handler(Instant.parse("2026-11-29T00:00:05Z"), budget));

        assertThat(nextDay.get("searched").asBoolean()).isTrue();
        assertThat(searches()).hasSize(3);
        assertThat(reads("2026-11-29")).isEqualTo(10);
        assertThat(reads("2026-11-28")).isEqualTo(20);
    }

    @Test
    void retweetsAreLeftOutByTheDefaultQueryAndXQueryReplacesIt() {
        givenBearerSecret();
        serveTenPosts();

        invoke(handler(NOW));
        invoke(handler(NOW.plusSeconds(900), "X_QUERY", "Webex outage -is:retweet lang:en", "X_MAX_RESULTS", "25"));

        assertThat(searches()).extracting(r -> r.queryParameter("query").firstValue())
                .containsExactly("Webex -is:retweet", "Webex outage -is:retweet lang:en");
        assertThat(searches()).extracting(r -> r.queryParameter("max_results").firstValue()).containsExactly("10", "25");
        // Encoded as %20, the way X's reference examples write it, not as '+'.
        assertThat(searches().get(0).getUrl()).contains("query=Webex%20-is%3Aretweet");
    }

    @Test
    void outOfCreditsIsNamedOnceStoredForThePageAndCostsNoBudget() {
        givenBearerSecret();
        refuse(402, "x-api-v2/error-402-credits-depleted.json");

        assertThatThrownBy(() -> invoke(handler(NOW))).isInstanceOf(TwitterSearchException.class)
                .hasMessageStartingWith("X API v2 recent search: out of credits (HTTP 402 CreditsDepleted)");

        assertThat(searches()).hasSize(1);
        assertThat(reads("2026-11-28")).isZero();
        assertThat(item(TwitterTable.SEARCH_STATE_KEY).orElseThrow().get(TwitterTable.X_ERROR).s())
                .isEqualTo("HTTP 402 CreditsDepleted: out of credits");
        assertThat(log()).contains("out of credits (HTTP 402 CreditsDepleted)").doesNotContain("1855321097213927424");
        assertThat(posts()).isEmpty();
    }

    @Test
    void anAccessLevelRefusalIsNamedWithItsReason() {
        givenBearerSecret();
        refuse(403, "x-api-v2/error-403-client-not-enrolled.json");

        assertThatThrownBy(() -> invoke(handler(NOW))).isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("(HTTP 403 Client Forbidden, client-not-enrolled: the app's access level");

        assertThat(searches()).hasSize(1);
        assertThat(item(TwitterTable.SEARCH_STATE_KEY).orElseThrow().get(TwitterTable.X_ERROR).s())
                .isEqualTo("HTTP 403 Client Forbidden, client-not-enrolled: access level");
    }

    @Test
    void aRateLimitIsNamedWithItsResetAndNotRetriedAndTheNextSearchClearsIt() {
        givenBearerSecret();
        refuse(429, "x-api-v2/error-429-too-many-requests.json");

        assertThatThrownBy(() -> invoke(handler(NOW))).isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("rate limit or usage cap (HTTP 429 Too Many Requests), x-rate-limit-reset at ");
        assertThat(searches()).hasSize(1);
        assertThat(item(TwitterTable.SEARCH_STATE_KEY).orElseThrow().get(TwitterTable.X_ERROR).s())
                .isEqualTo("HTTP 429 Too Many Requests: rate limit or usage cap");

        x.resetAll();
        serveTenPosts();
        invoke(handler(NOW.plusSeconds(900)));

        assertThat(item(TwitterTable.SEARCH_STATE_KEY).orElseThrow()).doesNotContainKey(TwitterTable.X_ERROR);
        assertThat(posts()).hasSize(10);
    }

    @Test
    void v11IsChosenOnlyWithoutABearerTokenAndItsRetirementIsNamed() {
        Map<String, String> oauth = new HashMap<>(Map.of("API_KEY", "k-0001", "API_SECRET", "s-0002",
                "TWITTER_TOKEN", "111-t-0003", "TWITTER_TOKEN_SECRET", "ts-0004"));
        aws.givenSecret(SECRET, oauth);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(Fixtures.bytes("x-api-v1.1/error-453-access-level.json"))));

        assertThatThrownBy(() -> invoke(handler(NOW))).isInstanceOf(TwitterSearchException.class)
                .hasMessageStartingWith("X retired v1.1 search on 2023-09-20; set TWITTER_BEARER_TOKEN for v2");

        assertThat(x.findAll(getRequestedFor(urlPathEqualTo(V11_PATH)))).hasSize(1);
        assertThat(searches()).isEmpty();
        assertThat(item(TwitterTable.SEARCH_STATE_KEY).orElseThrow().get(TwitterTable.X_ERROR).s())
                .isEqualTo("X retired v1.1 search on 2023-09-20; set TWITTER_BEARER_TOKEN for v2");
    }

    @Test
    void theAnswerEstimatesTheMonthFromThisRunsPaceAndTheBudgetsCeiling() {
        givenBearerSecret();
        serveTenPosts();

        JsonNode result = invoke(handler(NOW));

        // 10 reads a run, 96 runs a day, capped at 200 a day: 6000 reads ($30) a month, plus the
        // run's Comprehend units scaled the same way (20 times this run's a day).
        int units = result.get("comprehendUnits").asInt();
        assertThat(units).isGreaterThanOrEqualTo(60);
        assertThat(result.get("monthEstimateUsd").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal("30").add(new java.math.BigDecimal("0.0001")
                        .multiply(java.math.BigDecimal.valueOf(units * 20L * 30))).setScale(2, java.math.RoundingMode.HALF_UP));
        // The ceiling: 200 reads a day, each a new post analysed twice at 3 units: $30 + $3.60.
        assertThat(result.get("monthCeilingUsd").decimalValue()).isEqualByComparingTo("33.60");
        assertThat(item("x-reads#2026-11-28").orElseThrow().get(TwitterTable.COMPREHEND_UNITS).n())
                .isEqualTo(Integer.toString(units));
    }

    @Test
    void maxResultsOutsideTenToAHundredIsNamed() {
        assertThatThrownBy(() -> TwitterWiring.wired(Env.of(env("X_MAX_RESULTS", "500")), Clock.systemUTC()).service())
                .hasMessage("X_MAX_RESULTS must be 10 to 100 (X API v2 recent search's max_results), got 500");
        assertThatThrownBy(() -> TwitterWiring.wired(Env.of(env("X_DAILY_READ_BUDGET", "5")), Clock.systemUTC()).service())
                .hasMessage("X_DAILY_READ_BUDGET (5) is less than X_MAX_RESULTS (10): no search would ever fit the budget");
    }
}
