package com.webexqoe.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to post (docs/behaviour.md#core-notify). Pure.
 *
 * <ul>
 *   <li>The state equals the last notified one: nothing.</li>
 *   <li>No state notified yet: a problem is a turn; (fine, none) is not.</li>
 *   <li>A change within the quiet period after the last post is held, not dropped: the first run
 *       after the period posts it if it still holds. So the first turn posts at once and flapping
 *       posts at most one message per period. A quiet period of 0 holds nothing.</li>
 *   <li>A turn to (fine, none) from a problem is a recovery, with how long the problem lasted.</li>
 * </ul>
 */
public final class TurnRule {

    public enum Kind { NOTHING, HOLD, TURN, RECOVERY }

    /**
     * @param heldUntil    for {@link Kind#HOLD}: when the quiet period ends
     * @param problemSince for a post: when the problem it reports (or ends) began
     */
    public record Decision(Kind kind, Optional<Instant> heldUntil, Optional<Instant> problemSince) {

        static Decision of(Kind kind) {
            return new Decision(kind, Optional.empty(), Optional.empty());
        }

        public boolean posts() {
            return kind == Kind.TURN || kind == Kind.RECOVERY;
        }
    }

    private TurnRule() {
    }

    public static Decision decide(NotifyRecord last, NotifyState now, Instant at, Duration quiet) {
        Optional<NotifyState> notified = last.state();
        if (notified.isPresent() && notified.get().equals(now)) {
            return Decision.of(Kind.NOTHING);
        }
        if (notified.isEmpty() && !now.problem()) {
            return Decision.of(Kind.NOTHING);
        }
        if (last.lastPostAt().isPresent() && !quiet.isZero()) {
            Instant quietEnds = last.lastPostAt().get().plus(quiet);
            if (at.isBefore(quietEnds)) {
                return new Decision(Kind.HOLD, Optional.of(quietEnds), Optional.empty());
            }
        }
        if (!now.problem()) {
            return new Decision(Kind.RECOVERY, Optional.empty(), last.problemSince());
        }
        boolean wasProblem = notified.map(NotifyState::problem).orElse(false);
        Optional<Instant> since = wasProblem ? last.problemSince().or(() -> Optional.of(at)) : Optional.of(at);
        return new Decision(Kind.TURN, Optional.empty(), since);
    }
}
