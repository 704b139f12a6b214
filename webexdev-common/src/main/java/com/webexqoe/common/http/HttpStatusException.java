package com.webexqoe.common.http;

import com.webexqoe.common.WebexdevException;

import java.time.Duration;
import java.util.Optional;

/**
 * A call that ended with a non-2xx status (after the retries it was allowed). The message names
 * the source, the status and at most a short error code from the body (OAuth's {@code error},
 * say); never the body itself, the URL's query or a header value.
 */
public final class HttpStatusException extends WebexdevException {

    private final int status;
    private final String errorCode;
    private final Duration retryAfter;
    private final byte[] body;

    public HttpStatusException(String message, int status) {
        this(message, status, null, null, null);
    }

    HttpStatusException(String message, int status, String errorCode, Duration retryAfter) {
        this(message, status, errorCode, retryAfter, null);
    }

    HttpStatusException(String message, int status, String errorCode, Duration retryAfter, byte[] body) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
        this.body = body == null ? new byte[0] : java.util.Arrays.copyOf(body, Math.min(body.length, BODY_LIMIT));
    }

    /** At most this much of the error body is kept. */
    static final int BODY_LIMIT = 8 * 1024;

    public int status() {
        return status;
    }

    /** The whitelisted error code the body carried, if any ({@code invalid_grant}, …). */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /**
     * The answer's body (its first 8 KB), for a caller that must read a documented field of an error
     * answer (Webex analytics' 451 names the organisation's regional host; X's problem document its
     * title and type). Never to be put into a message or a log.
     */
    public byte[] body() {
        return body.clone();
    }

    /** How long the server asked to wait (429/503), when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
