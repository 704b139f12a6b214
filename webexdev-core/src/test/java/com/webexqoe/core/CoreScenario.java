package com.webexqoe.core;

import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.Tables;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.webexqoe.core.SeedItems.n;
import static com.webexqoe.core.SeedItems.s;

/**
 * The integration and browser tests' world: the five tables seeded in the other functions'
 * formats at 12:00 Asia/Tokyo (03:00 UTC; the test JVM runs in America/Los_Angeles), the
 * secret, the bucket with the te function's route graphs.
 */
final class CoreScenario {

    static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String BUCKET = "webexdev-dashboard";
    static final String SECRET = "webexdev/secrets";
    static final String XSS_POST = "<img src=x onerror=alert(1)>";
    static final String XSS_TITLE = "Webex Meetings - Users may be unable to join <b>x</b>";
    static final String XSS_LOCATION = "<script>alert(1)</script>";

    final DynaliteExtension dynamo;
    final S3ProxyExtension s3;
    final AwsJsonStub aws;
    final SeedItems items = new SeedItems(TOKYO);

    CoreScenario(DynaliteExtension dynamo, S3ProxyExtension s3, AwsJsonStub aws) {
        this.dynamo = dynamo;
        this.s3 = s3;
        this.aws = aws;
    }

    void createAll() {
        for (TableSchema table : Tables.IN_USE) {
            dynamo.create(table.createTableRequest());
        }
        s3.createBucket(BUCKET);
        aws.givenSecret(SECRET, Map.of("userEmail", "User@Example.com", "hostEmail", "host@example.com",
                "CLIENT_SECRET", "never-shown-client-secret"));
    }

    StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .s3(s3.endpoint())
                .secretsManager(aws.endpoint())
                .set("S3_BUCKET_NAME", BUCKET)
                .set("SECRETMANAGER_NAME", SECRET)
                .set("DYNAMODB_TABLENAME_STATUS", StatusTable.SCHEMA.tableName())
                .set("DYNAMODB_TABLENAME_TE", AlertTable.SCHEMA.tableName())
                .set("DYNAMODB_TABLENAME_TEPOLLING", PollingTable.SCHEMA.tableName())
                .set("DYNAMODB_TABLENAME_TWITTER", TwitterTable.SCHEMA.tableName())
                .set("DYNAMODB_TABLENAME_MTGQA", QualityTable.SCHEMA.tableName())
                .set("TZ", "Asia/Tokyo");
    }

    CoreHandler handler(StandInEnv env, Instant now) {
        return new CoreHandler(Env.of(env.toMap()), Clock.fixed(now, ZoneOffset.UTC));
    }

    void put(TableSchema table, List<Map<String, AttributeValue>> rows) {
        for (Map<String, AttributeValue> row : rows) {
            dynamo.client().putItem(r -> r.tableName(table.tableName()).item(row));
        }
    }

    /** The scenario of the page: an incident, a slow-path alert, mixed posts, a good home record. */
    void seedIncident() {
        Instant seen = NOW.minus(Duration.ofMinutes(2));
        put(StatusTable.SCHEMA, List.of(
                items.status(XSS_TITLE, "https://status.webex.com/incidents/9b1f", "investigating", NOW.minus(Duration.ofHours(2)), seen),
                items.status("Webex Messaging - Delayed message delivery", "javascript:alert(1)", "resolved",
                        NOW.minus(Duration.ofHours(5)), seen),
                items.status("Scheduled maintenance - Webex Meetings Virginia", "http://status.webex.com/maintenance/80ff",
                        "scheduled", NOW.minus(Duration.ofHours(30)), seen),
                items.status("Webex Calling - Outage in London", null, "in progress", NOW.minus(Duration.ofDays(3)), seen)));

        AttributeValue trigger = n(1);
        AttributeValue clear = n(0);
        put(AlertTable.SCHEMA, List.of(
                items.alert("evt-980", NOW.minus(Duration.ofMinutes(10)), trigger, "HTTP Server", "Webex Web Zone",
                        List.of("Tokyo, Japan"), List.of("Response Time: 980 ms")),
                items.alert("evt-clear", NOW.minus(Duration.ofMinutes(5)), clear, "HTTP Server", "Webex Web Zone",
                        List.of("Tokyo, Japan"), List.of("Response Time: 1500 ms")),
                items.alert("evt-old", NOW.minus(Duration.ofMinutes(61)), AttributeValue.builder().bool(true).build(),
                        "HTTP Server", "Webex Web Zone", List.of("Osaka, Japan"), List.of("Response Time: 2500 ms"))));
        // a redelivery marker of the te function: no day, so never in the byDay index
        Map<String, AttributeValue> marker = new LinkedHashMap<>();
        marker.put("eventid", s("notification#evt-980"));
        marker.put("datetime", s("marker"));
        put(AlertTable.SCHEMA, List.of(marker));

        List<Map<String, AttributeValue>> polls = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            Instant at = NOW.minus(Duration.ofMinutes(5 + 15L * i));
            polls.add(items.poll(at, Integer.toString(30 + i % 7), i % 10 == 0 ? "1.5" : "0", "2." + (i % 5), "3" + (10 + i % 40)));
        }
        polls.add(items.poll(NOW.minus(Duration.ofHours(25)), "999", "50", "99", "9999"));
        put(PollingTable.SCHEMA, polls);

        List<Map<String, AttributeValue>> posts = new ArrayList<>();
        posts.add(items.post("1001", NOW.minus(Duration.ofMinutes(3)), XSS_POST, "NEUTRAL"));
        posts.add(items.post("1002", NOW.minus(Duration.ofMinutes(20)), "Webex keeps dropping my meeting", "NEGATIVE"));
        posts.add(items.post("1003", NOW.minus(Duration.ofMinutes(40)), "Can't join Webex this morning", "NEGATIVE"));
        for (int i = 0; i < 5; i++) {
            posts.add(items.post("20" + i, NOW.minus(Duration.ofHours(1 + i)), "Great Webex meeting today #" + i, "POSITIVE"));
        }
        posts.add(items.post("3001", NOW.minus(Duration.ofHours(13)), "Webex was down last night", "NEGATIVE"));
        posts.add(items.post("3002", NOW.minus(Duration.ofHours(25)), "old post", "NEGATIVE"));
        put(TwitterTable.SCHEMA, posts);

        put(QualityTable.SCHEMA, List.of(
                qualityRecord("meeting-old", "user@example.com", NOW.minus(Duration.ofHours(3)), "wired", 700, 45, 12),
                qualityRecord("meeting-new", "user@example.com", NOW.minus(Duration.ofHours(1)), "wifi", 109, 9, 0),
                qualityRecord("meeting-other", "someone@example.com", NOW.minus(Duration.ofMinutes(30)), "cellular", 900, 90, 40)));
    }

    Map<String, AttributeValue> qualityRecord(String meeting, String email, Instant join, String network,
                                              double latency, double jitter, double loss) {
        Instant end = join.plus(Duration.ofMinutes(50));
        Map<String, AttributeValue> streams = new LinkedHashMap<>();
        streams.put("audioIn", SeedItems.stream(end, new double[]{latency - 2, latency - 1, latency},
                new double[]{jitter, jitter + 1, jitter}, new double[]{0, loss, loss}, new double[]{42000, 43000, 4264}));
        streams.put("audioOut", SeedItems.stream(end, new double[]{latency, latency, latency},
                new double[]{19, 19, 19}, new double[]{0, 0, 0}, new double[]{9000, 9049, 9049}));
        streams.put("videoIn", SeedItems.stream(end, new double[]{latency + 1, latency + 1, latency + 1},
                new double[]{13, 13, 13}, new double[]{0, 0, 0}, new double[]{1180000, 1180515, 1180515}));
        streams.put("videoOut", SeedItems.stream(end, new double[]{latency + 1, latency + 1, latency + 1},
                new double[]{32, 28, 28}, new double[]{0, 0, 0}, new double[]{32773, 32773, 32773}));
        return items.quality(meeting, email, join, network, streams);
    }

    /** The te function's route graphs: resource.json (2 routes), -wz (2 routes), -cb (1 route). */
    void seedRouteGraphs() {
        putObject("resource.json", "[" + route(6, 3, XSS_LOCATION) + "," + route(4, -1, "Tokyo, Japan") + "]");
        putObject("resource-wz.json", "[" + route(5, -1, "Osaka, Japan") + "," + route(8, 2, "Tokyo, Japan") + "]");
        putObject("resource-cb.json", "[" + route(3, -1, "Singapore") + "]");
    }

    /** A route of {@code hops} nodes; hop index {@code star} (if ≥ 0) did not answer; hop 2 is slow. */
    static String route(int hops, int star, String location) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < hops; i++) {
            if (i > 0) {
                nodes.append(',');
                links.append(i > 1 ? "," : "").append("{\"source\":").append(i - 1).append(",\"target\":").append(i).append('}');
            }
            if (i == star) {
                nodes.append("{\"id\":").append(i).append(",\"name\":\"hop").append(i + 1)
                        .append("\",\"nc\":\"inactive\",\"rt\":null,\"ip\":null,\"nw\":null,\"lc\":null}");
            } else {
                int rt = i == 2 ? 360 : i % 3;
                nodes.append("{\"id\":").append(i).append(",\"name\":\"hop").append(i + 1)
                        .append("\",\"nc\":\"active\",\"rt\":").append(rt)
                        .append(",\"ip\":\"203.0.113.").append(10 + i).append("\",\"nw\":\"Example Transit (AS64500)\",\"lc\":")
                        .append(jsonString(location)).append('}');
            }
        }
        return "{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":[" + nodes + "],\"links\":[" + links + "]}";
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    void putObject(String key, String json) {
        s3.client().putObject(r -> r.bucket(BUCKET).key(key).contentType("application/json"),
                software.amazon.awssdk.core.sync.RequestBody.fromString(json));
    }

    /** A series item of the health table as a run (or the demo seeder) leaves it: one encoded slot per entry. */
    void seedHealthSeries(java.time.LocalDate day, long version, List<HealthTable.Slot> slots) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(HealthTable.PK, s(HealthTable.SERIES_PK));
        item.put(HealthTable.SK, s(HealthTable.seriesSortKey(day)));
        item.put(HealthTable.SERIES_SLOTS, AttributeValue.builder().l(slots.stream().map(slot -> s(slot.encode())).toList()).build());
        item.put(HealthTable.SERIES_VERSION, n(version));
        item.put(HealthTable.EXPIRES_AT, n(HealthTable.seriesExpiresAt(day)));
        dynamo.client().putItem(r -> r.tableName(HealthTable.SCHEMA.tableName()).item(item));
    }

    /** A slot whose run ran {@code into} its start, with T = social, S = service and N = 0: health = 100 + T + S. */
    static HealthTable.Slot healthSlot(Instant start, Duration into, String social, String service, String home, String where) {
        java.math.BigDecimal t = new java.math.BigDecimal(social);
        java.math.BigDecimal s = new java.math.BigDecimal(service);
        return new HealthTable.Slot(start, start.plus(into), java.math.BigDecimal.valueOf(100).add(t).add(s), t,
                java.math.BigDecimal.ZERO, s, home, where);
    }

    String object(String key) {
        return s3.get(BUCKET, key).asUtf8String();
    }
}
