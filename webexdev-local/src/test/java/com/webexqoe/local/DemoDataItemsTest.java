package com.webexqoe.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.core.DashboardItems;
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

    private static Map<String, String> types(Map<String, AttributeValue> item) {
        Map<String, String> types = new TreeMap<>();
        item.forEach((name, value) -> types.put(name, value.type().name()));
        return types;
    }
}
