package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.te.poll.AlertPoll;
import com.webexqoe.te.poll.PollUrls;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheduled poll through the handler's real entry point, against dynalite (polling table),
 * S3Proxy (graph files), the Secrets Manager stand-in (bearer token) and WireMock (ThousandEyes,
 * answering the payloads written from its API reference).
 */
class TeHandlerPollIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();
    @RegisterExtension
    static final WireMockExtension te = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String BUCKET = "webexdev-dashboard";
    static final String SECRET = "webexdev/secrets";
    static final String TOKEN = "te-token-for-tests-0123456789";
    static final String POLLING = PollingTable.SCHEMA.tableName();
    /** 00:20 on 28 November in Tokyo, still the 27th in UTC: the local date must win. */
    static final Instant NOW = Instant.parse("2026-11-27T15:20:00Z");

    static final String MMP = "/v7/test-results/281474976710706/path-vis";
    static final String WZ = "/v7/test-results/281474976710801/path-vis";
    static final String CB = "/v7/test-results/281474976710802/path-vis";
    static final String NET = "/v7/test-results/281474976710706/network";
    static final String HTTP = "/v7/test-results/281474976710801/http-server";
    static final String AID = "?aid=1234";
    static final String ALERTS = "/v7/alerts";

    @BeforeEach
    void standIns() {
        dynamo.create(PollingTable.SCHEMA.createTableRequest());
        dynamo.create(AlertTable.SCHEMA.createTableRequest());
        s3.createBucket(BUCKET);
        aws.givenSecret(SECRET, Map.of("TE_OAUTHBEARER_TOKEN_V7", TOKEN, "userEmail", "someone@example.com"));
    }

    static StandInEnv env(String mmp, String wz, String cd, String net, String http) {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .s3(s3.endpoint())
                .secretsManager(aws.endpoint())
                .set("DYNAMODB_TABLENAME", AlertTable.SCHEMA.tableName())
                .set("DYNAMODB_TABLENAME_PO", POLLING)
                .set("S3_BUCKET_NAME", BUCKET)
                .set("SECRETMANAGER_NAME", SECRET)
                .set("API_URL_MMP", te.baseUrl() + mmp)
                .set("API_URL_WZ", te.baseUrl() + wz)
                .set("API_URL_CD", te.baseUrl() + cd)
                .set("API_URL_MMP_NET", te.baseUrl() + net)
                .set("API_URL_HTTP_WEB", te.baseUrl() + http)
                .set("API_URL_ALERTS", te.baseUrl() + ALERTS + AID)
                .set("HTTP_MAX_ATTEMPTS", "3")
                .set("TZ", "Asia/Tokyo");
    }

    static StandInEnv v7Env() {
        return env(MMP + AID, WZ + AID, CB + AID, NET + AID, HTTP + AID);
    }

    static StandInEnv v6Env() {
        return env("/v6/net/path-vis/281474976710706.json", "/v6/net/path-vis/281474976710801.json",
                "/v6/net/path-vis/281474976710802.json", "/v6/net/metrics/281474976710706.json",
                "/v6/web/http-server/281474976710801.json");
    }

    static TeHandler handler(StandInEnv env) {
        return new TeHandler(Env.of(env.toMap()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static void serve(String url, String fixture) {
        te.stubFor(get(urlEqualTo(url)).willReturn(json(fixture)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/hal+json")
                .withBody(Fixtures.bytes("thousandeyes/" + fixture));
    }

    static void serveV7() {
        serve(MMP + AID, "path-vis-v7-mmp-list.json");
        serve(MMP + "/agent/101/round/1764234600" + AID, "path-vis-v7-mmp-agent-101-gap-and-full.json");
        serve(MMP + "/agent/202/round/1764234300" + AID, "path-vis-v7-mmp-agent-202-one-hop-and-late-start.json");
        serve(WZ + AID, "path-vis-v7-wz-list.json");
        serve(WZ + "/agent/303/round/1764234600" + AID, "path-vis-v7-wz-agent-303.json");
        serve(CB + AID, "path-vis-v7-cb-list.json");
        serve(CB + "/agent/404/round/1764234600" + AID, "path-vis-v7-cb-agent-404.json");
        serve(NET + AID, "network-v7-two-agents.json");
        serve(HTTP + AID, "http-server-v7-two-agents.json");
        serveNoAlerts();
    }

    /** The v7 alert lists, both empty. */
    static void serveNoAlerts() {
        serve(ALERTS + AID, "alerts-v7-none.json");
        serve(ALERTS + AID + "&" + AlertPoll.CLEAR_QUERY, "alerts-v7-none.json");
    }

    static void serveV6() {
        serve("/v6/net/path-vis/281474976710706.json", "path-vis-v6-mmp-two-agents.json");
        serve("/v6/net/path-vis/281474976710801.json", "path-vis-v6-wz.json");
        serve("/v6/net/path-vis/281474976710802.json", "path-vis-v6-cb.json");
        serve("/v6/net/metrics/281474976710706.json", "metrics-v6-two-agents.json");
        serve("/v6/web/http-server/281474976710801.json", "http-server-v6-two-agents.json");
        serveNoAlerts();
    }

    static String poll(TeHandler handler) {
        return LambdaInvoker.invokeWithResource(handler, "webexdev-te", "/events/scheduled-poll.json");
    }

    static String object(String key) {
        return s3.get(BUCKET, key).asUtf8String();
    }

    static List<Map<String, AttributeValue>> pollingItems() {
        return dynamo.scan(POLLING);
    }

    static final String WZ_FILE = "[{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":["
            + "{\"id\":0,\"name\":\"hop1\",\"nc\":\"active\",\"rt\":1,\"ip\":\"203.0.113.1\",\"nw\":\"Home ISP (AS 64500)\",\"lc\":\"Tokyo, Japan\"},"
            + "{\"id\":1,\"name\":\"hop2\",\"nc\":\"active\",\"rt\":15,\"ip\":\"198.51.100.20\",\"nw\":\"Cisco Webex LLC (AS 13445)\",\"lc\":\"Tokyo, Japan\"}],"
            + "\"links\":[{\"source\":0,\"target\":1}]}]";
    static final String CB_FILE = "[{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":["
            + "{\"id\":0,\"name\":\"hop1\",\"nc\":\"active\",\"rt\":2,\"ip\":\"203.0.113.1\",\"nw\":\"Home ISP (AS 64500)\",\"lc\":\"Tokyo, Japan\"},"
            + "{\"id\":1,\"name\":\"hop2\",\"nc\":\"inactive\",\"rt\":null,\"ip\":null,\"nw\":null,\"lc\":null},"
            + "{\"id\":2,\"name\":\"hop3\",\"nc\":\"active\",\"rt\":30,\"ip\":\"198.51.100.30\",\"nw\":\"Cisco Webex LLC (AS 13445)\",\"lc\":\"Singapore\"}],"
            + "\"links\":[{\"source\":0,\"target\":1},{\"source\":1,\"target\":2}]}]";

    @Test
    void aFullV7PollWritesTheThreeGraphFilesTheRawFileAndTheMetricsItem() throws Exception {
        serveV7();

        JsonNode result = Json.read(poll(handler(v7Env())));

        assertThat(result.get("graphsMMP").asInt()).isEqualTo(4);
        assertThat(result.get("thousandEyesCalls").asInt()).isEqualTo(11);
        assertThat(object("resource-wz.json")).isEqualTo(WZ_FILE);
        assertThat(object("resource-cb.json")).isEqualTo(CB_FILE);
        JsonNode mmp = Json.read(object("resource.json"));
        assertThat(mmp).hasSize(4);
        assertThat(mmp.get(0).get("nodes").get(3).get("nc").asText()).isEqualTo("inactive");
        assertThat(mmp.get(2).get("nodes")).hasSize(1);
        assertThat(s3.get(BUCKET, "resource.json").response().contentType()).startsWith("application/json");

        JsonNode raw = Json.read(object("2026-11-28.json"));
        assertThat(raw.get("list")).isEqualTo(Fixtures.te("path-vis-v7-mmp-list.json"));
        assertThat(raw.get("details")).extracting(detail -> detail.get("agentId").asText() + "/" + detail.get("roundId").asText())
                .containsExactly("101/1764234600", "202/1764234300");
        assertThat(raw.get("details").get(1).get("response")).isEqualTo(Fixtures.te("path-vis-v7-mmp-agent-202-one-hop-and-late-start.json"));

        assertThat(pollingItems()).hasSize(1);
        Map<String, AttributeValue> item = pollingItems().get(0);
        assertThat(item.get("datetime").s()).isEqualTo("2026-11-28T00:20:00");
        assertThat(item.get("day").s()).isEqualTo("2026-11-28");
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
        Map<String, AttributeValue> osaka = item.get("metrics").l().get(1).m();
        assertThat(osaka.get("agentName").s()).isEqualTo("Osaka, Japan");
        assertThat(osaka.get("jitter").n()).isEqualTo("1.000000000000000001");
        assertThat(osaka.get("loss").n()).isEqualTo("1.5");
        assertThat(osaka.get("date").s()).isEqualTo("2026-11-27T09:10:02Z");
        assertThat(item.get("metrics").l().get(0).m().get("jitter").n()).isEqualTo("0.076808");
        Map<String, AttributeValue> kddi = item.get("response").l().get(1).m();
        assertThat(kddi.get("responseCode").n()).isEqualTo("502");
        assertThat(kddi.get("responseTime").n()).isEqualTo("995");
        assertThat(item.get("response").l().get(0).m().get("throughput").n()).isEqualTo("9993000.5");
    }

    @Test
    void everyThousandEyesCallCarriesTheBearerTokenAndTheConfiguredQuery() {
        serveV7();

        poll(handler(v7Env()));

        List<LoggedRequest> requests = te.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(11);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.getUrl()).contains(AID);
        });
        assertThat(aws.requests(AwsJsonStub.GET_SECRET_VALUE)).hasSize(1);
    }

    @Test
    void aFullV6PollWritesGraphFilesIdenticalToTheV7PollsAndKeepsTheRawAnswer() throws Exception {
        serveV6();
        JsonNode result = Json.read(poll(handler(v6Env())));
        String mmpV6 = object("resource.json");
        String wzV6 = object("resource-wz.json");
        String cbV6 = object("resource-cb.json");

        assertThat(result.get("thousandEyesCalls").asInt()).isEqualTo(7);
        assertThat(s3.get(BUCKET, "2026-11-28.json").asByteArray()).isEqualTo(Fixtures.bytes("thousandeyes/path-vis-v6-mmp-two-agents.json"));
        Map<String, AttributeValue> item = pollingItems().get(0);
        assertThat(item.get("metrics").l().get(1).m().get("jitter").n()).isEqualTo("1.000000000000000001");
        assertThat(item.get("metrics").l().get(0).m().get("date").s()).isEqualTo("2026-11-27 09:10:00");
        assertThat(item.get("response").l().get(0).m().get("totalTime").n()).isEqualTo("55");
        assertThat(item.get("response").l().get(1).m().get("errorType").s()).isEqualTo("HTTP");

        serveV7();
        poll(handler(v7Env()));

        assertThat(object("resource.json")).isEqualTo(mmpV6);
        assertThat(object("resource-wz.json")).isEqualTo(wzV6).isEqualTo(WZ_FILE);
        assertThat(object("resource-cb.json")).isEqualTo(cbV6).isEqualTo(CB_FILE);
    }

    @Test
    void oneTestFailingLeavesItsFileAloneStoresTheOthersAndFailsTheInvocationNamingIt() {
        serveV7();
        te.stubFor(get(urlEqualTo(WZ + AID)).willReturn(aResponse().withStatus(500)));
        s3.client().putObject(r -> r.bucket(BUCKET).key("resource-wz.json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("[\"the previous graphs\"]"));
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        TeHandler handler = new TeHandler(new TeWiring(Env.of(v7Env().toMap()), Clock.fixed(NOW, ZoneOffset.UTC)),
                new JsonLog("webexdev-te", new PrintStream(logBytes, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC)));

        assertThatThrownBy(() -> poll(handler))
                .isInstanceOf(TeException.class)
                .hasMessageContaining("WZ path-vis (API_URL_WZ): HTTP 500 after 3 attempts")
                .message().doesNotContain("MMP").doesNotContain("CB");

        te.verify(3, getRequestedFor(urlEqualTo(WZ + AID)));
        assertThat(object("resource-wz.json")).isEqualTo("[\"the previous graphs\"]");
        assertThat(object("resource-cb.json")).isEqualTo(CB_FILE);
        assertThat(object("resource.json")).contains("\"name\":\"hop5\"");
        assertThat(pollingItems()).hasSize(1);
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"message\":\"te source failed\"").contains("\"test\":\"WZ path-vis (API_URL_WZ)\"")
                .contains("\"message\":\"te poll failed\"").doesNotContain(TOKEN);
    }

    @Test
    void aFailedAgentDetailCallLeavesThatTestsFileAloneInsteadOfWritingAPartialArray() {
        serveV7();
        te.stubFor(get(urlEqualTo(MMP + "/agent/202/round/1764234300" + AID)).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> poll(handler(v7Env())))
                .isInstanceOf(TeException.class)
                .hasMessageContaining("MMP path-vis (API_URL_MMP) agent 202 round 1764234300: HTTP 404");

        assertThatThrownBy(() -> s3.get(BUCKET, "resource.json")).isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.get(BUCKET, "2026-11-28.json")).isInstanceOf(NoSuchKeyException.class);
        assertThat(object("resource-wz.json")).isEqualTo(WZ_FILE);
        te.verify(1, getRequestedFor(urlEqualTo(MMP + "/agent/202/round/1764234300" + AID)));
    }

    @Test
    void malformedJsonAndFailedMetricsAreIsolatedToo() {
        serveV7();
        te.stubFor(get(urlEqualTo(CB + AID)).willReturn(aResponse().withStatus(200).withBody("{\"results\": [")));
        te.stubFor(get(urlEqualTo(HTTP + AID)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> poll(handler(v7Env())))
                .isInstanceOf(TeException.class)
                .hasMessageContaining("CB path-vis (API_URL_CD): the answer is not valid JSON")
                .hasMessageContaining("HTTP server results (API_URL_HTTP_WEB): HTTP 503");

        assertThatThrownBy(() -> s3.get(BUCKET, "resource-cb.json")).isInstanceOf(NoSuchKeyException.class);
        Map<String, AttributeValue> item = pollingItems().get(0);
        assertThat(item.get("metrics").l()).hasSize(2);
        assertThat(item).doesNotContainKey("response");
    }

    @Test
    void aRateLimitedCallWaitsForTheOrganisationResetAndThenSucceeds() {
        serveV7();
        long reset = System.currentTimeMillis() / 1000 + 1;
        ScenarioMappingBuilder limited = get(urlEqualTo(NET + AID)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("X-Organization-Rate-Limit-Limit", "240")
                        .withHeader("X-Organization-Rate-Limit-Remaining", "0")
                        .withHeader("X-Organization-Rate-Limit-Reset", Long.toString(reset)));
        te.stubFor(limited.willSetStateTo("reset"));
        te.stubFor(get(urlEqualTo(NET + AID)).inScenario("rate").whenScenarioStateIs("reset").willReturn(json("network-v7-two-agents.json")));

        poll(handler(v7Env()));

        te.verify(2, getRequestedFor(urlPathEqualTo(NET)));
        assertThat(pollingItems().get(0).get("metrics").l()).hasSize(2);
    }

    @Test
    void anInvalidApiUrlFailsThePollNamingTheVariable() {
        StandInEnv env = v7Env().set("API_URL_WZ", "not a url");

        assertThatThrownBy(() -> poll(handler(env)))
                .hasMessageContaining("API_URL_WZ is not a valid http(s) URL");
        assertThat(te.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aMissingRequiredVariableFailsAtOnceNamingIt() {
        assertThatThrownBy(() -> handler(v7Env().remove("API_URL_MMP_NET")))
                .hasMessage("API_URL_MMP_NET is not set");
    }

    /** The alert items, without the delivery markers of the clears. */
    static List<Map<String, AttributeValue>> alertItems() {
        return dynamo.scan(AlertTable.SCHEMA.tableName()).stream().filter(item -> !item.get("datetime").s().startsWith("#")).toList();
    }

    static TeHandler handlerAt(Instant now) {
        return new TeHandler(Env.of(v7Env().toMap()), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theAlertListsBecomeAlertItems_anActiveAlertIsRefreshedEachPoll_aClearIsStoredOnce() throws Exception {
        serveV7();
        serve(ALERTS + AID, "alerts-v7-active.json");
        serve(ALERTS + AID + "&state=clear&window=1h", "alerts-v7-cleared.json");

        JsonNode first = Json.read(poll(handlerAt(NOW)));
        JsonNode second = Json.read(poll(handlerAt(NOW.plusSeconds(300))));

        assertThat(first.get("alertTriggers").asInt()).isEqualTo(1);
        assertThat(first.get("alertClears").asInt()).isEqualTo(1);
        assertThat(second.get("alertTriggers").asInt()).isEqualTo(1);
        assertThat(second.get("alertClears").asInt()).isEqualTo(0);
        te.verify(2, getRequestedFor(urlEqualTo(ALERTS + AID)).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + TOKEN)));
        List<Map<String, AttributeValue>> items = alertItems();
        assertThat(items).extracting(item -> item.get("eventid").s() + " " + item.get("datetime").s() + " " + item.get("active").n())
                .containsExactlyInAnyOrder(
                        "poll:e9c3bf02-a48c-4aa8-9e5f-898800d6f569:trigger 2026-11-28T00:20:00.000 1",
                        "poll:e9c3bf02-a48c-4aa8-9e5f-898800d6f569:trigger 2026-11-28T00:25:00.000 1",
                        "poll:7c32734e-ba62-40cb-90f6-b99e43d5649f:clear 2026-11-28T00:20:00.000 0");
        Map<String, AttributeValue> clear = items.stream().filter(item -> item.get("eventid").s().endsWith(":clear")).findFirst().orElseThrow();
        assertThat(clear.get("alertId").s()).isEqualTo("7c32734e-ba62-40cb-90f6-b99e43d5649f");
        assertThat(clear.get("type").s()).isEqualTo("http-server");
        assertThat(clear.get("day").s()).isEqualTo("2026-11-28");
        assertThat(com.webexqoe.common.dynamo.AttributeValues.toJson(clear.get("items")))
                .isEqualTo(Fixtures.te("alerts-v7-cleared.json").get("alerts").get(0));
    }

    @Test
    void aFailingAlertListFailsThePollNamingItAndEveryOtherSourceIsStillStored() throws Exception {
        serveV7();
        te.stubFor(get(urlEqualTo(ALERTS + AID)).willReturn(aResponse().withStatus(403)));
        serve(ALERTS + AID + "&state=clear&window=1h", "alerts-v7-cleared.json");

        assertThatThrownBy(() -> poll(handler(v7Env())))
                .isInstanceOf(TeException.class)
                .hasMessageContaining("alerts (API_URL_ALERTS): HTTP 403")
                .message().doesNotContain("MMP").doesNotContain("HTTP server results");

        assertThat(object("resource-wz.json")).isEqualTo(WZ_FILE);
        assertThat(pollingItems()).hasSize(1);
        assertThat(alertItems()).extracting(item -> item.get("eventid").s())
                .containsExactly("poll:7c32734e-ba62-40cb-90f6-b99e43d5649f:clear");
    }

    @Test
    void withoutApiUrlAlertsThePollAsksThousandEyesDefaultV7Url() {
        assertThat(PollUrls.fromEnv(Env.of(v7Env().remove("API_URL_ALERTS").toMap())).alerts())
                .hasToString("https://api.thousandeyes.com/v7/alerts");
        assertThat(AlertPoll.clearUrl(java.net.URI.create("https://api.thousandeyes.com/v7/alerts")))
                .hasToString("https://api.thousandeyes.com/v7/alerts?state=clear&window=1h");
        assertThatThrownBy(() -> PollUrls.fromEnv(Env.of(v7Env().set("API_URL_ALERTS", "not a url").toMap())))
                .hasMessageContaining("API_URL_ALERTS is not a valid http(s) URL");
    }
}
