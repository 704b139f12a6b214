package com.webexqoe.core.sources;

import com.webexqoe.core.SeedItems;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.webexqoe.core.SeedItems.n;
import static com.webexqoe.core.SeedItems.s;
import static org.assertj.core.api.Assertions.assertThat;

/** Local times are read in {@code TZ}, whatever the machine's zone (the tests run in America/Los_Angeles). */
class DashboardItemsTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    final DashboardItems items = new DashboardItems(TOKYO);

    @Test
    void localTimesAreReadInTheConfiguredZone() {
        Map<String, AttributeValue> alert = new LinkedHashMap<>();
        alert.put("datetime", s("2026-11-28T09:00:00.250"));
        alert.put("active", n(1));
        assertThat(items.alert(alert).orElseThrow().receivedAt()).isEqualTo(Instant.parse("2026-11-28T00:00:00.250Z"));

        Map<String, AttributeValue> post = new LinkedHashMap<>();
        post.put("datetime", n("20261128000500"));
        assertThat(items.post(post).orElseThrow().postedAt()).isEqualTo(Instant.parse("2026-11-27T15:05:00Z"));

        Map<String, AttributeValue> poll = new LinkedHashMap<>();
        poll.put("datetime", s("2026-11-28T00:00:00"));
        assertThat(items.poll(poll).orElseThrow().at()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(new DashboardItems(ZoneId.of("UTC")).poll(poll).orElseThrow().at()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void activeAcceptsNumberBooleanAndString() {
        assertThat(DashboardItems.active(n(1))).isTrue();
        assertThat(DashboardItems.active(n(0))).isFalse();
        // ThousandEyes marks a cleared alert with 2 (its classic webhook payload): not a trigger.
        assertThat(DashboardItems.active(n(2))).isFalse();
        assertThat(DashboardItems.active(AttributeValue.builder().bool(true).build())).isTrue();
        assertThat(DashboardItems.active(s("1"))).isTrue();
        assertThat(DashboardItems.active(s("true"))).isTrue();
        assertThat(DashboardItems.active(s("false"))).isFalse();
        assertThat(DashboardItems.active(null)).isFalse();
    }

    @Test
    void numbersStoredAsStringsAndMissingPartsAreTolerated() {
        Map<String, AttributeValue> poll = new LinkedHashMap<>();
        poll.put("datetime", s("2026-11-28T00:00:00"));
        poll.put("metrics", SeedItems.l(SeedItems.m(Map.of("avgLatency", s("31.5"), "loss", s("n/a"))),
                SeedItems.m(Map.of("avgLatency", n("40.5")))));
        PollSample sample = items.poll(poll).orElseThrow();
        assertThat(sample.latencyMs().getAsDouble()).isEqualTo(36.0);
        assertThat(sample.lossPercent()).isEmpty();
        assertThat(sample.responseTimeMs()).isEmpty();

        assertThat(items.alert(Map.of("datetime", s("not a time")))).isEmpty();
        assertThat(items.status(Map.of("Status", s("resolved")))).isEmpty();
        StatusItem untitledless = items.status(Map.of("title", s("t"))).orElseThrow();
        assertThat(untitledless.status()).isEqualTo("unknown");
        assertThat(untitledless.published()).isEmpty();
    }

    @Test
    void theLatestSampleIsTheLastIntervalOfTheLastSession() {
        AttributeValue streams = SeedItems.stream(Instant.parse("2026-11-28T02:00:00Z"),
                new double[]{100, 120, 130}, new double[]{5, 6, 7}, new double[]{0, 1, 2.5}, new double[]{1, 2, 3});
        QualityRecord.StreamSample sample = DashboardItems.latestSample(streams);
        assertThat(sample.latencyMs().getAsDouble()).isEqualTo(130);
        assertThat(sample.jitterMs().getAsDouble()).isEqualTo(7);
        assertThat(sample.packetLossPercent().getAsDouble()).isEqualTo(2.5);
        assertThat(sample.sampleEnd()).contains(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(DashboardItems.latestSample(null).latencyMs()).isEmpty();
    }
}
