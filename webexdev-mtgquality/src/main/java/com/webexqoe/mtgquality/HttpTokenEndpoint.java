package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpResult;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.Deadline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code POST {WEBEX_API_BASE_URL}/access_token}, form-encoded, as developer.webex.com's
 * "Integrations" guide describes the refresh: {@code grant_type=refresh_token}, {@code client_id},
 * {@code client_secret}, {@code refresh_token}. The answer carries {@code access_token},
 * {@code expires_in}, {@code refresh_token} and {@code refresh_token_expires_in} (seconds).
 *
 * <p>The POST goes through {@link HttpFetcher} with its default {@code IDEMPOTENT_ONLY} retries,
 * so it is sent once: a refresh that reached Webex must not be repeated. Messages name the
 * status and at most the OAuth error code ({@code invalid_grant}); never the body.
 */
public record HttpTokenEndpoint(HttpFetcher http, URI url) implements TokenEndpoint {

    static final String SOURCE = "Webex token endpoint";

    @Override
    public TokenPair refresh(IntegrationSettings integration, String refreshToken, Deadline deadline) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", integration.clientId());
        form.put("client_secret", integration.clientSecret());
        form.put("refresh_token", refreshToken);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        HttpResult result;
        try {
            result = http.send(request, SOURCE, deadline);
        } catch (HttpStatusException e) {
            if (e.status() == 400 || e.status() == 401) {
                throw new TokenRefreshException(TokenRefreshException.Reason.REFUSED, e.getMessage(), e);
            }
            throw new TokenRefreshException(TokenRefreshException.Reason.UNAVAILABLE, e.getMessage(), e);
        } catch (WebexdevException e) {
            throw new TokenRefreshException(TokenRefreshException.Reason.UNAVAILABLE, e.getMessage(), e);
        }
        return parse(result.body());
    }

    /** The token answer; a parser error is reported without its text, which could quote a token. */
    static TokenPair parse(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw unreadable("the answer is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw unreadable("the answer is not a JSON object");
        }
        Optional<String> access = text(node, "access_token");
        if (access.isEmpty()) {
            throw unreadable("the answer has no access_token");
        }
        return new TokenPair(access.get(), text(node, "refresh_token"),
                seconds(node, "expires_in"), seconds(node, "refresh_token_expires_in"));
    }

    private static TokenRefreshException unreadable(String what) {
        return new TokenRefreshException(TokenRefreshException.Reason.UNREADABLE, SOURCE + ": " + what, null);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Duration> seconds(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() && value.asLong() > 0 ? Optional.of(Duration.ofSeconds(value.asLong())) : Optional.empty();
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
