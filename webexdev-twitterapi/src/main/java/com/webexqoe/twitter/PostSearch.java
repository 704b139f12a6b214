package com.webexqoe.twitter;

import com.webexqoe.common.time.Deadline;

import java.util.List;

/** Port: the most recent posts about Webex, newest first. */
public interface PostSearch {

    /** Which API answers, for log lines ("X API v2 recent search"). */
    String source();

    /**
     * @throws TwitterSearchException when the search fails (credential refused, rate limit beyond
     *                                the deadline, unreadable answer); nothing is stored then
     */
    List<Post> recent(Deadline deadline);
}
