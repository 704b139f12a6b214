package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code webexdev-status}, written by the status function, scanned by the dashboard: one item
 * per feed entry, keyed by its title. {@code URL} and {@code Status} keep the original's names.
 */
public final class StatusTable {

    public static final String TITLE = "title";
    public static final String URL = "URL";
    public static final String STATUS = "Status";
    /** ISO-8601 UTC. */
    public static final String PUBLISHED = "published";
    /** TTL; also the dashboard's "last seen": {@code expiresAt} minus the retention. */
    public static final String EXPIRES_AT = "expiresAt";

    /** Items nobody has seen in the feed for this long expire. */
    public static final Duration RETENTION = Duration.ofDays(30);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-status", EnvVars.DYNAMODB_TABLENAME,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_STATUS), TableSchema.s(TITLE), Optional.empty(), List.of(),
            EXPIRES_AT, RETENTION);

    private StatusTable() {
    }
}
