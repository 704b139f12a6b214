package com.webexqoe.te;

import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.time.LocalTimes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/**
 * Table {@code webexdev-te} (SPEC 4.2, 5): key {@code eventid} + {@code datetime}, the receive time.
 * Because the sort key is the receive time, a conditional put of the alert item cannot see a
 * redelivery; so each notification first claims a marker item {@code eventid} + {@link #DELIVERY_MARK}
 * with {@code attribute_not_exists}. The marker has no {@code day}, so the {@code byDay} index (what
 * the dashboard reads) never shows it.
 */
public final class DynamoAlertStore implements AlertStore {

    static final Duration RETENTION = Duration.ofDays(30);
    /** The marker's sort key: not a time, and sorts before every time of its event. */
    static final String DELIVERY_MARK = "#delivery";

    private final DynamoTable table;
    private final LocalTimes times;

    public DynamoAlertStore(DynamoTable table, LocalTimes times) {
        this.table = table;
        this.times = times;
    }

    @Override
    public boolean claim(String eventId, Instant receivedAt) {
        Map<String, AttributeValue> marker = new LinkedHashMap<>();
        marker.put("eventid", s(eventId));
        marker.put("datetime", s(DELIVERY_MARK));
        marker.put("receivedAt", s(times.format(receivedAt, LocalTimes.MILLIS)));
        marker.put("expiresAt", n(LocalTimes.expiresAt(receivedAt, RETENTION)));
        return table.putIfAbsent(marker, "eventid");
    }

    @Override
    public void save(Alert alert, Instant receivedAt) {
        table.put(item(alert, receivedAt, times));
    }

    @Override
    public void release(String eventId) {
        table.delete(Map.of("eventid", s(eventId), "datetime", s(DELIVERY_MARK)));
    }

    static Map<String, AttributeValue> item(Alert alert, Instant receivedAt, LocalTimes times) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        // The original wrote this attribute as "evnetid"; SPEC 5 names the key "eventid".
        item.put("eventid", s(alert.eventId()));
        item.put("datetime", s(times.format(receivedAt, LocalTimes.MILLIS)));
        alert.type().ifPresent(type -> item.put("type", s(type)));
        alert.active().ifPresent(active -> item.put("active", AttributeValues.fromJson(active)));
        item.put("agentName", strings(alert.agentNames()));
        item.put("metric", strings(alert.metrics()));
        alert.ruleExpression().ifPresent(rule -> item.put("ruleExpression", s(rule)));
        alert.testName().ifPresent(name -> item.put("testName", s(name)));
        item.put("items", AttributeValue.builder().m(AttributeValues.fromJsonObject(alert.body())).build());
        item.put("day", s(times.day(receivedAt)));
        item.put("expiresAt", n(LocalTimes.expiresAt(receivedAt, RETENTION)));
        return item;
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.builder().l(values.stream().map(AttributeValues::s).toList()).build();
    }
}
