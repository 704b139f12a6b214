package com.webexqoe.mtgquality;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: when Meeting Qualities was last asked for each meeting instance, across runs and
 * containers. Webex allows "1 API call every 5 minutes for the same meeting instance ID"
 * (Meeting Qualities, developer.webex.com); a run takes the meeting's turn before it asks, and
 * a turn taken less than {@link #INTERVAL} ago refuses (docs/behaviour.md#mtgquality).
 */
public interface CallLedger {

    /** Webex's documented interval between two calls for the same meeting instance. */
    Duration INTERVAL = Duration.ofMinutes(5);

    /** The outcome of taking a meeting's turn. */
    sealed interface Turn permits Granted, Refused {
    }

    /**
     * The turn is this run's; {@code continueAt} is the page an earlier run could not read yet
     * (empty: start with the first page).
     */
    record Granted(Optional<URI> continueAt) implements Turn {
    }

    /** Asked at {@code lastCall}, so not before {@code lastCall + INTERVAL}. */
    record Refused(Instant lastCall) implements Turn {
        public Instant nextAllowed() {
            return lastCall.plus(INTERVAL);
        }
    }

    /**
     * Records a call at {@code now} unless the last one was less than {@link #INTERVAL} before it;
     * one atomic conditional write, so two runs at once cannot both be granted.
     */
    Turn take(String meetingId, Instant now);

    /** What the granted call left to read: the next page, or empty when the meeting was read to its end. */
    void pageRead(String meetingId, Optional<URI> nextPage);
}
