package com.webexqoe.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The stored time formats of the original (docs/behaviour.md#time), in the zone of {@code TZ}. Every
 * method reads the clock when it is called: the original read the time once at import, so a
 * warm container kept writing the time of its cold start.
 */
public final class LocalTimes {

    /** {@code webexdev-te-polling.datetime}: local time to the second. */
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** {@code webexdev-te.datetime}: local time to the millisecond. */
    public static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    /** {@code webexdev-twitter.datetime}: local time as the number yyyyMMddHHmmss. */
    public static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** {@code day} of the time-keyed indexes (docs/behaviour.md#tables). */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Clock clock;
    private final ZoneId zone;

    public LocalTimes(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public String format(Instant instant, DateTimeFormatter format) {
        return format.format(instant.atZone(zone));
    }

    public String day(Instant instant) {
        return format(instant, DAY);
    }

    public long compactNumber(Instant instant) {
        return Long.parseLong(format(instant, COMPACT));
    }

    /** TTL attribute value: epoch seconds, {@code ttl} after {@code from}. */
    public static long expiresAt(Instant from, Duration ttl) {
        return from.plus(ttl).getEpochSecond();
    }
}
