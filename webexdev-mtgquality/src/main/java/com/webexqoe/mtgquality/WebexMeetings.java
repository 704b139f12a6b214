package com.webexqoe.mtgquality;

import com.webexqoe.common.time.Deadline;

import java.util.List;

/** Port: the Webex Meetings and Meeting Qualities APIs, called with the new access token. */
public interface WebexMeetings {

    /**
     * The ids of the host's meeting instances in progress.
     *
     * @throws com.webexqoe.common.WebexdevException when the list cannot be read
     */
    List<String> inProgressMeetingIds(String hostEmail, String accessToken, Deadline deadline);

    /** Every page of quality records of one meeting instance that could be read, and why not the rest. */
    Pages qualities(String meetingId, String accessToken, Deadline deadline);
}
