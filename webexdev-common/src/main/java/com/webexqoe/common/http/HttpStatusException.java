package com.webexqoe.common.http;

import com.webexqoe.common.WebexdevException;

/** A call that ended with a non-2xx status (after the retries it was allowed). */
public final class HttpStatusException extends WebexdevException {

    private final int status;

    public HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
