package com.webexqoe.core.score;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a source's data was last updated, and whether it is stale: older than twice its
 * schedule (docs/behaviour.md#core-freshness). Schedules are template.yaml's.
 */
public record Freshness(String source, Optional<Instant> newest, Optional<Duration> schedule, boolean stale) {

    /** A source is stale when its newest item is older than this many schedules. */
    public static final int STALE_AFTER_SCHEDULES = 2;

    static final Duration STATUS_SCHEDULE = Duration.ofMinutes(5);
    static final Duration TE_POLL_SCHEDULE = Duration.ofMinutes(15);
    static final Duration TWITTER_SCHEDULE = Duration.ofMinutes(15);

    /** @param schedule empty for sources with no schedule (webhook, manual invoke): never stale */
    public static Freshness of(String source, Optional<Instant> newest, Optional<Duration> schedule, Instant now) {
        boolean stale = schedule.isPresent() && newest.isPresent()
                && Duration.between(newest.get(), now).compareTo(schedule.get().multipliedBy(STALE_AFTER_SCHEDULES)) > 0;
        return new Freshness(source, newest, schedule, stale);
    }

    public boolean noData() {
        return newest.isEmpty();
    }

    /** Not usable as evidence of health: no data at all, or stale. */
    public boolean notFresh() {
        return noData() || stale;
    }
}
