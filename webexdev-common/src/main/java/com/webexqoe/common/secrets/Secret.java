package com.webexqoe.common.secrets;

import com.webexqoe.common.WebexdevException;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A JSON secret: its text values by key, and the document exactly as Secrets Manager holds it
 * (so a write-back keeps numbers, arrays, nulls and unknown keys). {@link #toString()} names
 * the keys only: no secret value ever reaches a log line or an exception message.
 *
 * @param values text of every non-null top-level field (numbers and booleans as their JSON text)
 * @param json   the whole secret string, as read
 */
public record Secret(String name, Map<String, String> values, String json) {

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
