package com.webexqoe.mtgquality;

import com.webexqoe.common.time.Deadline;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Port: the Webex Meetings and Meeting Qualities APIs, called with the new access token. */
public interface WebexMeetings {

    /**
     * The ids of the host's meeting instances in progress.
     *
     * @throws com.webexqoe.common.WebexdevException when the list cannot be read
     */
    List<String> inProgressMeetingIds(String hostEmail, String accessToken, Deadline deadline);

    /**
     * One page of a meeting instance's quality records: the first, or {@code continueAt} (a next
     * link an earlier run stored). One answered call, never more (Webex's 5-minute rule).
     *
     * @throws com.webexqoe.common.WebexdevException when the page cannot be read
     */
    QualityPage qualitiesPage(String meetingId, Optional<URI> continueAt, String accessToken, Deadline deadline);
}
