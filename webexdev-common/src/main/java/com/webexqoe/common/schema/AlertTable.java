package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code webexdev-te}, written by the te function's webhook, read by the dashboard through
 * {@code byDay}: one item per alert notification, keyed by event id and receive time (local
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSS}).
 */
public final class AlertTable {

    /** The original wrote this attribute as "evnetid"; the key is "eventid". */
    public static final String EVENT_ID = "eventid";
    public static final String DATETIME = "datetime";
    /** Local {@code yyyy-MM-dd} of {@link #DATETIME}: the {@code byDay} partition. */
    public static final String DAY = "day";
    public static final String TYPE = "type";
    public static final String ACTIVE = "active";
    public static final String AGENT_NAME = "agentName";
    public static final String METRIC = "metric";
    public static final String RULE_EXPRESSION = "ruleExpression";
    public static final String TEST_NAME = "testName";
    /** The whole notification as a map. */
    public static final String ITEMS = "items";
    /** On the delivery marker only: when the notification was first claimed. */
    public static final String RECEIVED_AT = "receivedAt";
    /**
     * The alert's own id, as text (a UUID, or a number in older classic notifications): a trigger and
     * its clear share it (docs/behaviour.md#core-score). Absent when the notification carries none.
     */
    public static final String ALERT_ID = "alertId";
    /** The alert rule's name ({@code alert.ruleName}; custom webhook: {@code alert.rule.name}). */
    public static final String RULE_NAME = "ruleName";
    /** BOOL, true on a notification about an agent itself (offline, say): stored and shown, never scored. */
    public static final String AGENT_ALERT = "agentAlert";
    public static final String EXPIRES_AT = "expiresAt";

    public static final String BY_DAY = "byDay";
    public static final Duration RETENTION = Duration.ofDays(30);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-te", EnvVars.DYNAMODB_TABLENAME,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_TE), TableSchema.s(EVENT_ID), Optional.of(TableSchema.s(DATETIME)),
            List.of(new TableSchema.Index(BY_DAY, TableSchema.s(DAY), TableSchema.s(DATETIME))), EXPIRES_AT, RETENTION);

    /** Type of {@link #ALERT_ID}: a string. */
    public static final TableSchema.Type ALERT_ID_TYPE = TableSchema.Type.S;

    private AlertTable() {
    }
}
