package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.AttributeValues;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code webexdev-health}, core's own table (optional: {@code DYNAMODB_TABLENAME_HEALTH} unset turns
 * health history and notifications off): generic {@code pk}/{@code sk}
 * items. A run record lives in partition {@code run#<yyyy-MM-dd>} (UTC day) with the ISO-8601
 * UTC instant as sort key, so one day's runs are one Query in time order; the notifier's state is
 * the single item {@code notify}/{@code state}. The 7-day chart's series is kept beside them, one
 * item per UTC day ({@code series}/{@code <yyyy-MM-dd>}) holding the minimum of each 15-minute slot
 * (docs/webexdev-core.md "Health history"), so a render reads eight small items, never the runs.
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

    // A run record (pk run#<UTC day>, sk the instant): the score, its terms, the verdict, where, home.
    /** The score, 100 + T + N + S (number). */
    public static final String RUN_HEALTH = "health";
    /** T, N and S, the terms of the score (numbers). */
    public static final String RUN_SOCIAL = "social";
    public static final String RUN_PATH = "path";
    public static final String RUN_SERVICE = "service";
    /** The verdict by the score rule (≥ 70, boolean) and the headline the page showed (text). */
    public static final String RUN_FINE = "fine";
    public static final String RUN_VERDICT = "verdict";
    /** The "where" location as a key: {@code none}, {@code home}, {@code internet-path}, {@code webex-service}. */
    public static final String RUN_WHERE = "where";
    /** The home verdict: {@code good}, {@code poor}, {@code no-data}. */
    public static final String RUN_HOME = "home";

    // A series item (pk series, sk <yyyy-MM-dd> UTC): the slot minimums of that day.
    public static final String SERIES_PK = "series";
    /** One text per slot that has a run ({@link Slot#encode()}), in slot order. */
    public static final String SERIES_SLOTS = "slots";
    /** Increases with each write; a write names the version it read (two runs never lose each other's point). */
    public static final String SERIES_VERSION = "version";
    /** The series' slots: UTC-aligned, epoch floored to 15 minutes. */
    public static final Duration SLOT = Duration.ofMinutes(15);
    /**
     * A series item expires this long after its day began: the 7-day window touches the day that
     * began up to 8 days ago, a day more is the margin of DynamoDB's lazy TTL.
     */
    public static final Duration SERIES_RETENTION = Duration.ofDays(9);

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

    /** Sort key of the series item of {@code day} (UTC). */
    public static String seriesSortKey(LocalDate day) {
        return day.toString();
    }

    /** The UTC day of {@code at}. */
    public static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The start of {@code at}'s slot: epoch seconds floored to {@link #SLOT}. */
    public static Instant slotStart(Instant at) {
        long slot = SLOT.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), slot) * slot);
    }

    /** TTL of the series item of {@code day}: {@link #SERIES_RETENTION} after the day began. */
    public static long seriesExpiresAt(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(SERIES_RETENTION).getEpochSecond();
    }

    /**
     * One slot of a series item: the run with the lowest score in the slot and its terms, so that
     * {@code health = 100 + social + path + service} holds for every point drawn.
     *
     * @param slotStart start of the slot (UTC-aligned)
     * @param at        when the run ran
     * @param home      {@code good}, {@code poor}, {@code no-data}
     * @param where     {@code none}, {@code home}, {@code internet-path}, {@code webex-service}
     */
    public record Slot(Instant slotStart, Instant at, BigDecimal health, BigDecimal social, BigDecimal path,
                       BigDecimal service, String home, String where) {

        private static final Pattern KEY = Pattern.compile("[a-z-]{1,24}");

        public Slot {
            if (!KEY.matcher(home).matches() || !KEY.matcher(where).matches()) {
                throw new IllegalArgumentException("home and where are lower-case keys: " + home + ", " + where);
            }
        }

        /**
         * {@code <slot of the day>|<run epoch ms>|<health>|<T>|<N>|<S>|<home>|<where>}, e.g.
         * {@code 47|1795834980000|80|0|0|-20|good|webex-service}: about 45 bytes, 96 a day.
         */
        public String encode() {
            long ofDay = Math.floorMod(slotStart.getEpochSecond(), Duration.ofDays(1).getSeconds()) / SLOT.getSeconds();
            return ofDay + "|" + at.toEpochMilli() + "|" + health.toPlainString() + "|" + social.toPlainString() + "|"
                    + path.toPlainString() + "|" + service.toPlainString() + "|" + home + "|" + where;
        }

        /** The slot {@code text} encodes, in the series item of {@code day}; empty when it is garbled. */
        public static Optional<Slot> decode(LocalDate day, String text) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 8) {
                return Optional.empty();
            }
            try {
                int ofDay = Integer.parseInt(parts[0]);
                if (ofDay < 0 || ofDay >= Duration.ofDays(1).dividedBy(SLOT)) {
                    return Optional.empty();
                }
                Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(SLOT.multipliedBy(ofDay));
                return Optional.of(new Slot(start, Instant.ofEpochMilli(Long.parseLong(parts[1])), new BigDecimal(parts[2]),
                        new BigDecimal(parts[3]), new BigDecimal(parts[4]), new BigDecimal(parts[5]), parts[6], parts[7]));
            } catch (IllegalArgumentException | java.time.DateTimeException garbled) {
                return Optional.empty();
            }
        }
    }

    /**
     * A run record as stored: the run's point (its terms, where, home), the verdict by the score
     * rule and its wording, kept {@link #RETENTION}. The one mapping core, the demo seeder and the
     * bench all write.
     */
    public static Map<String, AttributeValue> runItem(Slot point, boolean fine, String verdict) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, AttributeValues.s(runPartition(point.at())));
        item.put(SK, AttributeValues.s(runSortKey(point.at())));
        item.put(RUN_HEALTH, AttributeValues.n(point.health()));
        item.put(RUN_SOCIAL, AttributeValues.n(point.social()));
        item.put(RUN_PATH, AttributeValues.n(point.path()));
        item.put(RUN_SERVICE, AttributeValues.n(point.service()));
        item.put(RUN_FINE, AttributeValue.builder().bool(fine).build());
        item.put(RUN_VERDICT, AttributeValues.s(verdict));
        item.put(RUN_WHERE, AttributeValues.s(point.where()));
        item.put(RUN_HOME, AttributeValues.s(point.home()));
        item.put(EXPIRES_AT, AttributeValues.n(SCHEMA.expiresAt(point.at())));
        return item;
    }

    /** The key of a day's series item. */
    public static Map<String, AttributeValue> seriesKey(LocalDate day) {
        return Map.of(PK, AttributeValues.s(SERIES_PK), SK, AttributeValues.s(seriesSortKey(day)));
    }

    /** A day's series item with these slot minimums, at this version, kept {@link #SERIES_RETENTION} after the day. */
    public static Map<String, AttributeValue> seriesItem(LocalDate day, Collection<Slot> slots, long version) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(seriesKey(day));
        item.put(SERIES_SLOTS, AttributeValue.builder().l(slots.stream().map(slot -> AttributeValues.s(slot.encode())).toList()).build());
        item.put(SERIES_VERSION, AttributeValues.n(version));
        item.put(EXPIRES_AT, AttributeValues.n(seriesExpiresAt(day)));
        return item;
    }
}
