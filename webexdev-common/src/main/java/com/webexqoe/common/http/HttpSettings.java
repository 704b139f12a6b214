package com.webexqoe.common.http;

import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;

import java.time.Duration;

/**
 * Timeouts and retry bounds for outbound calls.
 *
 * @param connectTimeout  TCP/TLS connect limit
 * @param readTimeout     limit from request sent to response received, per attempt, unless the
 *                        request sets its own
 * @param maxAttempts     attempts in all, first one included
 * @param firstBackoff    wait before the first retry; doubled for each further one
 * @param callBudget      the whole call's deadline, retries and waits included, when the caller
 *                        passes none (a handler passes the invocation's remaining time instead)
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts,
                           Duration firstBackoff, Duration callBudget) {

    /** Budget 12 s: inside the original's 15 s function timeout with room to store and answer. */
    public static final HttpSettings DEFAULTS = new HttpSettings(
            Duration.ofSeconds(3), Duration.ofSeconds(5), 4, Duration.ofMillis(250), Duration.ofSeconds(12));

    /** Longest backoff between two attempts (a server's own Retry-After may ask for more). */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    public HttpSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static HttpSettings fromEnv(Env env) {
        return new HttpSettings(
                Duration.ofMillis(env.intOrDefault(EnvVars.HTTP_CONNECT_TIMEOUT_MS, (int) DEFAULTS.connectTimeout.toMillis())),
                Duration.ofMillis(env.intOrDefault(EnvVars.HTTP_READ_TIMEOUT_MS, (int) DEFAULTS.readTimeout.toMillis())),
                env.intOrDefault(EnvVars.HTTP_MAX_ATTEMPTS, DEFAULTS.maxAttempts),
                DEFAULTS.firstBackoff,
                DEFAULTS.callBudget);
    }

    /** Backoff before retry number {@code retry} (1-based): first, 2×first, 4×first…, capped. */
    Duration backoff(int retry) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(retry - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
