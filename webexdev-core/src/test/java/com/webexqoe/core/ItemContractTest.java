package com.webexqoe.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.core.sources.CiscoApiItem;
import com.webexqoe.core.sources.DashboardItems;
import com.webexqoe.core.sources.PollSample;
import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.QualityRecord;
import com.webexqoe.core.sources.StatusItem;
import com.webexqoe.mtgquality.DynamoQualityStore;
import com.webexqoe.mtgquality.ParticipantQuality;
import com.webexqoe.status.DynamoStatusStore;
import com.webexqoe.status.StatusEntry;
import com.webexqoe.te.alert.DynamoAlertStore;
import com.webexqoe.te.poll.DynamoPollingStore;
import com.webexqoe.te.poll.PollingRecord;
import com.webexqoe.twitter.AnalysedPost;
import com.webexqoe.twitter.DynamoPostStore;
import com.webexqoe.twitter.TextAnalysis;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item contract between the writing functions and the dashboard: each writer's own item, read
 * back by core's reader, gives the record the writer meant, and carries the keys (with their types)
 * and the TTL its table's schema declares. Here because core tests with every writer on its test
 * class path.
 */
class ItemContractTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final Instant AT = Instant.parse("2026-11-28T03:04:05.678Z");
    static final LocalTimes TIMES = new LocalTimes(Clock.fixed(AT, ZONE), ZONE);
    final DashboardItems reader = new DashboardItems(ZONE);

    @Test
    void statusItemReadsBackWithItsLastSeenTime() {
        Instant published = Instant.parse("2026-11-27T22:00:00Z");
        Map<String, AttributeValue> item = DynamoStatusStore.item(new StatusEntry("Meetings degraded",
                Optional.of("https://status.webex.com/incidents/1"), "investigating", Optional.of(published)), AT);

        assertKeysAndTtl(StatusTable.SCHEMA, item, AT);
        StatusItem read = reader.status(item).orElseThrow();
        assertThat(read.title()).isEqualTo("Meetings degraded");
        assertThat(read.url()).contains("https://status.webex.com/incidents/1");
        assertThat(read.status()).isEqualTo("investigating");
        assertThat(read.published()).contains(published);
        assertThat(read.lastSeen()).contains(AT.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void statusApiItemsReadBackWithTheirApiPart() {
        String index = """
                {"components":[{"id":"g1","name":"Webex Meetings","status":"degraded_performance","isGroup":"Y","components":["c1"]},
                  {"id":"c1","name":"Audio and video - APAC","status":"partial_outage","isGroup":"N","updated_at":"2026-11-28T02:50:00Z"}],
                 "incidents":[{"id":"i1","name":"Poor audio in APAC","status":"investigating","impact":"major",
                  "created_at":"2026-11-28T02:40:00Z","updated_at":"2026-11-28T02:55:00Z","components":[{"id":"c1","name":"Audio and video - APAC"}],
                  "locations":"APAC"}],
                 "scheduled_maintenances":[{"id":"m1","name":"London upgrade","status":"In Progress","start_at":"2026-11-28T02:00:00Z",
                  "end_at":"2026-11-28T05:00:00Z"}],
                 "status":{"indicator":"yellow","description":"Partially Degraded Service"}}""";
        Map<String, StatusItem> read = new java.util.LinkedHashMap<>();
        for (com.webexqoe.status.ApiItem api : new com.webexqoe.status.StatusApiParser()
                .parse(index.getBytes(java.nio.charset.StandardCharsets.UTF_8)).items()) {
            Map<String, AttributeValue> item = DynamoStatusStore.apiItem(api, AT);
            assertKeysAndTtl(StatusTable.SCHEMA, item, AT);
            read.put(api.title(), reader.status(item).orElseThrow());
        }

        assertThat(read).containsOnlyKeys("api:summary", "api:component:g1", "api:component:c1", "api:incident:i1", "api:maintenance:m1");
        assertThat(read.values()).noneMatch(StatusItem::fromFeed);
        StatusItem incident = read.get("api:incident:i1");
        assertThat(incident.status()).isEqualTo("investigating");
        assertThat(incident.url()).contains("https://status.webex.com");
        assertThat(incident.published()).contains(Instant.parse("2026-11-28T02:40:00Z"));
        assertThat(incident.api()).contains(new CiscoApiItem("incident", "Poor audio in APAC", Optional.empty(), Optional.of("major"),
                List.of("Audio and video - APAC"), Optional.of("APAC"), Optional.of(Instant.parse("2026-11-28T02:55:00Z")),
                Optional.empty(), Optional.empty()));
        assertThat(read.get("api:component:c1").api().orElseThrow().group()).contains("Webex Meetings");
        assertThat(read.get("api:maintenance:m1").status()).isEqualTo("in progress");
        assertThat(read.get("api:maintenance:m1").api().orElseThrow().scheduledUntil()).contains(Instant.parse("2026-11-28T05:00:00Z"));
        assertThat(read.get("api:summary").status()).isEqualTo("yellow");
        assertThat(read.get("api:summary").api().orElseThrow().name()).isEqualTo("Partially Degraded Service");
    }

    @Test
    void alertItemReadsBackAsTheAlert() {
        ObjectNode body = Json.object().put("eventId", "ev-1");
        com.webexqoe.te.alert.Alert alert = new com.webexqoe.te.alert.Alert("ev-1", Optional.of("HTTP Server"),
                Optional.of(Json.MAPPER.getNodeFactory().numberNode(1)), Optional.of("((responseTime >= 500 ms))"),
                Optional.of("Webex HTTP"), List.of("Tokyo", "Osaka"), List.of("Response Time: 612 ms", ""), body);
        Map<String, AttributeValue> item = DynamoAlertStore.item(alert, AT, TIMES);

        assertKeysAndTtl(AlertTable.SCHEMA, item, AT);
        com.webexqoe.core.sources.Alert read = reader.alert(item).orElseThrow();
        assertThat(read).isEqualTo(new com.webexqoe.core.sources.Alert("ev-1", AT, "HTTP Server", true, List.of("Tokyo", "Osaka"),
                List.of("Response Time: 612 ms"), "Webex HTTP", "((responseTime >= 500 ms))"));
    }

    @Test
    void pollingItemReadsBackAsTheMeans() {
        List<ObjectNode> metrics = List.of(Json.object().put("agentName", "Tokyo").put("avgLatency", 10).put("loss", 0.5)
                .put("jitter", 2), Json.object().put("agentName", "Osaka").put("avgLatency", 30).put("loss", 1.5).put("jitter", 4));
        List<ObjectNode> responses = List.of(Json.object().put("agentName", "Tokyo").put("responseTime", 200));
        Map<String, AttributeValue> item = DynamoPollingStore.item(new PollingRecord(TIMES.format(AT, LocalTimes.SECONDS),
                TIMES.day(AT), Optional.of(metrics), Optional.of(responses), PollingTable.SCHEMA.expiresAt(AT)));

        assertKeysAndTtl(PollingTable.SCHEMA, item, AT);
        PollSample read = reader.poll(item).orElseThrow();
        assertThat(read.at()).isEqualTo(AT.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(read.latencyMs()).hasValue(20);
        assertThat(read.lossPercent()).hasValue(1.0);
        assertThat(read.jitterMs()).hasValue(3);
        assertThat(read.responseTimeMs()).hasValue(200);
    }

    @Test
    void postItemReadsBackAsThePost() {
        Instant posted = Instant.parse("2026-11-28T02:00:07Z");
        AnalysedPost analysed = new AnalysedPost(new com.webexqoe.twitter.Post("1862000000000000001", "webex is down",
                posted, Optional.of("en")), List.of(new TextAnalysis.LanguageScore("en", Optional.of(new BigDecimal("0.99")))),
                new TextAnalysis.SentimentScores("NEGATIVE", new BigDecimal("0.01"), new BigDecimal("0.97"),
                        new BigDecimal("0.01"), new BigDecimal("0.01")));
        Map<String, AttributeValue> item = DynamoPostStore.item(analysed, AT, TIMES);

        assertKeysAndTtl(TwitterTable.SCHEMA, item, AT);
        assertThat(item.get(TwitterTable.DAY).s()).isEqualTo("2026-11-28");
        assertThat(reader.post(item)).contains(new Post("1862000000000000001", posted, "webex is down", Post.Sentiment.NEGATIVE));
    }

    @Test
    void qualityItemReadsBackAsTheRecord() {
        ObjectNode record = Json.object().put("networkType", "wifi").put("serverRegion", "Tokyo, Japan");
        record.putArray("audioIn").addObject().put("endTime", "2026-11-28T03:00:00Z")
                .set("jitter", Json.MAPPER.createArrayNode().add(3).add(42));
        Map<String, AttributeValue> item = DynamoQualityStore.item(new ParticipantQuality("m-1", "alex@example.com", false,
                Optional.of("2026-11-28T02:30:00Z"), Optional.empty(), Optional.of("Tokyo, Japan"), Optional.of("wifi"), record), AT);

        assertKeysAndTtl(QualityTable.SCHEMA, item, AT);
        QualityRecord read = reader.quality(item).orElseThrow();
        assertThat(read.meetingId()).isEqualTo("m-1");
        assertThat(read.email()).isEqualTo("alex@example.com");
        assertThat(read.joinTime()).contains(Instant.parse("2026-11-28T02:30:00Z"));
        assertThat(read.networkType()).isEqualTo("wifi");
        assertThat(read.serverRegion()).isEqualTo("Tokyo, Japan");
        assertThat(read.streams().get(QualityRecord.Stream.AUDIO_IN).jitterMs()).hasValue(42);
    }

    /** The table's and its indexes' key attributes are there with their declared types; TTL is the retention. */
    static void assertKeysAndTtl(TableSchema schema, Map<String, AttributeValue> item, Instant writtenAt) {
        assertType(schema, item, schema.partitionKey());
        schema.sortKey().ifPresent(key -> assertType(schema, item, key));
        for (TableSchema.Index index : schema.indexes()) {
            assertType(schema, item, index.partitionKey());
            assertType(schema, item, index.sortKey());
        }
        assertThat(item.get(schema.ttlAttribute()).n()).as(schema.tableName() + " TTL")
                .isEqualTo(Long.toString(schema.expiresAt(writtenAt)));
    }

    private static void assertType(TableSchema schema, Map<String, AttributeValue> item, TableSchema.Key key) {
        AttributeValue value = item.get(key.name());
        assertThat(value).as(schema.tableName() + " item attribute " + key.name()).isNotNull();
        assertThat(key.type() == TableSchema.Type.S ? value.s() : value.n())
                .as(schema.tableName() + "." + key.name() + " of type " + key.type()).isNotNull();
    }
}
