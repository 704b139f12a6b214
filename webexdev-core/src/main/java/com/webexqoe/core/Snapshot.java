package com.webexqoe.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run read: the last 24 h of each time-keyed table, the status table, the user's
 * latest quality record, and the sources that could not be read (named, with the reason).
 */
public record Snapshot(Instant now, List<StatusItem> statuses, List<Alert> alerts, List<PollSample> polls,
                       List<Post> posts, Optional<QualityRecord> quality, List<String> unreadable) {

    public static Snapshot empty(Instant now) {
        return new Snapshot(now, List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }
}
