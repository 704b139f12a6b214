package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code webexdev-te-polling}, written by the te function's poll, read by the dashboard through
 * {@code byDay}: one item per poll, keyed by local {@code yyyy-MM-dd'T'HH:mm:ss}; per-agent rows
 * of ThousandEyes metrics.
 */
public final class PollingTable {

    public static final String DATETIME = "datetime";
    public static final String DAY = "day";
    /** Per-agent network metrics (list of maps). */
    public static final String METRICS = "metrics";
    /** Per-agent HTTP server results (list of maps). */
    public static final String RESPONSE = "response";
    public static final String EXPIRES_AT = "expiresAt";

    // Fields of the rows that the dashboard averages (ThousandEyes API v7 test results).
    public static final String AVG_LATENCY = "avgLatency";
    public static final String LOSS = "loss";
    public static final String JITTER = "jitter";
    public static final String RESPONSE_TIME = "responseTime";

    public static final String BY_DAY = "byDay";
    public static final Duration RETENTION = Duration.ofDays(30);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-te-polling", EnvVars.DYNAMODB_TABLENAME_PO,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_TEPOLLING), TableSchema.s(DATETIME), Optional.empty(),
            List.of(new TableSchema.Index(BY_DAY, TableSchema.s(DAY), TableSchema.s(DATETIME))), EXPIRES_AT, RETENTION);

    private PollingTable() {
    }
}
