package com.webexqoe.testkit.faults;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The ways an HTTP dependency fails, as WireMock answers: statuses, rate limits, a slow answer,
 * broken connections, unreadable bodies and a redirect to another origin. Every body a fault
 * sends carries {@link #BODY_MARKER}, so a test can prove that no message or log line quotes it.
 */
public enum HttpFault {
    HTTP_500("500"),
    HTTP_429_WITH_RESET_HEADER("429 with its rate-limit header"),
    HTTP_429_WITHOUT_HEADER("429 without a rate-limit header"),
    TIMEOUT("no answer within the read timeout"),
    CONNECTION_RESET("connection reset by peer"),
    EMPTY_RESPONSE("connection closed without an answer"),
    MALFORMED_CHUNK("malformed chunk, then closed"),
    RANDOM_DATA_THEN_CLOSE("garbage bytes, then closed"),
    EMPTY_BODY("200 with an empty body"),
    TRUNCATED_BODY("200 with a truncated body"),
    NON_JSON_BODY("200 with an HTML body"),
    FOREIGN_REDIRECT("302 to another origin");

    /** In every body a fault sends: it must never reach a message, a log line or an item. */
    public static final String BODY_MARKER = "RESPONSE-BODY-MARKER-5c1e";
    /** The answer's delay for {@link #TIMEOUT}: tests set {@code HTTP_READ_TIMEOUT_MS} well below it. */
    public static final int DELAY_MS = 2_500;
    /** The origin a {@link #FOREIGN_REDIRECT} points to. */
    public static final String FOREIGN_ORIGIN = "https://collector.attacker.example";

    private final String description;

    HttpFault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * WireMock's answer for this fault.
     *
     * @param validBody   what the dependency answers when it works (truncated, or sent late)
     * @param contentType that answer's content type
     * @param resetHeader the dependency's own rate-limit header ({@code Retry-After},
     *                    {@code x-rate-limit-reset}, {@code X-Organization-Rate-Limit-Reset})
     */
    public ResponseDefinitionBuilder response(byte[] validBody, String contentType, String resetHeader) {
        String errorJson = "{\"message\":\"" + BODY_MARKER + " internal detail\",\"detail\":\"" + BODY_MARKER + "\"}";
        return switch (this) {
            case HTTP_500 -> aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(errorJson);
            case HTTP_429_WITH_RESET_HEADER -> aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                    .withHeader(resetHeader, resetValue(resetHeader)).withBody(errorJson);
            case HTTP_429_WITHOUT_HEADER -> aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(errorJson);
            case TIMEOUT -> aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(validBody)
                    .withFixedDelay(DELAY_MS);
            case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case RANDOM_DATA_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
            case EMPTY_BODY -> aResponse().withStatus(200).withHeader("Content-Type", contentType);
            case TRUNCATED_BODY -> aResponse().withStatus(200).withHeader("Content-Type", contentType)
                    .withBody(Arrays.copyOf(validBody, validBody.length / 2));
            case NON_JSON_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><body><h1>Service Unavailable</h1><p>" + BODY_MARKER + "</p></body></html>");
            case FOREIGN_REDIRECT -> aResponse().withStatus(302).withHeader("Location", FOREIGN_ORIGIN + "/steal?from=webexdev")
                    .withBody(BODY_MARKER.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** A wait far past any deadline: Retry-After in seconds, the epoch-seconds reset headers an hour ahead. */
    private static String resetValue(String header) {
        return "Retry-After".equalsIgnoreCase(header) ? "3600" : Long.toString(Instant.now().getEpochSecond() + 3600);
    }

    @Override
    public String toString() {
        return description;
    }
}
