package com.webexqoe.status;

import com.webexqoe.common.WebexdevException;
import org.junit.jupiter.api.Test;

import com.webexqoe.common.time.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusCollectorTest {

    private static final Deadline DEADLINE = Deadline.after(Duration.ofSeconds(10), Clock.systemUTC());

    private static final Instant NOW = Instant.parse("2026-11-27T09:15:00Z");

    private final List<List<StatusEntry>> saved = new ArrayList<>();
    private final StatusStore store = (entries, seenAt) -> {
        assertThat(seenAt).isEqualTo(NOW);
        saved.add(entries);
    };

    private StatusCollector collectorFor(StatusFeed feed) {
        return new StatusCollector(feed, new StatusFeedParser(), store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static StatusFeed serving(byte[] document) {
        return new StatusFeed() {
            @Override
            public String location() {
                return "fixture";
            }

            @Override
            public byte[] fetch(Deadline deadline) {
                return document;
            }
        };
    }

    @Test
    void storesEveryTitledEntryOnceAndCountsTheRest() {
        StatusCollector.Result result = collectorFor(serving(Fixtures.feed("history-missing-parts.xml"))).collect(DEADLINE);

        assertThat(result).isEqualTo(new StatusCollector.Result(2, 2, 0));
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0)).hasSize(2);
    }

    @Test
    void unreachableFeedStoresNothingAndNamesTheSource() {
        StatusFeed down = new StatusFeed() {
            @Override
            public String location() {
                return "https://status.webex.com/history.rss";
            }

            @Override
            public byte[] fetch(Deadline deadline) {
                throw new WebexdevException("status feed: HTTP 503 after 4 attempts");
            }
        };

        assertThatThrownBy(() -> collectorFor(down).collect(DEADLINE))
                .isInstanceOf(StatusFeedException.class)
                .hasMessage("status feed could not be fetched from https://status.webex.com/history.rss: "
                        + "status feed: HTTP 503 after 4 attempts");
        assertThat(saved).isEmpty();
    }

    @Test
    void unreadableFeedStoresNothing() {
        assertThatThrownBy(() -> collectorFor(serving(Fixtures.feed("history-broken.xml"))).collect(DEADLINE))
                .isInstanceOf(StatusFeedException.class);
        assertThat(saved).isEmpty();
    }

    @Test
    void emptyFeedSucceedsWithoutWriting() {
        assertThat(collectorFor(serving(Fixtures.feed("history-empty.xml"))).collect(DEADLINE))
                .isEqualTo(new StatusCollector.Result(0, 0, 0));
        assertThat(saved).isEmpty();
    }
}
