package com.webexqoe.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.core.sources.DashboardItems;
import com.webexqoe.te.poll.DynamoPollingStore;
import com.webexqoe.te.poll.PollingRecord;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.twitter.AnalysedPost;
import com.webexqoe.twitter.DynamoPostStore;
import com.webexqoe.twitter.TextAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's seeded history has the shape of what the te and twitterapi functions write (same
 * attribute names, same attribute types, as their own mappers make them), and core reads it.
 */
class DemoDataItemsTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final LocalTimes TIMES = new LocalTimes(Clock.fixed(NOW, ZONE), ZONE);

    @Test
    void seededPollsAndPostsAreTheWritersItems() {
        dynamo.create(PollingTable.SCHEMA.createTableRequest());
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
        dynamo.create(HealthTable.SCHEMA.createTableRequest());
        new DemoData(Clock.fixed(NOW, ZONE), ZONE).seedHistory(dynamo.client(), Optional.empty());
        List<Map<String, AttributeValue>> polls = dynamo.scan(PollingTable.SCHEMA.tableName());
        List<Map<String, AttributeValue>> posts = dynamo.scan(TwitterTable.SCHEMA.tableName());
        assertThat(polls).hasSize(96);
        assertThat(posts).isNotEmpty();

        ObjectNode row = Json.object().put("agentName", "a").put("avgLatency", 1);
        Map<String, AttributeValue> writtenPoll = DynamoPollingStore.item(new PollingRecord("2026-11-28T12:00:00", "2026-11-28",
                Optional.of(List.of(row)), Optional.of(List.of(row)), 0));
        Map<String, AttributeValue> writtenPost = DynamoPostStore.item(new AnalysedPost(new com.webexqoe.twitter.Post("1", "text",
                NOW, Optional.empty()), List.of(new TextAnalysis.LanguageScore("en", Optional.of(BigDecimal.ONE))),
                new TextAnalysis.SentimentScores("NEUTRAL", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO)),
                NOW, TIMES);
        DashboardItems reader = new DashboardItems(ZONE);
        for (Map<String, AttributeValue> poll : polls) {
            assertThat(types(poll)).isEqualTo(types(writtenPoll));
            assertThat(reader.poll(poll)).isPresent();
        }
        for (Map<String, AttributeValue> post : posts) {
            assertThat(types(post)).isEqualTo(types(writtenPost));
            assertThat(reader.post(post)).isPresent();
        }
    }

    @Test
    void seededHealthHistoryFillsTheSevenDayChartWithYesterdaysIncidentAndThisMorningsHome() {
        dynamo.create(PollingTable.SCHEMA.createTableRequest());
        dynamo.create(TwitterTable.SCHEMA.createTableRequest());
        dynamo.create(HealthTable.SCHEMA.createTableRequest());
        new DemoData(Clock.fixed(NOW, ZONE), ZONE).seedHistory(dynamo.client(), Optional.empty());

        // read the way core reads it: the 8 series items of the window, one BatchGetItem
        com.webexqoe.core.history.DynamoHealthHistoryStore store =
                new com.webexqoe.core.history.DynamoHealthHistoryStore(dynamo.client(), HealthTable.SCHEMA.tableName());
        List<com.webexqoe.core.history.HealthHistoryStore.SeriesDay> days =
                store.readDays(com.webexqoe.core.history.HealthSeries.days(NOW));
        assertThat(days).hasSize(8).allSatisfy(day -> assertThat(day.version()).isEqualTo(1));
        List<HealthTable.Slot> points = com.webexqoe.core.history.HealthSeries.window(days, Optional.empty(), NOW);
        assertThat(points).as("every slot of the week but the current one, left to core").hasSize(7 * 96 - 1);
        assertThat(points).allSatisfy(p -> assertThat(p.health()).isEqualByComparingTo(
                BigDecimal.valueOf(100).add(p.social()).add(p.path()).add(p.service())));
        // yesterday 10:00–14:00 London (UTC in November): S pulls the score down, located in the Webex service
        List<HealthTable.Slot> incident = points.stream().filter(p -> p.service().signum() < 0).toList();
        assertThat(incident).hasSize(16).allSatisfy(p -> {
            assertThat(p.where()).isEqualTo("webex-service");
            assertThat(p.slotStart()).isBetween(Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T13:45:00Z"));
        });
        assertThat(incident).anySatisfy(p -> assertThat(p.health()).isLessThan(BigDecimal.valueOf(70)));
        List<HealthTable.Slot> home = points.stream().filter(p -> p.home().equals("poor")).toList();
        assertThat(home).hasSize(6).allSatisfy(p -> {
            assertThat(p.where()).isEqualTo("home");
            assertThat(p.slotStart()).isBetween(Instant.parse("2026-11-28T07:00:00Z"), Instant.parse("2026-11-28T08:15:00Z"));
        });

        // each slot's run has its own item, typed as core's store writes one
        List<Map<String, AttributeValue>> runs = dynamo.scan(HealthTable.SCHEMA.tableName()).stream()
                .filter(item -> item.get(HealthTable.PK).s().startsWith(HealthTable.RUN_PREFIX)).toList();
        assertThat(runs).hasSize(7 * 96 - 1);
        store.putRun(new com.webexqoe.core.history.HealthHistoryStore.RunRecord(points.get(0), true, "Webex seems to be working fine"));
        Map<String, AttributeValue> written = dynamo.client().getItem(r -> r.tableName(HealthTable.SCHEMA.tableName()).key(Map.of(
                HealthTable.PK, AttributeValue.builder().s(HealthTable.runPartition(points.get(0).at())).build(),
                HealthTable.SK, AttributeValue.builder().s(HealthTable.runSortKey(points.get(0).at())).build()))).item();
        for (Map<String, AttributeValue> run : runs) {
            assertThat(types(run)).isEqualTo(types(written));
        }
    }

    private static Map<String, String> types(Map<String, AttributeValue> item) {
        Map<String, String> types = new TreeMap<>();
        item.forEach((name, value) -> types.put(name, value.type().name()));
        return types;
    }
}
