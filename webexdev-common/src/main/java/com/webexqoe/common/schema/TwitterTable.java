package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code webexdev-twitter}, written by the twitterapi function, read by the dashboard through
 * {@code byDay}: one item per post, keyed by post id (the original keyed on the second and lost
 * posts made in the same second); {@code datetime} is the local time as the number yyyyMMddHHmmss.
 */
public final class TwitterTable {

    public static final String TWEET_ID = "tweetid";
    public static final String DATETIME = "datetime";
    public static final String UNIXTIME = "unixtime";
    public static final String TEXT = "text";
    public static final String SENTIMENT = "Sentiment";
    /** Map of Comprehend's scores: {@link #POSITIVE}, {@link #NEGATIVE}, {@link #NEUTRAL}, {@link #MIXED}. */
    public static final String SENTIMENT_SCORE = "SentimentScore";
    /** List of maps {@link #LANGUAGE_CODE_FIELD} / {@link #SCORE}, as Comprehend names them. */
    public static final String LANGUAGE_CODE = "language_code";
    public static final String DAY = "day";
    public static final String EXPIRES_AT = "expiresAt";

    public static final String POSITIVE = "Positive";
    public static final String NEGATIVE = "Negative";
    public static final String NEUTRAL = "Neutral";
    public static final String MIXED = "Mixed";
    public static final String LANGUAGE_CODE_FIELD = "LanguageCode";
    public static final String SCORE = "Score";

    public static final String BY_DAY = "byDay";
    /** Recent search only reaches 7 days back, so older posts are of no use. */
    public static final Duration RETENTION = Duration.ofDays(7);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-twitter", EnvVars.DYNAMODB_TABLENAME,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_TWITTER), TableSchema.s(TWEET_ID), Optional.empty(),
            List.of(new TableSchema.Index(BY_DAY, TableSchema.s(DAY), TableSchema.n(DATETIME))), EXPIRES_AT, RETENTION);

    private TwitterTable() {
    }
}
