package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run read: the last 24 h of each time-keyed table, the status table, the user's
 * latest quality record, the sources that could not be read (named, with the reason), and the
 * state of twitterapi's X reads.
 */
public record Snapshot(Instant now, List<StatusItem> statuses, List<Alert> alerts, List<PollSample> polls,
                       List<Post> posts, Optional<QualityRecord> quality, List<String> unreadable, XReadStatus xReads) {

    public Snapshot(Instant now, List<StatusItem> statuses, List<Alert> alerts, List<PollSample> polls,
                    List<Post> posts, Optional<QualityRecord> quality, List<String> unreadable) {
        this(now, statuses, alerts, polls, posts, quality, unreadable, XReadStatus.NONE);
    }

    public static Snapshot empty(Instant now) {
        return new Snapshot(now, List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }

    /** The user's meeting server region from the quality record, when it names one. */
    public Optional<String> serverRegion() {
        return quality.map(QualityRecord::serverRegion).filter(region -> !region.isBlank());
    }
}
