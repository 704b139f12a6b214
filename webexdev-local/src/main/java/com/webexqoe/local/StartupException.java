package com.webexqoe.local;

/** The local run cannot start; the message says why in words a user can act on. */
final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
