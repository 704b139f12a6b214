package com.webexqoe.core.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * The last notified state, kept so that a post happens exactly once (docs/behaviour.md#core-notify):
 * a run claims the right to post against the version it read; only one of two overlapping runs can;
 * the post is recorded only after the Messages API answered; a failed post releases the claim.
 */
public interface NotifyStateStore {

    NotifyRecord read();

    /**
     * Claims the right to post, if the item still has the version {@code read} had and no other run
     * holds a claim taken after {@code staleBefore}.
     *
     * @return the claim's token, or empty when another run got there first
     */
    Optional<String> claim(NotifyRecord read, Instant now, Instant staleBefore);

    /** Records the post: the new state, when the problem began (empty = none), the post's time; ends the claim. */
    void record(String token, NotifyState state, Optional<Instant> problemSince, Instant postedAt);

    /** Gives the claim up (the post failed), so that the next run posts. */
    void release(String token);
}
