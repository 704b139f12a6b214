package com.webexqoe.twitter;

import java.time.Instant;
import java.util.Optional;

/**
 * One post found by the search, whichever API version found it.
 *
 * @param id        the post id (a snowflake, as text: it is the table's key)
 * @param text      the whole text: v2's {@code note_tweet.text} for a long post, v1.1's {@code full_text}
 * @param createdAt when it was posted
 * @param lang      the language X reports (BCP 47, {@code und} when X could not tell), when it reports one
 */
public record Post(String id, String text, Instant createdAt, Optional<String> lang) {
}
