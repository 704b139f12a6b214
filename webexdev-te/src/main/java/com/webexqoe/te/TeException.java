package com.webexqoe.te;

import com.webexqoe.common.WebexdevException;

/** An expected failure of the te function: a ThousandEyes answer it cannot use, a test that failed. */
public class TeException extends WebexdevException {

    public TeException(String message) {
        super(message);
    }

    public TeException(String message, Throwable cause) {
        super(message, cause);
    }
}
