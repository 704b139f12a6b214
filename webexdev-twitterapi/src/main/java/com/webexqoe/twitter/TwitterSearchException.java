package com.webexqoe.twitter;

import com.webexqoe.common.WebexdevException;

/**
 * The search for posts failed, or the analysis of some posts did: the message names the source,
 * the status or the credential refused, never a body, a token or a secret value.
 */
public final class TwitterSearchException extends WebexdevException {

    public TwitterSearchException(String message) {
        super(message);
    }

    public TwitterSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
