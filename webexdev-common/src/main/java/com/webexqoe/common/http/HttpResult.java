package com.webexqoe.common.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A response that came back with a 2xx status. */
public record HttpResult(int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
