package com.webexqoe.status;

import com.webexqoe.common.WebexdevException;

/** Cisco's status JSON API could not be fetched or its answer is not the documented object: nothing from it was stored. */
public final class StatusApiException extends WebexdevException {

    public StatusApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
