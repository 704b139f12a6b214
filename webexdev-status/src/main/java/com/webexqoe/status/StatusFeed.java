package com.webexqoe.status;

/** Port: where the feed document comes from. */
public interface StatusFeed {

    /** Where the feed is read from, for log lines. */
    String location();

    /**
     * @throws com.webexqoe.common.WebexdevException when it cannot be fetched
     */
    byte[] fetch();
}
