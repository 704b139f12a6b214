package com.webexqoe.twitter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Port: the function's X bookkeeping (docs/webexdev-twitterapi.md#read-budget): posts read per UTC
 * day against the budget, the newest post read (the next search's {@code since_id}) and X's last
 * named refusal, which the page shows.
 */
public interface XLedger {

    /** The newest post read: its id and when it was posted. */
    record Newest(String id, Instant postedAt) {
    }

    /** What the ledger holds for the current UTC day. */
    record Today(LocalDate utcDay, long reads, long comprehendUnits, Optional<Instant> budgetReachedAt,
                 Optional<Newest> newest) {
    }

    static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    Today read(Instant now);

    /**
     * Adds {@code reads} to the day's count unless that would pass {@code budget}, in one atomic
     * step (a concurrent run cannot slip past it); false, and nothing added, when it would.
     */
    boolean reserve(int reads, int budget, Instant now);

    /** Corrects a reservation to the posts actually read; the day's count afterwards. */
    long settle(int reserved, int read, Instant now);

    /** Adds Comprehend units to the day's count. */
    void spent(long comprehendUnits, Instant now);

    /** Notes that the budget is reached (the first time a day only; later calls keep it). */
    void budgetReached(Instant now);

    /** A search that worked: the newest post read (when there is a newer one), X's refusal cleared. */
    void searched(Optional<Newest> newest, Instant now);

    /** A search X refused, by name (402/403/429/453), for the page. */
    void refused(String xError, Instant now);
}
