package com.webexqoe.te.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.json.JsonText;
import com.webexqoe.common.lambda.FunctionRun;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the webhook answers: an API Gateway proxy response ({@code statusCode}, {@code headers},
 * {@code body}) whose body is a short JSON object; the log line gets the status and the outcome.
 *
 * @param status  HTTP status
 * @param outcome one word for the log: stored, duplicate, test, unauthorized, invalid, too-large, unavailable
 * @param body    the body's fields
 * @param challenge the {@code WWW-Authenticate} value of a 401
 */
public record WebhookAnswer(int status, String outcome, Map<String, Object> body, String challenge) implements FunctionRun.Result {

    public WebhookAnswer {
        body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    public WebhookAnswer(int status, String outcome, Map<String, Object> body) {
        this(status, outcome, body, "Bearer");
    }

    /** 401 with the {@code WWW-Authenticate} challenge of the configured kind ("Bearer", "Basic …"). */
    static WebhookAnswer unauthorized(String challenge, String error) {
        return new WebhookAnswer(401, "unauthorized", Map.of("error", error), challenge);
    }

    static WebhookAnswer error(int status, String outcome, String error) {
        return new WebhookAnswer(status, outcome, Map.of("error", error));
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("statusCode", status);
        fields.put("outcome", outcome);
        fields.putAll(body);
        return fields;
    }

    @Override
    public String answer() {
        ObjectNode response = Json.object();
        response.put("statusCode", status);
        ObjectNode headers = response.putObject("headers");
        headers.put("Content-Type", "application/json");
        if (status == 401) {
            headers.put("WWW-Authenticate", challenge);
        }
        response.put("body", JsonText.object(body));
        return Json.write(response);
    }
}
