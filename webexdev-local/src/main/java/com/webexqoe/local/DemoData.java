package com.webexqoe.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.common.time.LocalTimes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Demo mode's outside world, in the shapes of the real APIs (status.webex.com RSS, ThousandEyes API
 * v7, X API v2 recent search, Webex OAuth / Meetings / Meeting Qualities), made at request time
 * with times relative to now: an unresolved incident, two agents with several routes including slow
 * and unknown hops, posts in several languages with mixed sentiment, a meeting in progress with a
 * Wi-Fi user whose audio jitter is poor, and path metrics that move over the day. The identifiers
 * and addresses are documentation values (RFC 5737 addresses, example.com).
 */
final class DemoData implements ResponseDefinitionTransformerV2 {

    static final String NAME = "demo-apis";
    static final String MMP = "2001";
    static final String WZ = "2002";
    static final String CB = "2003";
    /** Twitter's snowflake epoch (ms): ids grow with time, as the X API's do. */
    private static final long SNOWFLAKE_EPOCH = 1288834974657L;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Pattern DETAIL = Pattern.compile(".*/test-results/(\\d+)/path-vis/agent/(\\d+)/round/(\\d+)");

    private final Clock clock;
    private final ZoneId zone;

    DemoData(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The two secrets' demo values (no webhook token: the open-endpoint warning shows). */
    static ObjectNode secrets() {
        ObjectNode all = Json.object();
        all.putObject(LocalSystem.SECRETS)
                .put("hostEmail", "host@example.com")
                .put("userEmail", "Alex.Tanaka@example.com")
                .put("CLIENT_ID", "demo-client-id")
                .put("CLIENT_SECRET", "demo-client-secret")
                .put("TE_OAUTHBEARER_TOKEN_V7", "demo-thousandeyes-token")
                .put("API_KEY", "demo-api-key")
                .put("API_SECRET", "demo-api-secret")
                .put("TWITTER_TOKEN", "demo-token")
                .put("TWITTER_TOKEN_SECRET", "demo-token-secret")
                .put("TWITTER_BEARER_TOKEN", "demo-x-bearer")
                .put("WEBEX_BOT_TOKEN", MessagesStandIn.BOT_TOKEN);
        all.putObject(LocalSystem.TOKEN_SECRET)
                .put("ACCESS_TOKEN", "demo-access-0")
                .put("REFRESH_TOKEN", "demo-refresh-0");
        return all;
    }

    /** Where the functions find the demo APIs. */
    static Map<String, String> urls(String base) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("STATUS_RSS_URL", base + "/status/history.rss");
        urls.put("STATUS_API_BASE_URL", base + "/status");
        urls.put("API_URL_MMP", base + "/te/v7/test-results/" + MMP + "/path-vis");
        urls.put("API_URL_WZ", base + "/te/v7/test-results/" + WZ + "/path-vis");
        urls.put("API_URL_CD", base + "/te/v7/test-results/" + CB + "/path-vis");
        urls.put("API_URL_MMP_NET", base + "/te/v7/test-results/" + MMP + "/network");
        urls.put("API_URL_HTTP_WEB", base + "/te/v7/test-results/" + WZ + "/http-server");
        urls.put("API_URL_ALERTS", base + "/te/v7/alerts");
        urls.put("TWITTER_API_BASE_URL", base + "/x");
        urls.put("WEBEX_API_BASE_URL", base + "/webex/v1");
        urls.put("WEBEX_ANALYTICS_BASE_URL", base + "/analytics/v1");
        return urls;
    }

