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

    // ---- items from Cisco's status JSON API (docs/behaviour.md#status-api) -------------------
    // Titles start with API_PREFIX, so they never collide with feed titles; each run replaces the
    // whole set (an item Cisco no longer lists is deleted). URL, Status and published as above.

    /** Every API item's title starts with this. */
    public static final String API_PREFIX = "api:";
    /** The rolled-up indicator and its description: one item. */
    public static final String API_SUMMARY_TITLE = API_PREFIX + "summary";
    /** What an API item is: one of the {@code KIND_*} values. */
    public static final String KIND = "kind";
    public static final String KIND_SUMMARY = "summary";
    public static final String KIND_COMPONENT = "component";
    public static final String KIND_INCIDENT = "incident";
    public static final String KIND_MAINTENANCE = "maintenance";
    /** The component's, incident's or maintenance's name as Cisco writes it. */
    public static final String NAME = "name";
    /** A component's group name (absent for a top-level component). */
    public static final String GROUP = "group";
    /** An incident's or maintenance's impact (none, minor, major, critical, maintenance). */
    public static final String IMPACT = "impact";
    /** L of S: the names of the components an incident or maintenance affects. */
    public static final String COMPONENTS = "components";
    /** Where the incident says it happens (Webex's {@code locations}; free text). */
    public static final String LOCATIONS = "locations";
    /** ISO-8601 UTC: the last update of the incident, maintenance or component. */
    public static final String UPDATED = "updated";
    /** ISO-8601 UTC: when a maintenance starts and ends. */
    public static final String SCHEDULED_FOR = "scheduledFor";
    public static final String SCHEDULED_UNTIL = "scheduledUntil";
    /** The summary's {@code status.indicator} and {@code status.description}. */
    public static final String INDICATOR = "indicator";
    public static final String DESCRIPTION = "description";

    public static String apiTitle(String kind, String id) {
        return API_PREFIX + kind + ":" + id;
    }

    /** Items nobody has seen in the feed for this long expire. */
    public static final Duration RETENTION = Duration.ofDays(30);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-status", EnvVars.DYNAMODB_TABLENAME,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_STATUS), TableSchema.s(TITLE), Optional.empty(), List.of(),
            EXPIRES_AT, RETENTION);

    private StatusTable() {
    }
}
