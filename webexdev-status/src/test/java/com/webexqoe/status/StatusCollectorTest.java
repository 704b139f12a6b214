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
    private final List<List<ApiItem>> snapshots = new ArrayList<>();
    private final StatusStore store = new StatusStore() {
        @Override
        public void saveAll(List<StatusEntry> entries, Instant seenAt) {
            assertThat(seenAt).isEqualTo(NOW);
            saved.add(entries);
        }

        @Override
        public int replaceApiSnapshot(List<ApiItem> items, Instant seenAt) {
            assertThat(seenAt).isEqualTo(NOW);
            snapshots.add(items);
            return 0;
        }
    };

    private StatusCollector bothFor(StatusFeed feed, StatusFeed api) {
        return new StatusCollector(feed, new StatusFeedParser(), java.util.Optional.of(api), new StatusApiParser(), store,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static StatusFeed failing(String location, String message) {
        return new StatusFeed() {
            @Override
            public String location() {
                return location;
            }

            @Override
            public byte[] fetch(Deadline deadline) {
                throw new WebexdevException(message);
            }
        };
    }

    @Test
    void bothSourcesAreStored() {
        StatusCollector.Result result = bothFor(serving(Fixtures.feed("history-incidents-and-maintenance.xml")),
                serving(Fixtures.api("index-apac-incident-and-maintenance.json"))).collect(DEADLINE);

        assertThat(result.stored()).isEqualTo(4);
        assertThat(result.apiStored()).isEqualTo(6);
        assertThat(result.apiFinished()).isEqualTo(1);
        assertThat(result.feedError()).isEmpty();
        assertThat(result.apiError()).isEmpty();
        assertThat(saved).hasSize(1);
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0)).hasSize(6);
    }

    @Test
    void aFailingFeedKeepsTheApiResultAndIsNamed() {
        StatusCollector.Result result = bothFor(failing("https://status.webex.com/history.rss", "status feed: HTTP 503 after 4 attempts"),
                serving(Fixtures.api("index-apac-incident-and-maintenance.json"))).collect(DEADLINE);

        assertThat(result.feedError()).contains("status feed could not be fetched from https://status.webex.com/history.rss: "
                + "status feed: HTTP 503 after 4 attempts");
        assertThat(result.fields()).containsKey("feedError");
        assertThat(saved).isEmpty();
        assertThat(snapshots).hasSize(1);
    }

    @Test
    void aNonJsonApiAnswerKeepsTheFeedResultStoresNothingFromTheApiAndIsNamed() {
        StatusCollector.Result result = bothFor(serving(Fixtures.feed("history-incidents-and-maintenance.xml")),
                serving("<html>maintenance</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8))).collect(DEADLINE);

        assertThat(result.apiError()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("status API answer is not JSON").endsWith(" at fixture"));
        assertThat(result.fields()).containsKey("apiError");
        assertThat(saved).hasSize(1);
        assertThat(snapshots).as("no API snapshot: the previous one stays").isEmpty();
    }

    @Test
    void bothFailingFailsTheRunNamingBoth() {
        assertThatThrownBy(() -> bothFor(failing("https://status.webex.com/history.rss", "status feed: HTTP 503 after 4 attempts"),
                failing("https://status.webex.com/index.json", "status API: no response within 800 ms")).collect(DEADLINE))
                .isInstanceOf(StatusFeedException.class)
                .hasMessage("status feed could not be fetched from https://status.webex.com/history.rss: status feed: HTTP 503 "
                        + "after 4 attempts; status API could not be fetched from https://status.webex.com/index.json: "
                        + "status API: no response within 800 ms");
        assertThat(saved).isEmpty();
        assertThat(snapshots).isEmpty();
    }

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
