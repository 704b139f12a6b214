package com.webexqoe.status;

import com.webexqoe.common.WebexdevException;

/** The status feed could not be fetched or read: nothing was stored, the invocation fails. */
public final class StatusFeedException extends WebexdevException {

    public StatusFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