    void register(WireMockServer server) {
        for (String prefix : List.of("/status/.*", "/te/.*", "/x/.*", "/webex/.*", "/analytics/.*")) {
            server.stubFor(any(urlPathMatching(prefix)).willReturn(aResponse().withTransformers(NAME)));
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String path = serveEvent.getRequest().getUrl().replaceAll("\\?.*", "");
        Instant now = clock.instant();
        if (path.equals("/status/history.rss")) {
            return respond(200, "application/rss+xml; charset=utf-8", statusFeed(now));
        }
        if (path.equals("/status/index.json")) {
            return json(statusIndex(now));
        }
        Matcher detail = DETAIL.matcher(path);
        if (detail.matches()) {
            return json(pathVisDetail(detail.group(1), detail.group(2), Long.parseLong(detail.group(3)), now));
        }
        if (path.matches("/te/v7/test-results/\\d+/path-vis")) {
            return json(pathVisList(path.replaceAll(".*/test-results/(\\d+)/.*", "$1"), now));
        }
        if (path.equals("/te/v7/alerts")) {
            String query = serveEvent.getRequest().getUrl().replaceAll("^[^?]*\\??", "");
            return json(alerts(query.contains("state=clear"), now));
        }
        if (path.endsWith("/network")) {
            return json(network(now));
        }
        if (path.endsWith("/http-server")) {
            return json(httpServer(now));
        }
        if (path.equals("/x/2/tweets/search/recent")) {
            return json(posts(now));
        }
        if (path.equals("/webex/v1/access_token")) {
            long n = now.getEpochSecond();
            return json(Json.object().put("access_token", "demo-access-" + n).put("expires_in", 1209599)
                    .put("refresh_token", "demo-refresh-" + n).put("refresh_token_expires_in", 7775999));
        }
        if (path.equals("/webex/v1/meetings")) {
            return json(meetings(now));
        }
        if (path.equals("/analytics/v1/meeting/qualities")) {
            return json(qualities(now));
        }
        return respond(404, "application/json", "{\"message\":\"The requested resource could not be found.\"}");
    }

    private static ResponseDefinition json(ObjectNode body) {
        return respond(200, "application/json", Json.write(body));
    }

    private static ResponseDefinition respond(int status, String type, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", type).withBody(body).build();
    }

    // --- ThousandEyes v7 alert list (GET /alerts) ----------------------------------------------

    /** The demo alert's id: the same alert at every poll, so that the poll refreshes one trigger. */
    static final String DEMO_ALERT_ID = "5d1c3b2a-0f9e-4d8c-b7a6-123456789abc";

    /**
     * One active alert on the Web Zone test, started 40 minutes ago (during the day's incident);
     * nothing cleared in the last hour. The shape of ThousandEyes' "List active alerts" example.
     */
    private ObjectNode alerts(boolean cleared, Instant now) {
        ObjectNode body = Json.object();
        var list = body.putArray("alerts");
        String self = "https://api.thousandeyes.com/v7/alerts" + (cleared ? "?state=clear&window=1h" : "");
        if (!cleared) {
            Instant start = now.minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
            ObjectNode alert = list.addObject()
                    .put("id", DEMO_ALERT_ID)
                    .put("alertType", "http-server")
                    .put("startDate", start.toString())
                    .put("violationCount", 2)
                    .put("duration", Duration.between(start, now).toSeconds())
                    .put("suppressed", false);
            alert.putObject("meta").put("version", 1);
            alert.put("alertRuleId", "3001").put("state", "trigger").put("alertState", "trigger")
                    .put("severity", "major").put("alertSeverity", "major");
            ObjectNode links = alert.putObject("_links");
            links.putObject("self").put("href", "https://api.thousandeyes.com/v7/alerts/" + DEMO_ALERT_ID);
            links.putObject("rule").put("href", "https://api.thousandeyes.com/v7/alerts/rules/3001");
        }
        body.putObject("_links").putObject("self").put("href", self);
        return body;
    }

    // --- Cisco status feed -------------------------------------------------------------------

    private String statusFeed(Instant now) {
        StringBuilder rss = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Webex Status - Incident History</title>
                <link>https://status.webex.com</link><description>Demo feed</description>
                """);
        item(rss, "Degraded meeting join times - Webex Meetings APAC", "investigating",
                "We are investigating reports of slow meeting joins in the APAC region.", now.minus(Duration.ofMinutes(95)), "demo-4");
        item(rss, "Scheduled maintenance - Webex Calling London", "scheduled",
                "Planned maintenance window for Webex Calling in London.", now.plus(Duration.ofDays(2)).minus(Duration.ofDays(3)), "demo-3");
        item(rss, "Intermittent recording playback errors", "resolved",
                "Recording playback has been restored.", now.minus(Duration.ofHours(20)), "demo-2");
        item(rss, "Webex Messaging delays - US East", "completed",
                "Message delivery delays have ended.", now.minus(Duration.ofDays(3)), "demo-1");
        return rss.append("</channel></rss>\n").toString();
    }

    /**
     * {@code index.json} in the shape https://status.webex.com/api documents: the APAC incident of the
     * feed (same name: the page counts it once) affecting a Meetings component, the upcoming
     * London maintenance, and a resolved incident that the status function leaves out.
     */
    private ObjectNode statusIndex(Instant now) {
        ObjectNode body = Json.object();
        ArrayNode components = body.putArray("components");
        ObjectNode meetings = component(components, "demo-c-meetings", "Webex Meetings", "degraded_performance", null, now);
        meetings.put("isGroup", "Y").putArray("components").add("demo-c-join-apac").add("demo-c-share");
        component(components, "demo-c-join-apac", "Meeting join - APAC", "partial_outage", "demo-c-meetings", now).put("isGroup", "N");
        component(components, "demo-c-share", "Share content", "operational", "demo-c-meetings", now).put("isGroup", "N");
        component(components, "demo-c-calling-london", "Webex Calling - London", "operational", null, now).put("isGroup", "N");

        ArrayNode incidents = body.putArray("incidents");
        ObjectNode apac = incidents.addObject();
        apac.put("updated_at", now.minus(Duration.ofMinutes(25)).toString()).putNull("resolved_at").put("impact", "major")
                .put("incidentType", "INCIDENT").put("name", "Degraded meeting join times - Webex Meetings APAC")
                .put("created_at", now.minus(Duration.ofMinutes(95)).toString());
        apac.putArray("incident_updates").addObject().put("incident_id", "demo-4")
                .put("updated_at", now.minus(Duration.ofMinutes(25)).toString())
                .put("body", "We are investigating reports of slow meeting joins in the APAC region.").put("status", "investigating");
        apac.putArray("components").addObject().put("id", "demo-c-join-apac").put("name", "Meeting join - APAC")
                .put("status", "partial_outage");
        apac.put("id", "demo-4").put("status", "investigating").put("locations", "APAC");
        ObjectNode resolved = incidents.addObject();
        resolved.put("updated_at", now.minus(Duration.ofHours(19)).toString())
                .put("resolved_at", now.minus(Duration.ofHours(19)).toString()).put("impact", "minor")
                .put("incidentType", "INCIDENT").put("name", "Intermittent recording playback errors")
                .put("created_at", now.minus(Duration.ofHours(20)).toString());
        resolved.putArray("incident_updates");
        resolved.putArray("components");
        resolved.put("id", "demo-2").put("status", "resolved");

        ObjectNode maintenance = body.putArray("scheduled_maintenances").addObject();
        maintenance.put("updated_at", now.minus(Duration.ofDays(1)).toString()).put("impact", "maintenance")
                .put("incidentType", "MAINTENANCE").put("name", "Scheduled maintenance - Webex Calling London")
                .put("created_at", now.minus(Duration.ofDays(1)).toString())
                .put("start_at", now.plus(Duration.ofDays(2)).toString())
                .put("end_at", now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)).toString());
        maintenance.putArray("incident_updates");
        maintenance.putArray("components").addObject().put("id", "demo-c-calling-london").put("name", "Webex Calling - London")
                .put("status", "operational");
        maintenance.put("id", "demo-3").put("status", "Scheduled").put("locations", "London");

        body.putObject("status").put("indicator", "yellow").put("description", "Partially Degraded Service");
        return body;
    }

    private static ObjectNode component(ArrayNode components, String id, String name, String status, String groupId, Instant now) {
        ObjectNode component = components.addObject();
        component.put("updated_at", now.minus(Duration.ofMinutes(25)).toString());
        if (groupId == null) {
            component.putNull("group_id");
        } else {
            component.put("group_id", groupId);
        }
        component.put("name", name).put("created_at", "2018-09-27T18:55:50.320Z").putNull("description").put("id", id)
                .put("product_group", name.startsWith("Webex Calling") ? "WebexCalling" : "WebexMeeting").put("status", status);
        return component;
    }

    private static void item(StringBuilder rss, String title, String status, String text, Instant published, String id) {
        rss.append("<item><title>").append(title).append("</title>")
                .append("<link>https://status.webex.com/incidents/").append(id).append("</link>")
                .append("<description>&lt;p&gt;&lt;strong &gt;").append(status).append("&lt;/strong &gt; - ").append(text)
                .append("&lt;/p&gt;</description>")
                .append("<pubDate>").append(RFC_1123.format(published.atZone(ZoneId.of("UTC")))).append("</pubDate>")
                .append("<guid>https://status.webex.com/incidents/").append(id).append("</guid></item>\n");
    }

    // --- ThousandEyes API v7 -----------------------------------------------------------------

    private record Agent(String id, String name, String location) {
    }

    private static final List<Agent> AGENTS = List.of(
            new Agent("101", "Tokyo, Japan", "Tokyo Area"),
            new Agent("202", "Osaka, Japan", "Osaka Area"));

    /** A sine over the day, so that the trend chart moves: 0 at 04:00 local, 1 at 16:00. */
    private double dayWave(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        double hours = local.getHour() + local.getMinute() / 60.0;
        return (1 - Math.cos((hours - 4) / 24 * 2 * Math.PI)) / 2;
    }

    private static long round(Instant now) {
        return now.getEpochSecond() - now.getEpochSecond() % 300;
    }

    private ObjectNode pathVisList(String testId, Instant now) {
        ObjectNode body = Json.object();
        body.putObject("test").put("testId", testId).put("testName", testName(testId)).put("type", "agent-to-server");
        ArrayNode results = body.putArray("results");
        for (Agent agent : AGENTS) {
            ObjectNode result = results.addObject();
            agent(result, agent);
            result.put("date", Instant.ofEpochSecond(round(now)).toString()).put("roundId", round(now));
            ArrayNode traces = result.putArray("pathTraces");
            traces.addObject().put("ipAddress", "198.51.100.10").put("numberOfHops", 6).put("pathId", agent.id() + "1");
            traces.addObject().put("ipAddress", "198.51.100.10").put("numberOfHops", 6).put("pathId", agent.id() + "2");
        }
        return body;
    }

    private static String testName(String testId) {
        return switch (testId) {
            case MMP -> "Webex Multimedia Platform";
            case WZ -> "Webex Web Zone";
            default -> "Webex Collaboration Bridge";
        };
    }

    private ObjectNode pathVisDetail(String testId, String agentId, long roundId, Instant now) {
        Agent agent = AGENTS.stream().filter(a -> a.id().equals(agentId)).findFirst().orElse(AGENTS.get(0));
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        ObjectNode result = results.addObject();
        agent(result, agent);
        result.put("date", Instant.ofEpochSecond(roundId).toString()).put("roundId", roundId);
        ArrayNode traces = result.putArray("pathTraces");
        double wave = dayWave(now);
        boolean osaka = "202".equals(agentId);
        // Route 1: home router, ISP, transit (slow in the busy hours), an unknown hop, Webex edge, server.
        ObjectNode first = traces.addObject().put("pathId", agentId + "1");
        ArrayNode hops = first.putArray("hops");
        hop(hops, 1, "192.168.1.1", null, "Home network", 1, osaka ? "Osaka, Japan" : "Tokyo, Japan");
        hop(hops, 2, "203.0.113.1", "Home ISP (AS 64500)", null, 3 + wave * 2, osaka ? "Osaka, Japan" : "Tokyo, Japan");
        hop(hops, 3, "192.0.2.1", "Transit Net (AS 64501)", null, 6 + wave * 9, "Tokyo, Japan");
        // hop 4 answered nothing this round: a '*' in traceroute
        hop(hops, 5, "198.51.100.1", "Cisco Webex LLC (AS 13445)", null, 14 + wave * 6, "Tokyo, Japan");
        hop(hops, 6, "198.51.100.10", "Cisco Webex LLC (AS 13445)", null, 15 + wave * 6, "Tokyo, Japan");
        // Route 2: the same home, another transit path, all hops answering.
        ObjectNode second = traces.addObject().put("pathId", agentId + "2");
        ArrayNode hops2 = second.putArray("hops");
        hop(hops2, 1, "192.168.1.1", null, "Home network", 1, osaka ? "Osaka, Japan" : "Tokyo, Japan");
        hop(hops2, 2, "203.0.113.1", "Home ISP (AS 64500)", null, 3 + wave, osaka ? "Osaka, Japan" : "Tokyo, Japan");
        hop(hops2, 3, "192.0.2.65", "Backbone Carrier (AS 64502)", null, 5 + wave * 2, "Osaka, Japan");
        hop(hops2, 4, "192.0.2.66", "Backbone Carrier (AS 64502)", null, 7 + wave * 3, "Osaka, Japan");
        hop(hops2, 5, "198.51.100.2", "Cisco Webex LLC (AS 13445)", null, 12 + wave * 4, "Tokyo, Japan");
        hop(hops2, 6, "198.51.100.10", "Cisco Webex LLC (AS 13445)", null, 13 + wave * 4, "Tokyo, Japan");
        body.putObject("test").put("testId", testId).put("testName", testName(testId)).put("type", "agent-to-server");
        return body;
    }

    private static void hop(ArrayNode hops, int number, String ip, String network, String rdns, double responseTime, String location) {
        ObjectNode hop = hops.addObject().put("hop", number).put("ipAddress", ip)
                .put("prefix", ip.replaceAll("\\.\\d+$", ".0/24"));
        if (rdns != null) {
            hop.put("rdns", rdns);
        }
        if (network != null) {
            hop.put("network", network);
        }
        hop.put("responseTime", BigDecimal.valueOf(responseTime).setScale(0, RoundingMode.HALF_UP));
        hop.put("location", location);
    }

    private static void agent(ObjectNode result, Agent agent) {
        result.putObject("agent").put("agentId", agent.id()).put("agentName", agent.name()).put("countryId", "JP")
                .put("location", agent.location());
    }

    ObjectNode network(Instant at) {
        double wave = dayWave(at);
        ObjectNode body = Json.object();
        body.putObject("test").put("testId", MMP).put("testName", testName(MMP)).put("type", "agent-to-server");
        ArrayNode results = body.putArray("results");
        for (Agent agent : AGENTS) {
            boolean osaka = "202".equals(agent.id());
            ObjectNode result = results.addObject();
            agent(result, agent);
            double latency = (osaka ? 9 : 15) + wave * 12;
            result.put("date", Instant.ofEpochSecond(round(at)).toString()).put("roundId", round(at))
                    .put("serverIp", "198.51.100.10")
                    .put("loss", decimal(osaka ? wave * 1.5 : wave * 0.4, 1))
                    .put("avgLatency", decimal(latency, 2))
                    .put("minLatency", decimal(latency - 2, 2))
                    .put("maxLatency", decimal(latency + 6 * wave + 1, 2))
                    .put("jitter", decimal(0.3 + wave * 2.5, 3))
                    .put("direction", "to-target");
        }
        return body;
    }

    ObjectNode httpServer(Instant at) {
        double wave = dayWave(at);
        ObjectNode body = Json.object();
        body.putObject("test").put("testId", WZ).put("testName", testName(WZ)).put("type", "http-server");
        ArrayNode results = body.putArray("results");
        for (Agent agent : AGENTS) {
            boolean osaka = "202".equals(agent.id());
            ObjectNode result = results.addObject();
            agent(result, agent);
            result.put("date", Instant.ofEpochSecond(round(at)).toString()).put("roundId", round(at))
                    .put("serverIp", "198.51.100.20")
                    .put("responseCode", 200)
                    .put("dnsTime", osaka ? 10 : 12)
                    .put("connectTime", osaka ? 3 : 2)
                    .put("sslTime", 9)
                    .put("waitTime", Math.round(30 + wave * 160))
                    .put("receiveTime", 1)
                    .put("responseTime", Math.round((osaka ? 48 : 54) + wave * 180))
                    .put("wireSize", 9993);
        }
        return body;
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    // --- X API v2 recent search --------------------------------------------------------------

    private record Post(int minutesAgo, String lang, String text) {
    }

    private static final List<Post> POSTS = List.of(
            new Post(3, "en", "Webex keeps dropping my audio this morning, is Webex down for anyone else?"),
            new Post(9, "ja", "Webexの会議が快適です。画質も良いです。"),
            new Post(16, "en", "Our all-hands on Webex went great, love the new layouts"),
            new Post(24, "es", "Webex no funciona desde la oficina, el audio se corta"),
            new Post(37, "de", "Webex Meeting ist heute super stabil und klar."),
            new Post(55, "en", "Joining a Webex call in 5 minutes"),
            new Post(70, "fr", "Le partage d'écran sur Webex est en panne depuis ce matin"),
            new Post(95, "ko", "Webex 회의 시작합니다"),
            new Post(130, "en", "Webex works well today but the lobby was slow to admit people"),
            new Post(170, "en", "Webex captions are excellent for our international team"));

    private static final List<Post> HISTORY = List.of(
            new Post(0, "en", "Webex meeting recordings are now searchable, nice"),
            new Post(0, "en", "Setting up Webex rooms for the new office"),
            new Post(0, "ja", "Webexで朝会をしています"),
            new Post(0, "en", "Webex audio was a bit laggy in the afternoon call"),
            new Post(0, "es", "La reunión de Webex está programada para mañana"),
            new Post(0, "en", "Webex background noise removal is excellent"),
            new Post(0, "de", "Webex Schulung für das Team ist morgen"));

    private ObjectNode posts(Instant now) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        String newest = null;
        String oldest = null;
        for (Post post : POSTS) {
            // Posts keep their age: a new one appears as time passes, so every run finds something new.
            Instant created = now.minus(Duration.ofMinutes(post.minutesAgo())).truncatedTo(ChronoUnit.MINUTES);
            String id = Long.toString(((created.toEpochMilli() - SNOWFLAKE_EPOCH) << 22) + post.text().length());
            ObjectNode tweet = data.addObject().put("id", id).put("text", post.text())
                    .put("created_at", DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.MILLIS)))
                    .put("lang", post.lang());
            tweet.putArray("edit_history_tweet_ids").add(id);
            newest = newest == null ? id : newest;
            oldest = id;
        }
        body.putObject("meta").put("newest_id", newest).put("oldest_id", oldest).put("result_count", POSTS.size());
        return body;
    }

    // --- Webex Meetings and Meeting Qualities --------------------------------------------------

    private static final String MEETING_ID = "0f3a9c2e5b7d41e8a6c4b2d0e9f81a73_I_231245678901234567";

    private ObjectNode meetings(Instant now) {
        ObjectNode body = Json.object();
        Instant start = now.minus(Duration.ofMinutes(25)).truncatedTo(ChronoUnit.MINUTES);
        body.putArray("items").addObject()
                .put("id", MEETING_ID)
                .put("meetingSeriesId", "0f3a9c2e5b7d41e8a6c4b2d0e9f81a73")
                .put("meetingNumber", "25112345678")
                .put("title", "Weekly operations review")
                .put("meetingType", "meeting")
                .put("state", "inProgress")
                .put("timezone", zone.getId())
                .put("start", start.toString())
                .put("end", start.plus(Duration.ofHours(1)).toString())
                .put("hostEmail", "host@example.com")
                .put("webLink", "https://example.webex.com/meet/host");
        return body;
    }

    private ObjectNode qualities(Instant now) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        Instant join = now.minus(Duration.ofMinutes(24)).truncatedTo(ChronoUnit.MINUTES);
        participant(items.addObject(), "Alex Tanaka", "alex.tanaka@example.com", "wifi", join, now, 42, 1.2, 96);
        participant(items.addObject(), "Sam Okada", "sam.okada@example.com", "ethernet", join.plusSeconds(60), now, 6, 0.0, 38);
        return body;
    }

    private static void participant(ObjectNode item, String name, String email, String network, Instant join, Instant now,
                                    int jitter, double loss, int latency) {
        item.put("meetingInstanceId", MEETING_ID)
                .put("webexUserName", name)
                .put("webexUserEmail", email)
                .put("joinTime", join.toString())
                .put("leaveTime", now.truncatedTo(ChronoUnit.MINUTES).toString())
                .put("joinMeetingTime", "2.1")
                .put("clientType", "Webex Desktop")
                .put("clientVersion", "44.10.0.30906")
                .put("osType", "Windows")
                .put("osVersion", "Windows 11")
                .put("hardwareType", "Laptop")
                .put("networkType", network)
                .put("localIP", "192.168.1.23")
                .put("publicIP", "203.0.113.5")
                .put("serverRegion", "Tokyo, Japan")
                .put("participantId", "demo-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        media(item.putArray("audioIn").addObject(), join, now, jitter, loss, latency, 64000, "opus");
        media(item.putArray("audioOut").addObject(), join, now, Math.max(2, jitter / 4), 0.0, latency, 64000, "opus");
        media(item.putArray("videoIn").addObject(), join, now, jitter / 2, loss, latency, 1800000, "H.264");
        media(item.putArray("videoOut").addObject(), join, now, 4, 0.0, latency, 1500000, "H.264");
        item.putArray("resources").addObject()
                .put("processAverageCPU", 18).put("processMaxCPU", 31).put("systemAverageCPU", 42).put("systemMaxCPU", 67);
    }

    private static void media(ObjectNode media, Instant join, Instant now, int jitter, double loss, int latency, int bitRate,
                              String codec) {
        media.put("samplingInterval", 60).put("startTime", join.toString())
                .put("endTime", now.truncatedTo(ChronoUnit.MINUTES).toString())
                .put("transportType", "UDP").put("codec", codec);
        ArrayNode lossValues = media.putArray("packetLoss");
        ArrayNode latencyValues = media.putArray("latency");
        ArrayNode jitterValues = media.putArray("jitter");
        ArrayNode bitRates = media.putArray("mediaBitRate");
        for (int minute = 0; minute < 5; minute++) {
            lossValues.add(decimal(loss * (0.6 + minute * 0.1), 2));
            latencyValues.add(latency + minute);
            jitterValues.add(Math.max(1, jitter - 4 + minute));
            bitRates.add(bitRate - minute * 1000);
        }
    }

    // --- 24 h of history, seeded once ---------------------------------------------------------

    /**
     * On the first demo start, the last 24 hours of path metrics (every 15 minutes) and posts, in
     * the items the te and twitter functions write (names from their schemas; DemoDataItemsTest holds
     * them to the writers' own mappers), so that the trend chart and the windows are
     * full from the first page on.
     */
    void seedHistory(DynamoDbClient dynamo, Optional<Path> marker) {
        if (marker.isPresent() && Files.exists(marker.get())) {
            return;
        }
        Instant now = clock.instant();
        LocalTimes times = new LocalTimes(clock, zone);
        List<Map<String, AttributeValue>> polls = new ArrayList<>();
        for (int i = 96; i >= 1; i--) {
            Instant at = now.minus(Duration.ofMinutes(15L * i));
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put(PollingTable.DATETIME, AttributeValues.s(times.format(at, LocalTimes.SECONDS)));
            item.put(PollingTable.DAY, AttributeValues.s(times.day(at)));
            item.put(PollingTable.METRICS, AttributeValues.fromJson(flatten(network(at))));
            item.put(PollingTable.RESPONSE, AttributeValues.fromJson(flatten(httpServer(at))));
            item.put(PollingTable.EXPIRES_AT, AttributeValues.n(PollingTable.SCHEMA.expiresAt(at)));
            polls.add(item);
        }
        write(dynamo, PollingTable.SCHEMA.tableName(), polls);
        List<Map<String, AttributeValue>> posts = new ArrayList<>();
        for (int i = 48; i >= 6; i--) {
            // Two posts an hour before the live ones begin: mostly neutral and positive, a few complaints.
            Instant at = now.minus(Duration.ofMinutes(30L * i)).truncatedTo(ChronoUnit.MINUTES);
            Post post = HISTORY.get(i % HISTORY.size());
            ObjectNode analysis = ComprehendDemo.analyse(post.text());
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put(TwitterTable.TWEET_ID, AttributeValues.s(Long.toString(((at.toEpochMilli() - SNOWFLAKE_EPOCH) << 22) + i)));
            item.put(TwitterTable.DATETIME, AttributeValues.n(times.compactNumber(at)));
            item.put(TwitterTable.UNIXTIME, AttributeValues.n(at.getEpochSecond()));
            item.put(TwitterTable.TEXT, AttributeValues.s(post.text()));
            item.put(TwitterTable.SENTIMENT, AttributeValues.s(analysis.path("Sentiment").asText()));
            item.put(TwitterTable.SENTIMENT_SCORE, AttributeValues.fromJson(analysis.path("SentimentScore")));
            item.put(TwitterTable.LANGUAGE_CODE, AttributeValues.fromJson(analysis.path("Languages")));
            item.put(TwitterTable.DAY, AttributeValues.s(times.day(at)));
            item.put(TwitterTable.EXPIRES_AT, AttributeValues.n(TwitterTable.SCHEMA.expiresAt(at)));
            posts.add(item);
        }
        write(dynamo, TwitterTable.SCHEMA.tableName(), posts);
        seedHealth(dynamo, now);
        try {
            if (marker.isPresent()) {
                Files.writeString(marker.get(), now + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Seven days of health history as core leaves it (docs/webexdev-core.md "Health history"), so the
     * 7-day chart is full on first start: per 15-minute slot its minimum run (the series items of the
     * UTC days, and that run's own item). Mostly fine with a little social noise and a short ThousandEyes
     * alert now and then; yesterday 10:00–14:00 local a Cisco incident (S = −20, complaints on X,
     * the path slow for an hour); this morning 07:00–08:30 local (or the two hours before the start,
     * if that is earlier) a poor home connection, located at home. The current slot is left to core.
     */
    void seedHealth(DynamoDbClient dynamo, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        Instant incidentFrom = local.toLocalDate().minusDays(1).atTime(10, 0).atZone(zone).toInstant();
        Instant incidentTo = incidentFrom.plus(Duration.ofHours(4));
        Instant homeFrom = local.toLocalDate().atTime(7, 0).atZone(zone).toInstant();
        Instant homeTo = homeFrom.plus(Duration.ofMinutes(90));
        if (!homeTo.isBefore(HealthTable.slotStart(now))) {
            homeFrom = HealthTable.slotStart(now).minus(Duration.ofHours(2));
            homeTo = homeFrom.plus(Duration.ofMinutes(90));
        }
        Map<java.time.LocalDate, List<HealthTable.Slot>> days = new java.util.TreeMap<>();
        List<Map<String, AttributeValue>> runs = new ArrayList<>();
        Instant current = HealthTable.slotStart(now);
        for (Instant slot = current.minus(Duration.ofDays(7)).plus(HealthTable.SLOT); slot.isBefore(current);
             slot = slot.plus(HealthTable.SLOT)) {
            long n = slot.getEpochSecond() / HealthTable.SLOT.getSeconds();
            boolean incident = !slot.isBefore(incidentFrom) && slot.isBefore(incidentTo);
            boolean poorHome = !slot.isBefore(homeFrom) && slot.isBefore(homeTo);
            BigDecimal social = incident ? BigDecimal.valueOf(-(3 + n % 4)) : BigDecimal.valueOf(n % 9 == 0 ? -1 : n % 5 == 0 ? 1 : 0, 1).stripTrailingZeros();
            BigDecimal path = incident && slot.isBefore(incidentFrom.plus(Duration.ofHours(1))) ? BigDecimal.valueOf(-34)
                    : n % 131 == 0 ? BigDecimal.valueOf(-12) : BigDecimal.ZERO;
            BigDecimal service = incident ? BigDecimal.valueOf(-20) : BigDecimal.ZERO;
            BigDecimal health = BigDecimal.valueOf(100).add(social).add(path).add(service).stripTrailingZeros();
            String where = incident ? "webex-service" : poorHome ? "home" : path.signum() < 0 ? "internet-path" : "none";
            Instant at = slot.plus(Duration.ofSeconds(60L * (n % 14) + 7));
            HealthTable.Slot point = new HealthTable.Slot(slot, at, health, social, path, service, poorHome ? "poor" : "good", where);
            days.computeIfAbsent(HealthTable.utcDay(slot), day -> new ArrayList<>()).add(point);
            boolean fine = health.compareTo(BigDecimal.valueOf(70)) >= 0;
            runs.add(HealthTable.runItem(point, fine, !fine ? "Webex may not be working properly"
                    : where.equals("none") ? "Webex seems to be working fine" : "Webex is mostly working"));
        }
        write(dynamo, HealthTable.SCHEMA.tableName(), runs);
        List<Map<String, AttributeValue>> series = new ArrayList<>();
        days.forEach((day, slots) -> series.add(HealthTable.seriesItem(day, slots, 1)));
        write(dynamo, HealthTable.SCHEMA.tableName(), series);
    }

    /** v7 results with their nested agent, flattened to the per-agent objects the table holds. */
    private static com.fasterxml.jackson.databind.JsonNode flatten(ObjectNode v7) {
        ArrayNode flat = Json.MAPPER.createArrayNode();
        v7.path("results").forEach(result -> {
            ObjectNode copy = ((ObjectNode) result).deepCopy();
            copy.remove("agent");
            ObjectNode entry = Json.object().put("agentName", result.path("agent").path("agentName").asText());
            entry.setAll(copy);
            flat.add(entry);
        });
        return flat;
    }

    private static void write(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            dynamo.batchWriteItem(request -> request.requestItems(Map.of(table, batch)));
        }
    }
}
