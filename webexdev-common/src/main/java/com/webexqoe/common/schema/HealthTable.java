package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code webexdev-health}, core's own table (optional: {@code DYNAMODB_TABLENAME_HEALTH} unset turns
 * health history and notifications off): generic {@code pk}/{@code sk}
 * items. A run record lives in partition {@code run#<yyyy-MM-dd>} (UTC day) with the ISO-8601
 * UTC instant as sort key, so one day's runs are one Query in time order; the notifier's state is
 * the single item {@code notify}/{@code state}.
 */
public final class HealthTable {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT = "expiresAt";

    public static final String RUN_PREFIX = "run#";
    public static final String NOTIFY_PK = "notify";
    public static final String NOTIFY_SK = "state";

    // The notify state item (docs/behaviour.md#core-notify). It has no expiresAt: it never expires.
    /** The last notified state, e.g. {@code fine:none}, {@code not-fine:webex-service}. */
    public static final String NOTIFY_STATE = "state";
    /** When the problem that the last message reported began (absent while fine with nothing located). */
    public static final String NOTIFY_PROBLEM_SINCE = "problemSince";
    /** When the last message was posted (the quiet period counts from here). */
    public static final String NOTIFY_LAST_POST_AT = "lastPostAt";
    /** Increases with each recorded post; a claim names the version it read. */
    public static final String NOTIFY_VERSION = "version";
    /** A run's claim to post (a random token) and when it was taken (epoch ms); removed when recorded or released. */
    public static final String NOTIFY_CLAIM_TOKEN = "claimToken";
    public static final String NOTIFY_CLAIMED_AT = "claimedAt";

    /** Run records are kept this long; the notify state is not given a TTL. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private static final DateTimeFormatter UTC_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-health", EnvVars.DYNAMODB_TABLENAME_HEALTH,
            Optional.empty(), TableSchema.s(PK), Optional.of(TableSchema.s(SK)), List.of(), EXPIRES_AT, RETENTION);

    private HealthTable() {
    }

    /** Partition of the run records of {@code at}'s UTC day. */
    public static String runPartition(Instant at) {
        return RUN_PREFIX + UTC_DAY.format(at);
    }

    /** Sort key of a run record: the instant, ISO-8601 UTC. */
    public static String runSortKey(Instant at) {
        return at.toString();
    }
}
