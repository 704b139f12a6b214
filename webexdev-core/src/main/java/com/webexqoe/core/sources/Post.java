package com.webexqoe.core.sources;

import java.time.Instant;

/** One post of {@code webexdev-twitter} (docs/behaviour.md#twitterapi) with Comprehend's sentiment. */
public record Post(String id, Instant postedAt, String text, Sentiment sentiment) {

    public enum Sentiment {
        POSITIVE, NEGATIVE, NEUTRAL, MIXED, UNKNOWN;

        static Sentiment of(String value) {
            if (value == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }
    }
}
