package com.webexqoe.te.alert;

import com.webexqoe.common.schema.AlertTable;
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
 * Table {@code webexdev-te} (docs/behaviour.md#te-webhook): key {@code eventid} + {@code datetime}, the receive time.
 * Because the sort key is the receive time, a conditional put of the alert item cannot see a
 * redelivery; so each notification first claims a marker item {@code eventid} + {@link #DELIVERY_MARK}
 * with {@code attribute_not_exists}. The marker has no {@code day}, so the {@code byDay} index (what
 * the dashboard reads) never shows it.
 */
public record DynamoAlertStore(DynamoTable table, LocalTimes times) implements AlertStore {

    static final Duration RETENTION = AlertTable.RETENTION;
    /** The marker's sort key: not a time, and sorts before every time of its event. */
    public static final String DELIVERY_MARK = "#delivery";

    @Override
    public boolean claim(String eventId, Instant receivedAt) {
        Map<String, AttributeValue> marker = new LinkedHashMap<>();
        marker.put(AlertTable.EVENT_ID, s(eventId));
        marker.put(AlertTable.DATETIME, s(DELIVERY_MARK));
        marker.put(AlertTable.RECEIVED_AT, s(times.format(receivedAt, LocalTimes.MILLIS)));
        marker.put(AlertTable.EXPIRES_AT, n(AlertTable.SCHEMA.expiresAt(receivedAt)));
        return table.putIfAbsent(marker, AlertTable.EVENT_ID);
    }

    @Override
    public void save(Alert alert, Instant receivedAt) {
        table.put(item(alert, receivedAt, times));
    }

    @Override
    public void release(String eventId) {
        table.delete(Map.of(AlertTable.EVENT_ID, s(eventId), AlertTable.DATETIME, s(DELIVERY_MARK)));
    }

    /** An item of the table's shape made of constants, for SnapStart priming of the writes. */
    public static Map<String, AttributeValue> primingItem() {
        return Map.of(AlertTable.EVENT_ID, s("priming"), AlertTable.DATETIME, s("2000-01-01T00:00:00.000"),
                AlertTable.DAY, s("2000-01-01"), AlertTable.EXPIRES_AT, n(0));
    }

    public static Map<String, AttributeValue> item(Alert alert, Instant receivedAt, LocalTimes times) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(AlertTable.EVENT_ID, s(alert.eventId()));
        item.put(AlertTable.DATETIME, s(times.format(receivedAt, LocalTimes.MILLIS)));
        alert.alertId().ifPresent(id -> item.put(AlertTable.ALERT_ID, s(id)));
        alert.type().ifPresent(type -> item.put(AlertTable.TYPE, s(type)));
        alert.active().ifPresent(active -> item.put(AlertTable.ACTIVE, AttributeValues.fromJson(active)));
        item.put(AlertTable.AGENT_NAME, strings(alert.agentNames()));
        item.put(AlertTable.METRIC, strings(alert.metrics()));
        alert.ruleExpression().ifPresent(rule -> item.put(AlertTable.RULE_EXPRESSION, s(rule)));
        alert.ruleName().ifPresent(name -> item.put(AlertTable.RULE_NAME, s(name)));
        alert.testName().ifPresent(name -> item.put(AlertTable.TEST_NAME, s(name)));
        if (alert.agentAlert()) {
            item.put(AlertTable.AGENT_ALERT, AttributeValue.builder().bool(true).build());
        }
        item.put(AlertTable.ITEMS, AttributeValue.builder().m(AttributeValues.fromJsonObject(alert.body())).build());
        item.put(AlertTable.DAY, s(times.day(receivedAt)));
        item.put(AlertTable.EXPIRES_AT, n(AlertTable.SCHEMA.expiresAt(receivedAt)));
        return item;
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.builder().l(values.stream().map(AttributeValues::s).toList()).build();
    }
}
