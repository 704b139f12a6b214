package com.webexqoe.core.notify;

import com.webexqoe.common.time.Deadline;

/** Posts one Markdown message into a Webex space (the Messages API). */
public interface WebexMessages {

    /** @throws com.webexqoe.common.WebexdevException naming the failure, never the token */
    void post(String roomId, String markdown, String botToken, Deadline deadline);
}
