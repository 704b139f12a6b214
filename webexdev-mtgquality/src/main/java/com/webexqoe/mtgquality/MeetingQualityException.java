package com.webexqoe.mtgquality;

import com.webexqoe.common.WebexdevException;

/**
 * An expected failure of a meeting-quality run: the token refresh was refused or failed, the
 * meetings could not be listed, or some meetings' qualities could not be read. The message says
 * what happened to the stored tokens and data and what the operator can do; it never carries a
 * token, the client secret or a response body.
 */
public class MeetingQualityException extends WebexdevException {

    public MeetingQualityException(String message) {
        super(message);
    }

    public MeetingQualityException(String message, Throwable cause) {
        super(message, cause);
    }
}
