package com.webexqoe.common.time;

import org.junit.jupiter.api.Test;

import com.webexqoe.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimesTest {

    private static final Instant AT = Instant.parse("2026-11-27T15:30:45.123Z");

    @Test
    void formatsInTheConfiguredZoneNotTheMachines() {
        LocalTimes tokyo = new LocalTimes(Clock.fixed(AT, ZoneOffset.UTC), ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.format(tokyo.now(), LocalTimes.SECONDS)).isEqualTo("2026-11-28T00:30:45");
        assertThat(tokyo.format(tokyo.now(), LocalTimes.MILLIS)).isEqualTo("2026-11-28T00:30:45.123");
        assertThat(tokyo.compactNumber(tokyo.now())).isEqualTo(20261128003045L);
        assertThat(tokyo.day(tokyo.now())).isEqualTo("2026-11-28");
    }

    @Test
    void readsTheClockOnEveryCall() {
        MutableClock clock = new MutableClock(AT);
        LocalTimes times = new LocalTimes(clock, ZoneOffset.UTC);
        String first = times.format(times.now(), LocalTimes.SECONDS);
        clock.advance(Duration.ofMinutes(5));
        assertThat(times.format(times.now(), LocalTimes.SECONDS)).isNotEqualTo(first).isEqualTo("2026-11-27T15:35:45");
    }

    @Test
    void expiresAtIsEpochSecondsAfterTheTtl() {
        assertThat(LocalTimes.expiresAt(AT, Duration.ofDays(30))).isEqualTo(AT.getEpochSecond() + 30L * 24 * 3600);
    }
}
