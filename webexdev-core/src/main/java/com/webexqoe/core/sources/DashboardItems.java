package com.webexqoe.core.sources;

import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TwitterTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import com.webexqoe.common.time.LocalTimes;

/**
 * The other functions' items (docs/behaviour.md#tables) as the dashboard's records. Tolerant by design:
 * a missing attribute, a number stored as a string or a boolean stored as a number never fails
 * the page; an item without the one attribute that makes it meaningful (a time) is skipped.
 */
public final class DashboardItems {

    /** The status function's TTL: {@code expiresAt} = last seen + the status table's retention. */
    static final long STATUS_RETENTION_SECONDS = StatusTable.RETENTION.toSeconds();

    private final ZoneId zone;

    public DashboardItems(ZoneId zone) {
        this.zone = zone;
    }

    public Optional<StatusItem> status(Map<String, AttributeValue> item) {
        Optional<String> title = text(item, StatusTable.TITLE);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> published = text(item, StatusTable.PUBLISHED).flatMap(DashboardItems::instant);
        Optional<Instant> lastSeen = number(item, StatusTable.EXPIRES_AT)
                .map(expires -> Instant.ofEpochSecond((long) expires.getAsDouble() - STATUS_RETENTION_SECONDS));
        return Optional.of(new StatusItem(title.get(), text(item, StatusTable.URL), text(item, StatusTable.STATUS).orElse("unknown"),
                published, lastSeen, api(title.get(), item)));
    }

    /** The JSON API's part of an {@code api:} item; an item without a kind or name stays a plain status item. */
    private static Optional<CiscoApiItem> api(String title, Map<String, AttributeValue> item) {
        if (!title.startsWith(StatusTable.API_PREFIX)) {
            return Optional.empty();
        }
        Optional<String> kind = text(item, StatusTable.KIND);
        Optional<String> name = text(item, StatusTable.NAME).or(() -> text(item, StatusTable.DESCRIPTION));
        if (kind.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CiscoApiItem(kind.get(), name.get(), text(item, StatusTable.GROUP), text(item, StatusTable.IMPACT),
                strings(item, StatusTable.COMPONENTS), text(item, StatusTable.LOCATIONS),
                text(item, StatusTable.UPDATED).flatMap(DashboardItems::instant),
                text(item, StatusTable.SCHEDULED_FOR).flatMap(DashboardItems::instant),
                text(item, StatusTable.SCHEDULED_UNTIL).flatMap(DashboardItems::instant)));
    }

