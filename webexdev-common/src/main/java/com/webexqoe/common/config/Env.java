package com.webexqoe.common.config;

import com.webexqoe.common.WebexdevException;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The function's configuration: environment variables, read through one object so that
 * tests hand in a map and Lambda hands in {@link System#getenv()}.
 */
public final class Env {

    private final Map<String, String> values;

    private Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment, as Lambda sets it. */
    public static Env system() {
        return new Env(System.getenv());
    }

    public static Env of(Map<String, String> values) {
        return new Env(values);
    }

    /** A variable the function cannot work without: absent or blank fails with its name. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new WebexdevException(name + " is not set"));
    }

    /** A variable that may be absent; a blank value counts as absent. */
    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String orDefault(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int intOrDefault(String name, int fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed <= 0) {
                throw new NumberFormatException("not positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new WebexdevException(name + " must be a positive whole number, got '" + value.get() + "'");
        }
    }

    /** An absolute http(s) URL, from the variable or its default. */
    public URI url(String name, String fallback) {
        String raw = orDefault(name, fallback);
        try {
            URI uri = URI.create(raw);
            if (uri.getHost() == null || !(raw.startsWith("http://") || raw.startsWith("https://"))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new WebexdevException(name + " is not a valid http(s) URL: '" + raw + "'");
        }
    }

    /**
     * The zone of "local time" (docs/behaviour.md#time): {@code TZ} as an IANA name. Lambda's reserved default
     * is {@code :UTC}; the POSIX leading colon is accepted. Absent means UTC.
     */
    public ZoneId zone() {
        Optional<String> tz = optional(EnvVars.TZ).map(z -> z.startsWith(":") ? z.substring(1) : z);
        if (tz.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz.get());
        } catch (DateTimeException e) {
            throw new WebexdevException("TZ '" + tz.get() + "' is not a known time zone (use an IANA name such as Asia/Tokyo)");
        }
    }
}
