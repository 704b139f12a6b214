package com.webexqoe.te.webhook;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The webhook call as the function receives it: an API Gateway REST proxy event (headers and the
 * body as a string, maybe base64), or the alert JSON as the whole event (what the original's
 * non-proxy integration passed: no headers at all).
 *
 * @param headers  header names in lower case (HTTP names are case-insensitive), first value of each
 * @param body     the body bytes
 * @param proxy    whether it came as a proxy event
 * @param badEvent why a proxy event's body could not be read (invalid base64), if so
 */
public record WebhookRequest(Map<String, String> headers, byte[] body, boolean proxy, Optional<String> badEvent) {

    public WebhookRequest {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * @param event  the event's bytes
     * @param parsed the event read as JSON, or empty when it is not JSON (then it can only be a raw body)
     */
    public static WebhookRequest from(byte[] event, Optional<JsonNode> parsed) {
        if (parsed.isEmpty() || !isProxyEvent(parsed.get())) {
            return new WebhookRequest(Map.of(), event, false, Optional.empty());
        }
        JsonNode proxy = parsed.get();
        Map<String, String> headers = new HashMap<>();
        proxy.path("multiValueHeaders").fields().forEachRemaining(field -> {
            JsonNode first = field.getValue().path(0);
            if (first.isTextual()) {
                headers.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), first.asText());
            }
        });
        proxy.path("headers").fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                headers.put(field.getKey().toLowerCase(Locale.ROOT), field.getValue().asText());
            }
        });
        JsonNode body = proxy.path("body");
        if (!body.isTextual()) {
            return new WebhookRequest(headers, new byte[0], true, Optional.empty());
        }
        if (proxy.path("isBase64Encoded").asBoolean(false)) {
            try {
                return new WebhookRequest(headers, Base64.getMimeDecoder().decode(body.asText()), true, Optional.empty());
            } catch (IllegalArgumentException e) {
                return new WebhookRequest(headers, new byte[0], true, Optional.of("body is not valid base64"));
            }
        }
        return new WebhookRequest(headers, body.asText().getBytes(StandardCharsets.UTF_8), true, Optional.empty());
    }

    /** API Gateway's REST proxy event (payload format 1.0) carries these; an alert never does. */
    static boolean isProxyEvent(JsonNode event) {
        return event.isObject() && event.has("httpMethod") && (event.has("requestContext") || event.has("headers"));
    }
}
