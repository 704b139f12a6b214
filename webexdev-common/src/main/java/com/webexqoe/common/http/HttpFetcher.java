package com.webexqoe.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.Deadline;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Outbound HTTP for every function (JDK client: no extra jar, quick to start).
 *
 * <ul>
 *   <li><b>One deadline per call.</b> Attempts, waits and retries all fit inside a {@link Deadline}
 *       (the invocation's remaining time, or {@link HttpSettings#callBudget()}); a retry whose wait
 *       plus one attempt cannot fit is not made.</li>
 *   <li><b>Retries</b> 429, 5xx and failed connects with doubling backoff, honouring
 *       {@code Retry-After} (seconds or HTTP date) and the epoch-seconds reset headers of X
 *       ({@code x-rate-limit-reset}) and ThousandEyes ({@code X-Organization-Rate-Limit-Reset}).
 *       Only idempotent methods are retried after the request may have reached the server,
 *       unless the caller opts in with {@link Retries#ALSO_NON_IDEMPOTENT}; other 4xx never are.
 *       A read timeout is not retried: a slow server would eat the whole budget.</li>
 *   <li><b>Redirects</b> are followed only within the same origin (scheme, host, port), so an
 *       {@code Authorization} header never reaches another host; any other redirect fails.</li>
 *   <li><b>Messages</b> name the source, the status and at most a short whitelisted error code
 *       from the body: never the body, the URL's query or a header value.</li>
 * </ul>
 */
public final class HttpFetcher {

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Which requests may be sent again after a 429/5xx or a broken connection. */
    public enum Retries {
        /** GET, HEAD, OPTIONS, PUT, DELETE (RFC 9110, section 9.2.2); a POST is sent once. */
        IDEMPOTENT_ONLY,
        /** Every method: for calls whose caller knows a repeat is harmless. */
        ALSO_NON_IDEMPOTENT
    }

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");
    /** Epoch-seconds reset headers: X API v2 and v1.1, ThousandEyes API v7. */
    private static final String[] RESET_HEADERS = {"x-rate-limit-reset", "X-Organization-Rate-Limit-Reset"};
    /** An error code worth naming: a short token such as {@code invalid_grant}; anything else is left out. */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,63}");
    private static final String[] ERROR_CODE_FIELDS = {"error", "errorCode", "code"};
    private static final int ERROR_BODY_PARSE_LIMIT = 8 * 1024;
    private static final int MAX_REDIRECTS = 5;
    /** The least time an attempt is worth starting with. */
    static final Duration MIN_ATTEMPT = Duration.ofSeconds(1);

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
                // Redirects are handled below, same origin only: the JDK's NORMAL policy would carry
                // the Authorization header to whatever host a 3xx names.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpFetcher(HttpSettings settings) {
        this(settings, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    public HttpSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** A deadline of {@link HttpSettings#callBudget()} from now, for callers without an invocation context. */
    public Deadline defaultDeadline() {
        return Deadline.after(settings.callBudget(), clock);
    }

    /** {@link #send(HttpRequest.Builder, String, Deadline, Retries)} within the settings' call budget. */
    public HttpResult send(HttpRequest.Builder builder, String source) {
        return send(builder, source, defaultDeadline(), Retries.IDEMPOTENT_ONLY);
    }

    public HttpResult send(HttpRequest.Builder builder, String source, Deadline deadline) {
        return send(builder, source, deadline, Retries.IDEMPOTENT_ONLY);
    }

    /**
     * Sends the request as described in the class comment. {@code source} names the remote side
     * in messages ("status feed", "ThousandEyes path-vis MMP").
     *
     * @throws HttpStatusException when the final answer is not 2xx
     * @throws WebexdevException   on timeouts, connection failures, foreign redirects and deadlines
     */
    public HttpResult send(HttpRequest.Builder builder, String source, Deadline deadline, Retries retries) {
        HttpRequest original = builder.build();
        // The caller's own per-request timeout wins over the default; the deadline caps both.
        Duration perAttempt = original.timeout().orElse(settings.readTimeout());
        boolean mayRepeat = retries == Retries.ALSO_NON_IDEMPOTENT || IDEMPOTENT.contains(original.method());
        URI target = original.uri();
        int redirects = 0;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= settings.maxAttempts();
            if (deadline.remaining().compareTo(MIN_ATTEMPT) < 0) {
                throw new WebexdevException(source + ": no time left before the invocation's deadline"
                        + (attempt > 1 ? " after " + (attempt - 1) + " attempts" : ""));
            }
            Duration timeout = deadline.cap(perAttempt);
            HttpRequest request = HttpRequest.newBuilder(original, (name, value) -> true).uri(target).timeout(timeout).build();
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // Nothing reached the server: safe to try again whatever the method.
                if (last || !pauseIfItFits(settings.backoff(attempt), deadline, source)) {
                    throw new WebexdevException(source + ": could not connect (" + describe(e) + ") after "
                            + attempt + " attempts", e);
                }
                continue;
            } catch (HttpTimeoutException e) {
                throw new WebexdevException(source + ": no response within " + timeout.toMillis() + " ms", e);
            } catch (IOException e) {
                if (last || !mayRepeat || !pauseIfItFits(settings.backoff(attempt), deadline, source)) {
                    throw new WebexdevException(source + ": request failed (" + describe(e) + ") after "
                            + attempt + " attempts", e);
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebexdevException(source + ": interrupted", e);
            }

            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new HttpResult(status, response.headers(), response.body());
            }
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                target = sameOriginRedirect(target, response.headers().firstValue("Location").get(), original.method(), source);
                if (++redirects > MAX_REDIRECTS) {
                    throw new WebexdevException(source + ": more than " + MAX_REDIRECTS + " redirects");
                }
                attempt--; // a redirect is not a failed attempt
                continue;
            }
            boolean retryable = status == 429 || status >= 500;
            Optional<Duration> serverWait = serverWait(response);
            String code = errorCode(response.body());
            if (!retryable || !mayRepeat || last) {
                throw new HttpStatusException(source + ": HTTP " + status
                        + (code != null ? " (" + code + ")" : "")
                        + (retryable && attempt > 1 ? " after " + attempt + " attempts" : ""),
                        status, code, serverWait.orElse(null), response.body());
            }
            Duration wait = serverWait.orElse(settings.backoff(attempt));
            if (!pauseIfItFits(wait, deadline, source)) {
                throw new HttpStatusException(source + ": HTTP " + status + (code != null ? " (" + code + ")" : "")
                        + ", and retrying after " + wait.toMillis() + " ms would pass the invocation's deadline",
                        status, code, wait, response.body());
            }
        }
    }

    /** Sleeps {@code wait} when it and one more attempt fit before the deadline; false when not. */
    private boolean pauseIfItFits(Duration wait, Deadline deadline, String source) {
        if (!deadline.fits(wait.plus(MIN_ATTEMPT))) {
            return false;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebexdevException(source + ": interrupted while waiting to retry", e);
        }
        return true;
    }

    private static URI sameOriginRedirect(URI from, String location, String method, String source) {
        URI to;
        try {
            to = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new WebexdevException(source + ": redirected to an unreadable location");
        }
        if (!origin(from).equals(origin(to))) {
            throw new WebexdevException(source + ": redirected to another origin (" + origin(to)
                    + "); not followed, so credentials stay with " + origin(from));
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            throw new WebexdevException(source + ": a " + method + " request was redirected; not followed");
        }
        return to;
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + Objects.toString(uri.getHost(), "").toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * How long the server asked to wait: {@code Retry-After} as delta-seconds or an HTTP date
     * (RFC 9110, section 10.2.3), else an epoch-seconds reset header.
     */
    Optional<Duration> serverWait(HttpResponse<?> response) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After").map(String::trim);
        if (retryAfter.isPresent()) {
            String value = retryAfter.get();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    return Optional.of(until(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
                } catch (DateTimeParseException unreadable) {
                    // fall through to the reset headers
                }
            }
        }
        for (String header : RESET_HEADERS) {
            Optional<String> reset = response.headers().firstValue(header).map(String::trim);
            if (reset.isPresent()) {
                try {
                    return Optional.of(until(Instant.ofEpochSecond(Long.parseLong(reset.get()))));
                } catch (NumberFormatException unreadable) {
                    // ignore: backoff instead
                }
            }
        }
        return Optional.empty();
    }

    private Duration until(Instant at) {
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** A short error code from a JSON error body ({@code {"error":"invalid_grant"}}), or null. */
    static String errorCode(byte[] body) {
        if (body == null || body.length == 0 || body.length > ERROR_BODY_PARSE_LIMIT || body[0] != '{') {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            for (String field : ERROR_CODE_FIELDS) {
                JsonNode value = node.path(field);
                if (value.isTextual() && ERROR_CODE.matcher(value.asText()).matches()) {
                    return value.asText();
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // an unreadable body names nothing
        }
        return null;
    }

    /** An I/O failure by its kind only: JDK messages can carry the URL. */
    private static String describe(IOException e) {
        return e.getClass().getSimpleName();
    }
}
