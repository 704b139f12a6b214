package com.webexqoe.core;

import com.webexqoe.common.WebexdevException;

/** An expected failure of the dashboard run (a source that could not be read), named for the operator. */
public final class CoreException extends WebexdevException {

    public CoreException(String message) {
        super(message);
    }

    public CoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