    public Optional<Alert> alert(Map<String, AttributeValue> item) {
        Optional<Instant> at = text(item, AlertTable.DATETIME).flatMap(value -> local(value, LocalTimes.MILLIS)
                .or(() -> local(value, LocalTimes.SECONDS)));
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alert(text(item, AlertTable.EVENT_ID).orElse(""), at.get(), text(item, AlertTable.TYPE).orElse("alert"),
                active(item.get(AlertTable.ACTIVE)), strings(item, AlertTable.AGENT_NAME), strings(item, AlertTable.METRIC),
                text(item, AlertTable.TEST_NAME).orElse(""), text(item, AlertTable.RULE_EXPRESSION).orElse(""),
                text(item, AlertTable.ALERT_ID).filter(id -> !id.isBlank()),
                Optional.ofNullable(item.get(AlertTable.AGENT_ALERT)).map(AttributeValue::bool).orElse(false)));
    }

    public Optional<Post> post(Map<String, AttributeValue> item) {
        Optional<Instant> at = number(item, TwitterTable.DATETIME)
                .flatMap(value -> local(String.format(Locale.ROOT, "%.0f", value.getAsDouble()), LocalTimes.COMPACT))
                .or(() -> number(item, TwitterTable.UNIXTIME).map(value -> Instant.ofEpochSecond((long) value.getAsDouble())));
        if (at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Post(text(item, TwitterTable.TWEET_ID).orElse(""), at.get(), text(item, TwitterTable.TEXT).orElse(""),
                Post.Sentiment.of(text(item, TwitterTable.SENTIMENT).orElse(null))));
    }

    public Optional<PollSample> poll(Map<String, AttributeValue> item) {
        Optional<Instant> at = text(item, PollingTable.DATETIME).flatMap(value -> local(value, LocalTimes.SECONDS));
        if (at.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, AttributeValue>> metrics = maps(item, PollingTable.METRICS);
        List<Map<String, AttributeValue>> responses = maps(item, PollingTable.RESPONSE);
        return Optional.of(new PollSample(at.get(), mean(metrics, PollingTable.AVG_LATENCY), mean(metrics, PollingTable.LOSS),
                mean(metrics, PollingTable.JITTER), mean(responses, PollingTable.RESPONSE_TIME)));
    }

    public Optional<QualityRecord> quality(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> record = Optional.ofNullable(item.get(QualityTable.ITEMS))
                .filter(AttributeValue::hasM).map(AttributeValue::m).orElse(Map.of());
        Map<QualityRecord.Stream, QualityRecord.StreamSample> streams = new EnumMap<>(QualityRecord.Stream.class);
        for (QualityRecord.Stream stream : QualityRecord.Stream.values()) {
            streams.put(stream, latestSample(record.get(stream.field())));
        }
        return Optional.of(new QualityRecord(text(item, QualityTable.MEETING_ID).orElse(""), text(item, QualityTable.USER_EMAIL).orElse(""),
                text(item, QualityTable.JOIN_TIME).flatMap(DashboardItems::instant),
                text(item, QualityTable.NETWORK_TYPE).or(() -> text(record, "networkType")).orElse(""),
                text(item, QualityTable.SERVER_REGION).or(() -> text(record, "serverRegion")).orElse(""), streams));
    }

    /** The last interval of the last media session of a stream (its newest sample). */
    static QualityRecord.StreamSample latestSample(AttributeValue sessions) {
        if (sessions == null || !sessions.hasL() || sessions.l().isEmpty() || !sessions.l().get(sessions.l().size() - 1).hasM()) {
            return new QualityRecord.StreamSample(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), Optional.empty());
        }
        Map<String, AttributeValue> session = sessions.l().get(sessions.l().size() - 1).m();
        return new QualityRecord.StreamSample(last(session.get("latency")), last(session.get("jitter")),
                last(session.get("packetLoss")), last(session.get("mediaBitRate")),
                text(session, "endTime").flatMap(DashboardItems::instant));
    }

    // ---- tolerant attribute reading -----------------------------------------------------------

    static Optional<String> text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.s() != null ? value.s() : value.n();
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    static Optional<OptionalDouble> number(Map<String, AttributeValue> item, String name) {
        OptionalDouble value = number(item.get(name));
        return value.isPresent() ? Optional.of(value) : Optional.empty();
    }

    /** A number stored as N, or as S holding a number. */
    static OptionalDouble number(AttributeValue value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        String text = value.n() != null ? value.n() : value.s();
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = new BigDecimal(text.trim()).doubleValue();
            return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** {@code active}: 1 = trigger (docs/behaviour.md#te-webhook); BOOL true or S "1"/"true" are accepted too. */
    static boolean active(AttributeValue value) {
        if (value == null) {
            return false;
        }
        if (value.bool() != null) {
            return value.bool();
        }
        String text = value.n() != null ? value.n() : value.s();
        if (text == null) {
            return false;
        }
        String trimmed = text.trim();
        return "true".equalsIgnoreCase(trimmed) || number(value).orElse(0) == 1;
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return List.of();
        }
        if (value.hasL()) {
            List<String> result = new ArrayList<>();
            for (AttributeValue element : value.l()) {
                String text = element.s() != null ? element.s() : element.n();
                if (text != null && !text.isBlank()) {
                    result.add(text);
                }
            }
            return result;
        }
        if (value.hasSs()) {
            return value.ss();
        }
        return value.s() == null ? List.of() : List.of(value.s());
    }

    static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().filter(AttributeValue::hasM).map(AttributeValue::m).toList();
    }

    static OptionalDouble mean(List<Map<String, AttributeValue>> rows, String name) {
        return rows.stream().map(row -> number(row.get(name))).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
    }

    static OptionalDouble last(AttributeValue list) {
        if (list == null) {
            return OptionalDouble.empty();
        }
        if (!list.hasL()) {
            return number(list);
        }
        for (int i = list.l().size() - 1; i >= 0; i--) {
            OptionalDouble value = number(list.l().get(i));
            if (value.isPresent()) {
                return value;
            }
        }
        return OptionalDouble.empty();
    }

    Optional<Instant> local(String value, DateTimeFormatter format) {
        try {
            return Optional.of(LocalDateTime.parse(value, format).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> instant(String value) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }
}
