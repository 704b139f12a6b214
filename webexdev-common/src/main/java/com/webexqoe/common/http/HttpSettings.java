package com.webexqoe.common.http;

import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;

import java.time.Duration;

/**
 * Timeouts and retry bounds for outbound calls. The defaults keep the worst case (4 attempts,
 * 5 s each at most, backoff 0.25 + 0.5 + 1 s) inside the 15 s function timeout of the original.
 *
 * @param connectTimeout  TCP/TLS connect limit
 * @param readTimeout     limit from request sent to response headers received
 * @param maxAttempts     attempts in all, first one included
 * @param firstBackoff    wait before the first retry; doubled for each further one
 * @param maxWait         longest wait the function accepts, whether backoff or {@code Retry-After}
 */
public record HttpSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts,
                           Duration firstBackoff, Duration maxWait) {

    public static final HttpSettings DEFAULTS = new HttpSettings(
            Duration.ofSeconds(3), Duration.ofSeconds(5), 4, Duration.ofMillis(250), Duration.ofSeconds(5));

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
                DEFAULTS.maxWait);
    }

    /** Backoff before retry number {@code retry} (1-based): first, 2×first, 4×first…, capped. */
    Duration backoff(int retry) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(retry - 1, 20));
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
