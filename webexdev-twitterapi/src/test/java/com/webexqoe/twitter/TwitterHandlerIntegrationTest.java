package com.webexqoe.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.common.schema.TwitterTable;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler's real entry point with a scheduled event, against dynalite (DynamoDB), WireMock (X API
 * v2 and v1.1) and the AWS JSON stub (Secrets Manager, Comprehend), through the same SDK calls and
 * the same Twitter4J calls as in AWS.
 */
class TwitterHandlerIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    @RegisterExtension
    static final WireMockExtension x = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    private static final String TABLE = TwitterTable.SCHEMA.tableName();
    private static final String SECRET = "webexdev/secrets";
    private static final String BEARER = "AAAAAAAAAAAAAAAAAAAAAtest-bearer-value-0001";
    private static final Map<String, String> OAUTH = Map.of(
            "API_KEY", "test-consumer-key-0001",
            "API_SECRET", "test-consumer-secret-0002",
            "TWITTER_TOKEN", "111-test-access-token-0003",
            "TWITTER_TOKEN_SECRET", "test-access-token-secret-0004");
    private static final Instant NOW = Instant.parse("2026-11-28T04:15:00Z");
    private static final String V2_PATH = "/2/tweets/search/recent";
    private static final String V11_PATH = "/1.1/search/tweets.json";

    private static final String DETECT_LANGUAGE = "Comprehend_20171127.DetectDominantLanguage";
    private static final String BATCH_DETECT_LANGUAGE = "Comprehend_20171127.BatchDetectDominantLanguage";
    private static final String DETECT_SENTIMENT = "Comprehend_20171127.DetectSentiment";
    private static final String BATCH_DETECT_SENTIMENT = "Comprehend_20171127.BatchDetectSentiment";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeEach
    void table() {
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
    }

    private StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .comprehend(aws.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("SECRETMANAGER_NAME", SECRET)
                .set("TZ", "Asia/Tokyo")
                .set("TWITTER_API_BASE_URL", x.baseUrl());
    }

    private TwitterHandler handler() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new TwitterHandler(TwitterWiring.wired(Env.of(env().toMap()), clock).service(),
                new JsonLog("webexdev-twitterapi", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode invoke(TwitterHandler handler) {
        try {
            return Json.read(LambdaInvoker.invokeWithResource(handler, "webexdev-twitterapi", "/events/scheduled-event.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void givenBearerSecret() {
        Map<String, String> values = new java.util.HashMap<>(OAUTH);
        values.put("TWITTER_BEARER_TOKEN", BEARER);
        aws.givenSecret(SECRET, values);
    }

    private static void serveV2(String fixture) {
        x.stubFor(get(urlPathEqualTo(V2_PATH))
                .withQueryParam("query", equalTo("Webex -is:retweet"))
                .withQueryParam("max_results", equalTo("10"))
                .withQueryParam("tweet.fields", equalTo("created_at,lang,note_tweet"))
                .withHeader("Authorization", equalTo("Bearer " + BEARER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(Fixtures.bytes("x-api-v2/" + fixture))));
    }

    private static void serveV11(String fixture) {
        x.stubFor(get(urlPathEqualTo(V11_PATH))
                .withQueryParam("q", equalTo("Webex"))
                .withQueryParam("result_type", equalTo("recent"))
                .withQueryParam("count", equalTo("10"))
                .withQueryParam("tweet_mode", equalTo("extended"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody(Fixtures.bytes("x-api-v1.1/" + fixture))));
    }

    private static void comprehend(String target, String fixture) {
        aws.answer(target, Fixtures.text("comprehend/" + fixture));
    }

    private static void comprehendSentimentIn(String language, String fixture) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DETECT_SENTIMENT))
                .withRequestBody(matchingJsonPath("$.LanguageCode", equalTo(language)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(Fixtures.text("comprehend/" + fixture))));
    }

    private static Map<String, Map<String, AttributeValue>> storedById() {
        return posts().stream().collect(Collectors.toMap(item -> item.get("tweetid").s(), item -> item));
    }

    /** The stored posts: the items byDay holds (the X bookkeeping items have no day). */
    private static List<Map<String, AttributeValue>> posts() {
        return dynamo.scan(TABLE).stream().filter(item -> item.containsKey(TwitterTable.DAY)).toList();
    }

    private static List<JsonNode> v2Posts(String fixture) {
        try {
            List<JsonNode> posts = new ArrayList<>();
            Json.read(Fixtures.text("x-api-v2/" + fixture)).path("data").forEach(posts::add);
            return posts;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode request) {
        List<String> texts = new ArrayList<>();
        request.path("TextList").forEach(text -> texts.add(text.asText()));
        return texts;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }

    private static AttributeValue m(Map<String, AttributeValue> value) {
        return AttributeValue.builder().m(value).build();
    }

    @Test
    void comprehendRegionSignsTheComprehendCallsForThatRegionOnly() {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten.json");
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Map<String, String> variables = env().set("COMPREHEND_REGION", "eu-west-2").toMap();
        TwitterHandler handler = new TwitterHandler(TwitterWiring.wired(Env.of(variables), clock).service(),
                new JsonLog("webexdev-twitterapi", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));

        JsonNode result = invoke(handler);

        assertThat(result.get("comprehendCalls").asInt()).isEqualTo(2);
        // SigV4's credential scope names the region the client was built for.
        List<String> comprehendScopes = aws.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", com.github.tomakehurst.wiremock.client.WireMock.containing("Comprehend_20171127.")))
                .stream().map(r -> r.getHeader("Authorization")).toList();
        assertThat(comprehendScopes).hasSize(2).allMatch(a -> a.contains("/eu-west-2/comprehend/aws4_request"));
        List<String> secretScopes = aws.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE)))
                .stream().map(r -> r.getHeader("Authorization")).toList();
        assertThat(secretScopes).isNotEmpty().noneMatch(a -> a.contains("/eu-west-2/"));
    }

    @Test
    void v2RouteStoresEveryPostWithTheExactAttributes() {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten.json");

        JsonNode result = invoke(handler());

        assertThat(result.get("route").asText()).isEqualTo("X API v2 recent search");
        assertThat(result.get("found").asInt()).isEqualTo(10);
        assertThat(result.get("stored").asInt()).isEqualTo(10);
        assertThat(result.get("comprehendCalls").asInt()).isEqualTo(2);
        Map<String, Map<String, AttributeValue>> stored = storedById();
        assertThat(stored).hasSize(10);
        assertThat(stored.get("2126526488269361152")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tweetid", s("2126526488269361152"),
                "datetime", n("20261128125958"),
                "unixtime", n(Long.toString(Instant.parse("2026-11-28T03:59:58Z").getEpochSecond())),
                "text", s("Webex meeting kept freezing during our all-hands, audio dropped three times. Not great."),
                "Sentiment", s("NEGATIVE"),
                "SentimentScore", m(Map.of("Positive", n("0.0211"), "Negative", n("0.9532"),
                        "Neutral", n("0.0203"), "Mixed", n("0.0054"))),
                "language_code", AttributeValue.builder().l(m(Map.of("LanguageCode", s("en"), "Score", n("0.9961")))).build(),
                "day", s("2026-11-28"),
                "expiresAt", n(Long.toString(NOW.plus(Duration.ofDays(7)).getEpochSecond()))));

        // The long post: its whole text is note_tweet.text, analysed and stored whole.
        JsonNode longPost = v2Posts("search-recent-ten-posts.json").get(3);
        String whole = longPost.path("note_tweet").path("text").asText();
        assertThat(whole.length()).isGreaterThan(280);
        assertThat(stored.get(longPost.get("id").asText()).get("text").s()).isEqualTo(whole);
        assertThat(stored.get(longPost.get("id").asText()).get("Sentiment").s()).isEqualTo("MIXED");

        // One batch call each, all ten documents, sentiment asked in English.
        assertThat(aws.requests(BATCH_DETECT_LANGUAGE)).singleElement()
                .satisfies(request -> assertThat(texts(request)).hasSize(10).contains(whole));
        assertThat(aws.requests(BATCH_DETECT_SENTIMENT)).singleElement()
                .satisfies(request -> assertThat(request.get("LanguageCode").asText()).isEqualTo("en"));
        assertThat(aws.requests(DETECT_LANGUAGE)).isEmpty();
        assertThat(aws.requests(DETECT_SENTIMENT)).isEmpty();
        assertThat(log()).doesNotContain(BEARER);
    }

    @Test
    void twoPostsInTheSameSecondAreTwoItems() {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten.json");

        invoke(handler());

        Map<String, Map<String, AttributeValue>> stored = storedById();
        Map<String, AttributeValue> first = stored.get("2126526167384133632");
        Map<String, AttributeValue> second = stored.get("2126526164150325248");
        assertThat(first.get("datetime")).isEqualTo(n("20261128125841")).isEqualTo(second.get("datetime"));
        assertThat(first.get("text").s()).startsWith("Loving the new Webex AI assistant");
        assertThat(second.get("text").s()).startsWith("Is Webex down for anyone else?");
        assertThat(first.get("Sentiment").s()).isEqualTo("POSITIVE");
        assertThat(second.get("Sentiment").s()).isEqualTo("NEGATIVE");
    }

    @Test
    void aSecondRunMakesNoComprehendCallAboutStoredPosts() {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten.json");
        invoke(handler());
        serveV2("search-recent-one-new-post.json");
        comprehend(DETECT_LANGUAGE, "detect-dominant-language-english.json");
        comprehend(DETECT_SENTIMENT, "detect-sentiment-positive.json");
        String newText = v2Posts("search-recent-one-new-post.json").get(0).get("text").asText();

        JsonNode second = invoke(handler());

        assertThat(second.get("found").asInt()).isEqualTo(10);
        assertThat(second.get("alreadyStored").asInt()).isEqualTo(9);
        assertThat(second.get("stored").asInt()).isEqualTo(1);
        assertThat(second.get("comprehendCalls").asInt()).isEqualTo(2);
        // The journal: the batches are the first run's; the second run asked only about the new post.
        assertThat(aws.requests(BATCH_DETECT_LANGUAGE)).hasSize(1);
        assertThat(aws.requests(BATCH_DETECT_SENTIMENT)).hasSize(1);
        assertThat(aws.requests(DETECT_LANGUAGE)).extracting(r -> r.get("Text").asText()).containsExactly(newText);
        assertThat(aws.requests(DETECT_SENTIMENT)).extracting(r -> r.get("Text").asText()).containsExactly(newText);
        assertThat(storedById()).hasSize(11);
        assertThat(storedById().get("2126530170062966784").get("Sentiment").s()).isEqualTo("POSITIVE");
    }

    @Test
    void oneComprehendFailureAmongTenPostsStoresTheNineAndFailsNamingTheOne() {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten-one-error.json");
        String failedId = v2Posts("search-recent-ten-posts.json").get(4).get("id").asText();

        assertThatThrownBy(() -> invoke(handler()))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("Comprehend failed for 1 of 10 new posts")
                .hasMessageContaining(failedId)
                .hasMessageContaining("9 stored");

        assertThat(storedById()).hasSize(9).doesNotContainKey(failedId);
        assertThat(log()).contains("\"level\":\"WARN\"").contains("post skipped: Comprehend failed")
                .contains(failedId).contains("INTERNAL_SERVER_ERROR");
    }

    @Test
    void languageChoiceShortPostsAndEmptyText() {
        givenBearerSecret();
        serveV2("search-recent-mixed-languages.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-spanish-dutch.json");
        comprehendSentimentIn("ja", "detect-sentiment-japanese-neutral.json");
        comprehendSentimentIn("es", "detect-sentiment-spanish-negative.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-two-english.json");
        List<JsonNode> posts = v2Posts("search-recent-mixed-languages.json");

        JsonNode result = invoke(handler());

        assertThat(result.get("found").asInt()).isEqualTo(5);
        assertThat(result.get("skippedEmpty").asInt()).isEqualTo(1);
        assertThat(result.get("stored").asInt()).isEqualTo(4);
        // Only the two posts of 20 characters or more go to language detection, in one batch.
        assertThat(aws.requests(BATCH_DETECT_LANGUAGE)).singleElement().satisfies(request -> assertThat(texts(request))
                .containsExactly(posts.get(1).get("text").asText(), posts.get(2).get("text").asText()));
        assertThat(aws.requests(DETECT_LANGUAGE)).isEmpty();
        // Japanese (X's lang, too short for detection) and Spanish alone; Dutch (unsupported) and
        // the post X could not place ("und") in English, together.
        assertThat(aws.requests(DETECT_SENTIMENT)).extracting(r -> r.get("LanguageCode").asText() + ":" + r.get("Text").asText())
                .containsExactlyInAnyOrder("ja:" + posts.get(0).get("text").asText(), "es:" + posts.get(1).get("text").asText());
        assertThat(aws.requests(BATCH_DETECT_SENTIMENT)).singleElement().satisfies(request -> {
            assertThat(request.get("LanguageCode").asText()).isEqualTo("en");
            assertThat(texts(request)).containsExactly(posts.get(2).get("text").asText(), posts.get(4).get("text").asText());
        });
        Map<String, Map<String, AttributeValue>> stored = storedById();
        assertThat(stored).doesNotContainKey(posts.get(3).get("id").asText());
        assertThat(stored.get(posts.get(0).get("id").asText()).get("language_code").l())
                .containsExactly(m(Map.of("LanguageCode", s("ja"))));
        assertThat(stored.get(posts.get(0).get("id").asText()).get("Sentiment").s()).isEqualTo("NEUTRAL");
        assertThat(stored.get(posts.get(2).get("id").asText()).get("language_code").l()).containsExactly(
                m(Map.of("LanguageCode", s("nl"), "Score", n("0.9412"))),
                m(Map.of("LanguageCode", s("af"), "Score", n("0.0391"))));
        assertThat(stored.get(posts.get(4).get("id").asText()).get("language_code").l()).isEmpty();
        assertThat(stored.get(posts.get(4).get("id").asText()).get("Sentiment").s()).isEqualTo("NEUTRAL");
    }

    @Test
    void v11RouteThroughTwitter4jSignsWithOAuth1AndStoresTheFullText() throws Exception {
        aws.givenSecret(SECRET, OAUTH);
        serveV11("search-tweets-extended.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-three-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-three.json");

        JsonNode result = invoke(handler());

        assertThat(result.get("route").asText()).isEqualTo("X API v1.1 search (Twitter4J)");
        assertThat(result.get("stored").asInt()).isEqualTo(3);
        List<LoggedRequest> requests = x.findAll(getRequestedFor(urlPathEqualTo(V11_PATH)));
        assertThat(requests).hasSize(1);
        String authorization = requests.get(0).getHeader("Authorization");
        assertThat(authorization).startsWith("OAuth ")
                .contains("oauth_consumer_key=\"" + OAUTH.get("API_KEY") + "\"")
                .contains("oauth_token=\"" + OAUTH.get("TWITTER_TOKEN") + "\"")
                .contains("oauth_signature_method=\"HMAC-SHA1\"")
                .contains("oauth_version=\"1.0\"")
                .containsPattern("oauth_signature=\"[^\"]+\"")
                .containsPattern("oauth_nonce=\"[^\"]+\"")
                .doesNotContain(OAUTH.get("API_SECRET")).doesNotContain(OAUTH.get("TWITTER_TOKEN_SECRET"));
        JsonNode statuses = Json.read(Fixtures.text("x-api-v1.1/search-tweets-extended.json")).get("statuses");
        Map<String, Map<String, AttributeValue>> stored = storedById();
        assertThat(stored).hasSize(3);
        for (JsonNode status : statuses) {
            Map<String, AttributeValue> item = stored.get(status.get("id_str").asText());
            assertThat(item.get("text").s()).isEqualTo(status.get("full_text").asText());
        }
        assertThat(statuses.get(2).get("full_text").asText().length()).isGreaterThan(140);
        assertThat(stored.get(statuses.get(0).get("id_str").asText()).get("datetime")).isEqualTo(n("20261128125958"));
        assertThat(stored.get(statuses.get(0).get("id_str").asText()).get("day")).isEqualTo(s("2026-11-28"));
    }

    @Test
    void v2UnauthorizedFailsNamingTheCredentialNeverItsValue() {
        givenBearerSecret();
        x.stubFor(get(urlPathEqualTo(V2_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(Fixtures.bytes("x-api-v2/error-401-unauthorized.json"))));

        assertThatThrownBy(() -> invoke(handler()))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("refused the credential TWITTER_BEARER_TOKEN of secret " + SECRET)
                .hasMessageContaining("HTTP 401")
                .message().doesNotContain(BEARER);
        assertThat(posts()).isEmpty();
        assertThat(aws.requests(BATCH_DETECT_LANGUAGE)).isEmpty();
        assertThat(log()).contains("TWITTER_BEARER_TOKEN").doesNotContain(BEARER);
    }

    @Test
    void v11UnauthorizedFailsNamingTheKeysNeverTheirValues() {
        aws.givenSecret(SECRET, OAUTH);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(Fixtures.bytes("x-api-v1.1/error-401-could-not-authenticate.json"))));

        assertThatThrownBy(() -> invoke(handler()))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("refused the OAuth 1.0a credentials API_KEY/API_SECRET and TWITTER_TOKEN/TWITTER_TOKEN_SECRET")
                .hasMessageContaining("HTTP 401")
                .satisfies(e -> OAUTH.values().forEach(value -> assertThat(e.getMessage()).doesNotContain(value)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Could not authenticate you"))
                .hasNoCause();
        assertThat(posts()).isEmpty();
        OAUTH.values().forEach(value -> assertThat(log()).doesNotContain(value));
    }

    @Test
    void rateLimitBeyondTheDeadlineFailsCleanlyWithNothingStored() {
        givenBearerSecret();
        long reset = Instant.now().plus(Duration.ofMinutes(15)).getEpochSecond();
        x.stubFor(get(urlPathEqualTo(V2_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("x-rate-limit-reset", Long.toString(reset))
                .withBody(Fixtures.bytes("x-api-v2/error-429-too-many-requests.json"))));

        assertThatThrownBy(() -> invoke(handler()))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("rate limit or usage cap (HTTP 429 Too Many Requests), x-rate-limit-reset at ")
                .hasMessageContaining("not retried before the next scheduled run");
        x.verify(1, getRequestedFor(urlPathEqualTo(V2_PATH)));
        assertThat(posts()).isEmpty();
        assertThat(aws.requests(BATCH_DETECT_LANGUAGE)).isEmpty();
    }

    @Test
    void rateLimitThatResetsWithinTheDeadlineIsWaitedOutOnBothRoutes() {
        givenBearerSecret();
        x.stubFor(get(urlPathEqualTo(V2_PATH)).inScenario("v2").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("x-rate-limit-reset", Long.toString(Instant.now().getEpochSecond() - 1)))
                .willSetStateTo("reset"));
        x.stubFor(get(urlPathEqualTo(V2_PATH)).inScenario("v2").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.bytes("x-api-v2/search-recent-ten-posts.json"))));
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten.json");

        assertThat(invoke(handler()).get("stored").asInt()).isEqualTo(10);
        x.verify(2, getRequestedFor(urlPathEqualTo(V2_PATH)));

        // v1.1: Twitter4J retries nothing itself; the adapter waits out Retry-After within the deadline.
        dynamo.drop(TwitterTable.SCHEMA.tableName());
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
        aws.givenSecret(SECRET, OAUTH);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).inScenario("v1.1").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody(Fixtures.bytes("x-api-v1.1/error-429-rate-limit-exceeded.json")))
                .willSetStateTo("reset"));
        x.stubFor(get(urlPathEqualTo(V11_PATH)).inScenario("v1.1").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.bytes("x-api-v1.1/search-tweets-extended.json"))));
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-three-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-three.json");

        assertThat(invoke(handler()).get("stored").asInt()).isEqualTo(3);
        x.verify(2, getRequestedFor(urlPathEqualTo(V11_PATH)));
    }

    @Test
    void noPostsStoresNothingAndCallsNoComprehend() {
        givenBearerSecret();
        serveV2("search-recent-no-posts.json");

        JsonNode result = invoke(handler());

        assertThat(result.get("found").asInt()).isZero();
        assertThat(result.get("stored").asInt()).isZero();
        assertThat(posts()).isEmpty();
        assertThat(aws.requests(BATCH_DETECT_LANGUAGE)).isEmpty();
    }

    /** A class loader of its own over the test class path, so that "loaded" means loaded by this run. */
    private static final class FreshLoader extends java.net.URLClassLoader {
        FreshLoader() throws java.net.MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        private static java.net.URL[] classPath() throws java.net.MalformedURLException {
            List<java.net.URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                urls.add(new java.io.File(entry).toURI().toURL());
            }
            return urls.toArray(new java.net.URL[0]);
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    /** Runs the real handler in a fresh class loader and tells whether Twitter4J was loaded. */
    private boolean runLoadsTwitter4j() throws Exception {
        try (FreshLoader loader = new FreshLoader()) {
            Class<?> envClass = loader.loadClass("com.webexqoe.common.config.Env");
            Object env = envClass.getMethod("of", Map.class).invoke(null, env().toMap());
            Class<?> handlerClass = loader.loadClass("com.webexqoe.twitter.TwitterHandler");
            Object handler = handlerClass.getConstructor(envClass, Clock.class).newInstance(env, Clock.fixed(NOW, ZoneOffset.UTC));
            Class<?> contextClass = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
            handlerClass.getMethod("handleRequest", java.io.InputStream.class, java.io.OutputStream.class, contextClass)
                    .invoke(handler, new java.io.ByteArrayInputStream(Fixtures.bytes("events/scheduled-event.json")),
                            new ByteArrayOutputStream(), null);
            assertThat(loader.loaded("com.webexqoe.twitter.TwitterHandler")).isTrue();
            return loader.loaded("twitter4j.TwitterFactory") || loader.loaded("com.webexqoe.twitter.Twitter4jSearch");
        }
    }

    @Test
    void theV2RouteNeverLoadsTwitter4jAndTheV11RouteDoes() throws Exception {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-ten-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-ten.json");

        assertThat(runLoadsTwitter4j()).isFalse();
        assertThat(storedById()).hasSize(10);

        dynamo.drop(TwitterTable.SCHEMA.tableName());
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
        aws.givenSecret(SECRET, OAUTH);
        serveV11("search-tweets-extended.json");
        comprehend(BATCH_DETECT_LANGUAGE, "batch-detect-dominant-language-three-english.json");
        comprehend(BATCH_DETECT_SENTIMENT, "batch-detect-sentiment-three.json");

        assertThat(runLoadsTwitter4j()).isTrue();
        assertThat(storedById()).hasSize(3);
    }

    @Test
    void aSlowV11AnswerEndsWithinTheConfiguredReadTimeout() {
        aws.givenSecret(SECRET, OAUTH);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withBody(Fixtures.bytes("x-api-v1.1/search-tweets-extended.json"))));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TwitterHandler handler = new TwitterHandler(TwitterWiring.wired(Env.of(env().set("HTTP_READ_TIMEOUT_MS", "400").toMap()), clock).service(),
                new JsonLog("webexdev-twitterapi", new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));

        assertThatThrownBy(() -> invoke(handler))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessage("X API v1.1 search (Twitter4J): request failed (SocketTimeoutException)");
        assertThat(posts()).isEmpty();
    }

    @Test
    void aComprehendRequestThatFailsAsAWholeSkipsItsPostsAndStoresNothing() {
        givenBearerSecret();
        serveV2("search-recent-ten-posts.json");
        aws.fail(BATCH_DETECT_LANGUAGE, 400, "InvalidRequestException", "Invalid request");

        assertThatThrownBy(() -> invoke(handler()))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessageContaining("Comprehend failed for 10 of 10 new posts")
                .hasMessageContaining("0 stored");
        assertThat(posts()).isEmpty();
        assertThat(aws.requests(BATCH_DETECT_SENTIMENT)).isEmpty();
        assertThat(log()).contains("InvalidRequestException (HTTP 400)");
    }

    @Test
    void aV11AnswerThatIsNotJsonFailsWithoutQuotingIt() {
        aws.givenSecret(SECRET, OAUTH);
        x.stubFor(get(urlPathEqualTo(V11_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Something is technically wrong.</html>")));

        assertThatThrownBy(() -> invoke(handler()))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessageStartingWith("X API v1.1 search (Twitter4J): unreadable answer")
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("technically wrong"));
        assertThat(posts()).isEmpty();
    }

    @Test
    void missingSecretNameFailsAtOnceNamingTheVariable() {
        assertThatThrownBy(() -> TwitterWiring.wired(Env.of(env().remove("SECRETMANAGER_NAME").toMap()), Clock.systemUTC()).service())
                .isInstanceOf(WebexdevException.class)
                .hasMessage("SECRETMANAGER_NAME is not set");
    }
}
