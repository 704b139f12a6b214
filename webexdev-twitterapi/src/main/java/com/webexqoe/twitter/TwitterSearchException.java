package com.webexqoe.twitter;

import com.webexqoe.common.WebexdevException;

import java.util.Optional;

/**
 * The search for posts failed, or the analysis of some posts did: the message names the source,
 * the status or the credential refused, never a body, a token or a secret value. A refusal X names
 * (out of credits, access level, rate limit, v1.1 retired) carries that name for the page; an
 * answer that arrived but could not be read may still have been billed.
 */
public final class TwitterSearchException extends WebexdevException {

    private final String xError;
    private final boolean answerArrived;

    public TwitterSearchException(String message) {
        this(message, null, null, false);
    }

    public TwitterSearchException(String message, Throwable cause) {
        this(message, cause, null, false);
    }

    private TwitterSearchException(String message, Throwable cause, String xError, boolean answerArrived) {
        super(message, cause);
        this.xError = xError;
        this.answerArrived = answerArrived;
    }

    /** X refused the search and said why: {@code xError} is that, short, for the page. */
    static TwitterSearchException refused(String message, String xError, Throwable cause) {
        return new TwitterSearchException(message, cause, xError, false);
    }

    /** A 2xx answer arrived but could not be read: X may have billed its posts. */
    static TwitterSearchException unreadable(String message) {
        return new TwitterSearchException(message, null, null, true);
    }

    public Optional<String> xError() {
        return Optional.ofNullable(xError);
    }

    public boolean answerArrived() {
        return answerArrived;
    }
}
