package com.webexqoe.common.time;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The moment by which a piece of work must be done: every outbound call and every retry wait
 * of an invocation fits inside it, so a slow or rate-limited API ends the run with a clear
 * error before Lambda kills it silently at its timeout.
 */
public final class Deadline {

    /**
     * Kept back from Lambda's own deadline for what follows the calls: storing, logging and
     * answering (a DynamoDB batch write and a log line take well under a second).
     */
    public static final Duration RESERVE = Duration.ofMillis(1500);

    private final Instant at;
    private final Clock clock;

    private Deadline(Instant at, Clock clock) {
        this.at = at;
        this.clock = clock;
    }

    /** {@code budget} from now. */
    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    /**
     * The invocation's remaining time ({@link Context#getRemainingTimeInMillis()}) less
     * {@link #RESERVE}; without a context (a test calling a service directly), {@code fallback}.
     */
    public static Deadline of(Context context, Duration fallback, Clock clock) {
        if (context == null) {
            return after(fallback, clock);
        }
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(RESERVE);
        return after(remaining.isNegative() ? Duration.ZERO : remaining, clock);
    }

    public Instant at() {
        return at;
    }

    /** Time left, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean passed() {
        return remaining().isZero();
    }

    /** Whether {@code work} can start now and still finish in time. */
    public boolean fits(Duration work) {
        return work.compareTo(remaining()) <= 0;
    }

    /** The shorter of {@code limit} and the time left. */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        return limit.compareTo(left) <= 0 ? limit : left;
    }

    @Override
    public String toString() {
        return "Deadline[" + at + "]";
    }
}
