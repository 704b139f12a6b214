package com.webexqoe.common.http;

import com.webexqoe.common.WebexdevException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Outbound HTTP for every function (JDK client: no extra jar, quick to start). Retries 429 and
 * 5xx and failed connects a bounded number of times with doubling backoff, honouring
 * {@code Retry-After}; never retries other 4xx. A read timeout is not retried: a slow server
 * would otherwise eat the whole function timeout.
 */
public final class HttpFetcher {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final int ERROR_BODY_CHARS = 200;

    private final HttpClient client;
    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    public HttpFetcher(HttpSettings settings, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1: no h2c upgrade dance on plain-http stand-ins; one connection per host is plenty.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public HttpFetcher(HttpSettings settings) {
        this(settings, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Sends the request, retrying as described above. {@code source} names the remote side in
     * messages ("status feed", "ThousandEyes path-vis MMP"); URLs with tokens are never logged.
     *
     * @throws HttpStatusException when the final answer is not 2xx
     * @throws WebexdevException   on timeouts and connection failures
     */
    public HttpResult send(HttpRequest.Builder builder, String source) {
        HttpRequest request = builder.timeout(settings.readTimeout()).build();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException e) {
                if (last) {
                    throw new WebexdevException(source + ": connect timed out after "
                            + settings.connectTimeout().toMillis() + " ms (" + attempt + " attempts)", e);
                }
                pause(settings.backoff(attempt), source);
                continue;
            } catch (HttpTimeoutException e) {
                throw new WebexdevException(source + ": no response within " + settings.readTimeout().toMillis() + " ms", e);
            } catch (IOException e) {
                if (last) {
                    throw new WebexdevException(source + ": request failed after " + attempt + " attempts: " + e, e);
                }
                pause(settings.backoff(attempt), source);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebexdevException(source + ": interrupted", e);
            }

            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new HttpResult(status, response.headers(), response.body());
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || last) {
                throw new HttpStatusException(source + ": HTTP " + status
                        + (retryable ? " after " + attempt + " attempts" : "")
                        + describeBody(response.body()), status);
            }
            Duration wait = retryAfter(response).orElse(settings.backoff(attempt));
            if (wait.compareTo(settings.maxWait()) > 0) {
                throw new HttpStatusException(source + ": HTTP " + status + " asks to retry after "
                        + wait.toSeconds() + " s, longer than this function can wait", status);
            }
            pause(wait, source);
        }
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110, section 10.2.3). */
    Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private void pause(Duration wait, String source) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebexdevException(source + ": interrupted while waiting to retry", e);
        }
    }

    private static String describeBody(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return ": " + (text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text);
    }
}
