package com.webexqoe.twitter;

import com.webexqoe.common.time.Deadline;

import java.util.List;
import java.util.Optional;

/** Port: the most recent posts about Webex, newest first. */
public interface PostSearch {

    /**
     * One search: the query, the posts asked for at most, and the id of the newest post read before
     * ({@code since_id}: only newer ones are read, and paid for), when it is within the 7 days
     * recent search covers.
     */
    record Request(String query, int maxResults, Optional<String> sinceId) {
    }

    /**
     * What a search found: the readable posts, and how many posts X delivered (and bills), readable
     * or not.
     */
    record Found(List<Post> posts, int read) {
    }

    /** Which API answers, for log lines ("X API v2 recent search"). */
    String source();

    /**
     * @throws TwitterSearchException when the search fails (credential refused, out of credits,
     *                                rate limit beyond the deadline, unreadable answer); nothing is stored then
     */
    Found recent(Request request, Deadline deadline);
}
