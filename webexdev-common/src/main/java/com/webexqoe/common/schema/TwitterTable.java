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

    /*
     * The X API bookkeeping of the twitterapi function (docs/webexdev-twitterapi.md#read-budget): two kinds of
     * item that are no post. Their TWEET_ID values are no snowflake (post ids are digits only) and they carry
     * no DAY, so the byDay index, which the page reads posts through, never holds them.
     */
    /** Key prefix of the reads counter of one UTC day: {@code x-reads#2026-12-03}. */
    public static final String READS_KEY_PREFIX = "x-reads#";
    /** Key of the one search-state item (newest post read, last X error). */
    public static final String SEARCH_STATE_KEY = "x-search-state";
    /** Counter item: posts read that UTC day (number, grown by an atomic ADD). */
    public static final String READS = "reads";
    /** Counter item: X_DAILY_READ_BUDGET when it was last counted against (number). */
    public static final String BUDGET = "budget";
    /** Counter item: epoch seconds of the first run that day that could not fit its reads into the budget. */
    public static final String BUDGET_REACHED_AT = "budgetReachedAt";
    /** Counter item: Comprehend units (100 characters, 3 at least, per document and call) spent that UTC day. */
    public static final String COMPREHEND_UNITS = "comprehendUnits";
    /** Search state: id of the newest post read (the next search's {@code since_id}). */
    public static final String NEWEST_ID = "newestId";
    /** Search state: epoch seconds of that post's {@code created_at} (since_id must lie within recent search's 7 days). */
    public static final String NEWEST_AT = "newestAt";
    /** Search state: the named refusal of X's last answer (402/403/429/453), removed by the next search that works. */
    public static final String X_ERROR = "xError";
    /** Search state: epoch seconds of that answer. */
    public static final String X_ERROR_AT = "xErrorAt";

    public static final String BY_DAY = "byDay";
    /** Recent search only reaches 7 days back, so older posts are of no use. */
    public static final Duration RETENTION = Duration.ofDays(7);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-twitter", EnvVars.DYNAMODB_TABLENAME,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_TWITTER), TableSchema.s(TWEET_ID), Optional.empty(),
            List.of(new TableSchema.Index(BY_DAY, TableSchema.s(DAY), TableSchema.n(DATETIME))), EXPIRES_AT, RETENTION);

    /** The counter item's key for a UTC day ({@code yyyy-MM-dd}). */
    public static String readsKey(java.time.LocalDate utcDay) {
        return READS_KEY_PREFIX + utcDay;
    }

    private TwitterTable() {
    }
}
