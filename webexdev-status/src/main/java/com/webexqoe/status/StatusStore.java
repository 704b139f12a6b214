package com.webexqoe.status;

import java.time.Instant;
import java.util.List;

/** Port: where status items are kept. */
public interface StatusStore {

    /** Stores (or overwrites) one item per entry, seen at {@code seenAt}. */
    void saveAll(List<StatusEntry> entries, Instant seenAt);
}
