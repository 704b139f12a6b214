package com.webexqoe.status;

import java.time.Instant;
import java.util.List;

/** Port: where status items are kept. */
public interface StatusStore {

    /** Stores (or overwrites) one item per entry, seen at {@code seenAt}. */
    void saveAll(List<StatusEntry> entries, Instant seenAt);

    /**
     * Makes the API items exactly {@code items}: stores them, then deletes every other
     * {@code api:} item (what Cisco no longer lists). Feed items are left alone.
     *
     * @return how many earlier API items were deleted
     */
    int replaceApiSnapshot(List<ApiItem> items, Instant seenAt);
}
