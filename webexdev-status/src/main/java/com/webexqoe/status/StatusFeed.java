package com.webexqoe.status;

import com.webexqoe.common.time.Deadline;

/** Port: where the feed document comes from. */
public interface StatusFeed {

    /** Where the feed is read from, for log lines. */
    String location();

    /**
     * @param deadline when the fetch, retries included, must be done
     * @throws com.webexqoe.common.WebexdevException when it cannot be fetched in time
     */
    byte[] fetch(Deadline deadline);
}
