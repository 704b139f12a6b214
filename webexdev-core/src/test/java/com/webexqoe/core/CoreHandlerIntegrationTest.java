package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.FunctionVariables;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.core.page.StaticAssets;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.ProjectItems;
import com.webexqoe.testkit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.webexqoe.core.CoreScenario.BUCKET;
import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler's real entry point with a scheduled event, against dynalite, S3Proxy and the
 * Secrets Manager stub, with the tables seeded in the other functions' formats. {@code TZ} is
 * Asia/Tokyo while the test JVM runs in America/Los_Angeles.
 */
class CoreHandlerIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    private CoreScenario scenario;

    @BeforeEach
    void world() {
        scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
    }

    private JsonNode invoke(CoreHandler handler) throws Exception {
        return Json.read(LambdaInvoker.invokeWithResource(handler, "webexdev-core", "/events/scheduled-event.json"));
    }

    private String page() {
        return scenario.object("index.html");
    }

    /**
     * The text of the element with this id, markup removed; quotes decoded, but {@code &lt;} and
     * {@code &gt;} kept as the HTML has them (so assertions see the escaping).
     */
    static String byId(String html, String id) {
        Matcher open = Pattern.compile("<([a-z0-9]+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(open.find()).as("element #" + id).isTrue();
        int end = html.indexOf("</" + open.group(1) + ">", open.end());
        return quotes(html.substring(open.end(), end).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").trim());
    }

    static String quotes(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"");
    }

    @Test
    void rendersTheScoreTheLinesAndTheTablesFromTheSeededTables() throws Exception {
        scenario.seedIncident();

        JsonNode result = invoke(scenario.handler(scenario.env(), NOW));

        assertThat(result.get("health").asText()).isEqualTo("10.5");
        assertThat(result.get("where").asText()).isEqualTo("Webex service");
        assertThat(result.get("polls").asInt()).as("24 h of polls, the one 25 h old left out").isEqualTo(96);
        assertThat(result.get("alerts").asInt()).as("the marker item without day is not in the index").isEqualTo(3);
        assertThat(result.get("posts").asInt()).as("posts of the last 24 h").isEqualTo(9);
        assertThat(result.get("assetsUploaded").asInt()).isEqualTo(StaticAssets.FILES.size());

        ResponseBytes<GetObjectResponse> index = s3.get(BUCKET, "index.html");
        assertThat(index.response().contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(index.response().cacheControl()).isEqualTo("max-age=60");
        String html = index.asUtf8String();

        assertThat(byId(html, "health")).isEqualTo("10.5");
        assertThat(byId(html, "formula")).isEqualTo("100 + (-1.5) + (-68) + (-20) = 10.5");
        assertThat(byId(html, "verdict")).isEqualTo("⚠ Webex may not be working properly");
        assertThat(html).contains("src=\"img/storm.svg\"");
        assertThat(byId(html, "where")).startsWith("Where is the problem: Webex service (also internet path) — Cisco status")
                .contains("Cisco status \"Webex Meetings - Users may be unable to join &lt;b&gt;x&lt;/b&gt;\" — investigating, published 120 min ago")
                .contains("ThousandEyes worst of 1 alert trigger(s) in the last 60 min: HTTP Server on test \"Webex Web Zone\" (Tokyo, Japan), response time 980 ms, 10 min ago");
        assertThat(html).contains("2 negative and 5 positive posts in the last 12 h");
        assertThat(byId(html, "updated")).isEqualTo("2026-11-28 12:00:00 JST");

        // home: the newest record of the user (e-mail matched case-insensitively), not the older bad one
        assertThat(byId(html, "home-verdict")).isEqualTo(
                "✔ Analysis of the home environment shows no signs of problems (connected via Wi-Fi; estimated MOS 4.4)");
        String quality = byId(html, "quality-table");
        assertThat(quality).contains("Jitter (ms) 9 19 13 28").contains("Latency (ms) 109 109 110 110")
                .contains("MediaBitRate (bps) 4264 9049 1180515 32773").contains("PacketLoss (%) 0 0 0 0");

        // status table: newest first, links only for https, outside text escaped
        String statuses = byId(html, "status-table");
        assertThat(statuses.indexOf("&lt;b&gt;x&lt;/b&gt;")).isLessThan(statuses.indexOf("Delayed message delivery"));
        assertThat(statuses.indexOf("Delayed message delivery")).isLessThan(statuses.indexOf("Virginia"));
        assertThat(statuses.indexOf("Virginia")).isLessThan(statuses.indexOf("Outage in London"));
        assertThat(html).contains("href=\"https://status.webex.com/incidents/9b1f\"")
                .doesNotContain("javascript:").doesNotContain("http://status.webex.com").doesNotContain("<b>x</b>");

        // posts: the latest five of the last 24 h, with sentiment and score effect; markup as text
        List<String> posts = Pattern.compile("<li class=\"post [a-z]+\">").matcher(html).results().map(r -> r.group()).toList();
        assertThat(posts).hasSize(5);
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
        assertThat(byId(html, "posts")).contains("2026-11-28 11:57:00 JST &lt;img src=x onerror=alert(1)&gt; NEUTRAL score effect 0")
                .contains("Webex keeps dropping my meeting NEGATIVE score effect −1")
                .contains("Great Webex meeting today #0 POSITIVE score effect +0.1");

        // no inline script, a CSP that forbids it, the page refreshes itself
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find()).isFalse();
        assertThat(quotes(html)).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self';")
                .contains("<meta http-equiv=\"refresh\" content=\"180\">")
                .doesNotContain("never-shown-client-secret")
                .doesNotContain("<iframe");

        // the trend data: 96 polls, oldest first, local labels
        JsonNode trend = Json.read(scenario.object("trend.json"));
        assertThat(trend.get("points")).hasSize(96);
        assertThat(trend.get("points").get(95).get("label").asText()).isEqualTo("2026-11-28 11:55");
        assertThat(trend.get("points").get(95).get("latency").asInt()).isEqualTo(30);
    }

    @Test
    void assetsAreUploadedWithTheirHashAndASecondRunUploadsNone() throws Exception {
        invoke(scenario.handler(scenario.env(), NOW));
        for (StaticAssets.Asset asset : StaticAssets.fromClasspath().assets()) {
            ResponseBytes<GetObjectResponse> object = s3.get(BUCKET, asset.key());
            assertThat(object.response().metadata()).containsEntry("sha256", asset.sha256());
            assertThat(object.asByteArray()).isEqualTo(asset.body());
            assertThat(object.response().contentType().replace(" ", "")).isEqualTo(asset.contentType().replace(" ", ""));
        }
        assertThat(s3.get(BUCKET, "d3.min.js").asUtf8String()).contains("d3js.org");
        // a stand-in for "unchanged": same hash metadata, different bytes: a re-upload would restore them
        String styleHash = s3.get(BUCKET, "style.css").response().metadata().get("sha256");
        s3.client().putObject(r -> r.bucket(BUCKET).key("style.css").metadata(Map.of("sha256", styleHash)),
                RequestBody.fromString("/* left alone */"));
        s3.client().deleteObject(r -> r.bucket(BUCKET).key("img/rain.svg"));

        JsonNode second = invoke(scenario.handler(scenario.env(), NOW.plus(Duration.ofMinutes(1))));

        assertThat(second.get("assetsUploaded").asInt()).as("only the missing file").isEqualTo(1);
        assertThat(s3.get(BUCKET, "style.css").asUtf8String()).isEqualTo("/* left alone */");
        assertThat(s3.get(BUCKET, "img/rain.svg").asUtf8String()).contains("<svg");

        JsonNode third = invoke(scenario.handler(scenario.env(), NOW.plus(Duration.ofMinutes(2))));
        assertThat(third.get("assetsUploaded").asInt()).isZero();
    }

    @Test
    void emptyTablesRenderNoDataAndNameTheComponentsWithoutFreshData() throws Exception {
        JsonNode result = invoke(scenario.handler(scenario.env(), NOW));

        assertThat(result.get("health").asText()).isEqualTo("100.0");
        String html = page();
        assertThat(byId(html, "formula")).isEqualTo("100 + (0) + (0) + (0) = 100.0");
        assertThat(byId(html, "without-fresh")).isEqualTo(
                "No fresh data for T (posts), N (ThousandEyes), S (Cisco status): counted as 0, not as proof of health");
        assertThat(byId(html, "where")).startsWith("Where is the problem: none found")
                .endsWith("(no fresh data from T (posts), N (ThousandEyes), S (Cisco status))");
        assertThat(html).contains("No status items (no data)").contains("No posts in the last 24 h (no data)")
                .contains("No meeting-quality record for the user (no data)")
                .contains("No ThousandEyes polls in the last 24 h (no data)");
    }

    @Test
    void theXReadBudgetAndXsLastRefusalAreNamedInThePostsSectionInsteadOfNoData() throws Exception {
        long reached = NOW.minus(Duration.ofMinutes(30)).getEpochSecond();  // 02:30 UTC = 11:30 JST
        long refused = NOW.minus(Duration.ofMinutes(10)).getEpochSecond();  // 02:50 UTC = 11:50 JST
        scenario.put(TwitterTable.SCHEMA, List.of(
                Map.of(TwitterTable.TWEET_ID, ProjectItems.s(TwitterTable.readsKey(java.time.LocalDate.of(2026, 11, 28))),
                        TwitterTable.BUDGET_REACHED_AT, ProjectItems.n(reached)),
                Map.of(TwitterTable.TWEET_ID, ProjectItems.s(TwitterTable.SEARCH_STATE_KEY),
                        TwitterTable.X_ERROR, ProjectItems.s("429 Too Many Requests <b>"), TwitterTable.X_ERROR_AT, ProjectItems.n(refused))));

        JsonNode result = invoke(scenario.handler(scenario.env(), NOW));

        assertThat(result.get("posts").asInt()).as("bookkeeping items are not posts").isZero();
        String html = page();
        assertThat(html).contains("<p class=\"x-notice\">X read budget reached at 11:30 (Asia/Tokyo), next reads after 00:00 UTC")
                .contains("<p class=\"x-notice\">X refused the last search at 11:50: 429 Too Many Requests &lt;b&gt;</p>")
                .doesNotContain("No posts in the last 24 h (no data)");
    }

    @Test
    void xBookkeepingThatCannotBeReadDropsOnlyTheNoticeAndIsNamedInTheAnswer() throws Exception {
        scenario.seedIncident();
        scenario.put(TwitterTable.SCHEMA, List.of(
                Map.of(TwitterTable.TWEET_ID, ProjectItems.s(TwitterTable.readsKey(java.time.LocalDate.of(2026, 11, 28))),
                        TwitterTable.BUDGET_REACHED_AT, ProjectItems.n(NOW.minus(Duration.ofMinutes(30)).getEpochSecond()))));
        // dynalite behind a front that refuses BatchGetItem only, as a role without that right would
        WireMockServer front = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        front.start();
        try {
            front.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10)
                    .willReturn(WireMock.aResponse().proxiedFrom(dynamo.endpoint().toString())));
            front.stubFor(WireMock.post(WireMock.anyUrl()).atPriority(1)
                    .withHeader("X-Amz-Target", WireMock.equalTo("DynamoDB_20120810.BatchGetItem"))
                    .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                            .withBody("{\"__type\":\"com.amazon.coral.service#AccessDeniedException\","
                                    + "\"message\":\"not authorized to perform: dynamodb:BatchGetItem\"}")));

            JsonNode result = invoke(scenario.handler(scenario.env().dynamoDb(java.net.URI.create(front.baseUrl())), NOW));

            assertThat(result.get("xReads").asText()).startsWith("unreadable: X bookkeeping in webexdev-twitter: ")
                    .contains("BatchGetItem");
            assertThat(result.get("posts").asInt()).as("the posts are read as before").isEqualTo(9);
            assertThat(page()).doesNotContain("x-notice\">").contains("2 negative and 5 positive posts in the last 12 h");
        } finally {
            front.stop();
        }
    }

    @Test
    void theXBookkeepingReadIsNamedReadInTheAnswer() throws Exception {
        assertThat(invoke(scenario.handler(scenario.env(), NOW)).get("xReads").asText()).isEqualTo("read");
    }

    @Test
    void yesterdaysBudgetItemIsNotShownToday() throws Exception {
        scenario.put(TwitterTable.SCHEMA, List.of(
                Map.of(TwitterTable.TWEET_ID, ProjectItems.s(TwitterTable.readsKey(java.time.LocalDate.of(2026, 11, 27))),
                        TwitterTable.BUDGET_REACHED_AT, ProjectItems.n(NOW.minus(Duration.ofHours(20)).getEpochSecond()))));

        invoke(scenario.handler(scenario.env(), NOW));

        assertThat(page()).doesNotContain("x-notice\">").contains("No posts in the last 24 h (no data)");
    }

    @Test
    void oldDataIsMarkedStaleAndOddAttributesNeverFailTheRender() throws Exception {
        SeedItems items = scenario.items;
        scenario.put(PollingTable.SCHEMA, List.of(items.poll(NOW.minus(Duration.ofMinutes(31)), "40", "0", "1", "300")));
        var odd = new java.util.LinkedHashMap<>(items.post("9", NOW.minus(Duration.ofMinutes(2)), "ok", "POSITIVE"));
        odd.put("Sentiment", ProjectItems.n(5));  // wrong type
        odd.remove("text");
        scenario.put(TwitterTable.SCHEMA, List.of(odd));
        var status = new java.util.LinkedHashMap<>(items.status("No time", null, "investigating", null, NOW));
        status.put("expiresAt", ProjectItems.s(Long.toString(NOW.plusSeconds(30L * 24 * 3600).getEpochSecond()))); // number as string
        scenario.put(StatusTable.SCHEMA, List.of(status));
        var quality = new java.util.LinkedHashMap<>(scenario.qualityRecord("m", "user@example.com", NOW.minus(Duration.ofHours(1)),
                "wifi", 100, 5, 0));
        quality.put("items", ProjectItems.s("not a map"));
        scenario.put(QualityTable.SCHEMA, List.of(quality));

        JsonNode result = invoke(scenario.handler(scenario.env(), NOW));

        assertThat(result.get("stale").asText()).isEqualTo("ThousandEyes polling");
        String html = page();
        assertThat(byId(html, "assessment-path")).contains("STALE: older than 2 × its 15-minute schedule");
        assertThat(byId(html, "without-fresh")).contains("N (ThousandEyes)").doesNotContain("T (posts)").doesNotContain("S (Cisco");
        assertThat(byId(html, "home-verdict")).contains("no stream samples (no data)");
        assertThat(byId(html, "status-table")).contains("No time").contains("investigating");
        assertThat(byId(html, "formula")).isEqualTo("100 + (0) + (0) + (0) = 100.0");
    }

    @Test
    void aTableThatCannotBeReadLeavesThePageWrittenAndFailsTheInvocationNamingIt() {
        scenario.seedIncident();
        dynamo.drop(TwitterTable.SCHEMA.tableName());

        assertThatThrownBy(() -> invoke(scenario.handler(scenario.env(), NOW)))
                .isInstanceOf(CoreException.class)
                .hasMessageStartingWith("page written without webexdev-twitter: DynamoDB table webexdev-twitter does not exist");
        String html = page();
        assertThat(html).contains("Could not read webexdev-twitter");
        assertThat(byId(html, "formula")).isEqualTo("100 + (0) + (-68) + (-20) = 12.0");
    }

    @Test
    void bannerAndCloudWatchShowOnlyWhenSetAndTheCloudWatchUrlIsHttps() throws Exception {
        invoke(scenario.handler(scenario.env().set("DASHBOARD_BANNER", "Demo mode: <bundled payloads>")
                .set("CLOUDWATCH_URL", "https://cloudwatch.amazonaws.com/dashboard.html?dashboard=webexdev"), NOW));
        String html = page();
        assertThat(byId(html, "banner")).isEqualTo("Demo mode: &lt;bundled payloads&gt;");
        assertThat(html).contains("<iframe id=\"cloudwatch\" class=\"cloudwatch\" src=\"https://cloudwatch.amazonaws.com/dashboard.html?dashboard=webexdev\"")
                .contains("frame-src https://cloudwatch.amazonaws.com;");

        invoke(scenario.handler(scenario.env().set("CLOUDWATCH_URL", "javascript:alert(1)"), NOW));
        assertThat(quotes(page())).doesNotContain("<iframe").doesNotContain("id=\"banner\"").contains("frame-src 'none'");
    }

    @Test
    void eachRequiredVariableOfTheCoreFunctionFailsAtOnceNamingItWhenMissing() {
        assertThat(FunctionVariables.CORE.required()).hasSize(7);
        for (String name : FunctionVariables.CORE.required()) {
            assertThatThrownBy(() -> scenario.handler(scenario.env().remove(name), NOW))
                    .isInstanceOf(WebexdevException.class)
                    .hasMessage(name + " is not set");
        }
    }

    @Test
    void readsEachTableThroughItsIndexNeverScanningTheTimeKeyedOnes() {
        scenario.seedIncident();
        // with an index missing the query fails, proving the read goes through it
        dynamo.drop(PollingTable.SCHEMA.tableName());
        dynamo.client().createTable(r -> r.tableName(PollingTable.SCHEMA.tableName())
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("datetime").attributeType("S"))
                .keySchema(k -> k.attributeName("datetime").keyType("HASH")));

        assertThatThrownBy(() -> invoke(scenario.handler(scenario.env(), NOW)))
                .isInstanceOf(CoreException.class)
                .hasMessageContaining("webexdev-te-polling")
                .hasMessageContaining("index byDay");
    }
}
