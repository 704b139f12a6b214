package com.webexqoe.common;

/**
 * An expected failure that a user can act on: missing configuration, an external service
 * that answered badly, a payload that cannot be read. The message says what and where,
 * never a secret value. Unexpected failures are left to propagate as they are, so that
 * Lambda records them.
 */
public class WebexdevException extends RuntimeException {

    public WebexdevException(String message) {
        super(message);
    }

    public WebexdevException(String message, Throwable cause) {
        super(message, cause);
    }
}
