package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.Optional;

/**
 * What twitterapi's X bookkeeping says about today's reads (docs/webexdev-twitterapi.md#read-budget):
 * when the daily read budget was reached (this UTC day), and the refusal of X's last answer
 * (402/403/429/453), so that the page never shows "no posts" when X was not asked.
 */
public record XReadStatus(Optional<Instant> budgetReachedAt, Optional<String> xError, Optional<Instant> xErrorAt,
                          Optional<String> unreadable) {

    public static final XReadStatus NONE = new XReadStatus(Optional.empty(), Optional.empty(), Optional.empty());

    public XReadStatus(Optional<Instant> budgetReachedAt, Optional<String> xError, Optional<Instant> xErrorAt) {
        this(budgetReachedAt, xError, xErrorAt, Optional.empty());
    }

    /** The bookkeeping could not be read (why, naming the table): the page shows no notice, the run's log line says so. */
    public static XReadStatus unreadable(String why) {
        return new XReadStatus(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why));
    }

    /** For the run's log line: {@code read}, or {@code unreadable: <why>}. */
    public String outcome() {
        return unreadable.map(why -> "unreadable: " + why).orElse("read");
    }
}
