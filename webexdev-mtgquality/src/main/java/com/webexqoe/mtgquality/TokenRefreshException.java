package com.webexqoe.mtgquality;

/**
 * The OAuth refresh did not yield a new token pair. Nothing was written: the stored tokens are
 * exactly as they were.
 */
public final class TokenRefreshException extends MeetingQualityException {

    /** Why the refresh failed, which decides what the operator should do. */
    public enum Reason {
        /** 400/401: the refresh token (or the client id/secret) was refused; re-authorise. */
        REFUSED,
        /** 5xx, 429, timeout, connection failure: try again later. */
        UNAVAILABLE,
        /** A 2xx answer without a usable access token. */
        UNREADABLE
    }

    private final Reason reason;

    public TokenRefreshException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
