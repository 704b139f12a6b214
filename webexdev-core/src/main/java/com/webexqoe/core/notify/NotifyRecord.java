package com.webexqoe.core.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * The notify state item as read: the last notified state (empty before the first post, or when the
 * item holds only a released claim), when the reported problem began, when the last message was
 * posted, the version a claim must name, and a claim still held by a run.
 */
public record NotifyRecord(Optional<NotifyState> state, Optional<Instant> problemSince, Optional<Instant> lastPostAt,
                           long version, Optional<Instant> claimedAt) {

    public static final NotifyRecord NONE = new NotifyRecord(Optional.empty(), Optional.empty(), Optional.empty(), 0,
            Optional.empty());
}
