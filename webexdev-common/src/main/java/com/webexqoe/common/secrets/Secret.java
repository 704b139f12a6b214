package com.webexqoe.common.secrets;

import com.webexqoe.common.WebexdevException;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A JSON secret's key/value pairs. {@link #toString()} names the keys only: no secret value
 * ever reaches a log line or an exception message.
 */
public record Secret(String name, Map<String, String> values) {

    public Secret {
        values = Map.copyOf(values);
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new WebexdevException("secret " + name + " has no value for key " + key));
    }

    public Optional<String> optional(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "Secret[" + name + ", keys=" + new TreeSet<>(values.keySet()) + "]";
    }
}
