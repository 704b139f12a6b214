package com.webexqoe.core.history;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.aws.PrimingGuard;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.schema.HealthTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history in the health table: PutItem of each run's item, BatchGetItem of the series items
 * (counted in the run's {@code itemsRead}), and a PutItem of today's series item conditional on
 * the version it read, so two overlapping runs cannot lose each other's point.
 */
public final class DynamoHealthHistoryStore implements HealthHistoryStore {

    private final DynamoDbClient client;
    private final DynamoTable table;

    public DynamoHealthHistoryStore(DynamoDbClient client, String table) {
        this.client = client;
        this.table = new DynamoTable(client, table);
    }

    @Override
    public String table() {
        return table.name();
    }

    @Override
    public void putRun(RunRecord run) {
        table.put(HealthTable.runItem(run.point(), run.fine(), run.verdict()));
    }

    @Override
    public List<SeriesDay> readDays(List<LocalDate> days) {
        List<Map<String, AttributeValue>> keys = days.stream().map(DynamoHealthHistoryStore::key).toList();
        return table.getAll(keys).stream().map(DynamoHealthHistoryStore::seriesDay).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<SeriesDay> readDay(LocalDate day) {
        return table.get(key(day)).flatMap(DynamoHealthHistoryStore::seriesDay);
    }

    @Override
    public boolean writeDay(SeriesDay day) {
        Map<String, AttributeValue> item = HealthTable.seriesItem(day.day(), day.slots(), day.version() + 1);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        String condition;
        if (day.version() == 0) {
            names.put("#pk", HealthTable.PK);
            condition = "attribute_not_exists(#pk)";
        } else {
            names.put("#version", HealthTable.SERIES_VERSION);
            values.put(":version", AttributeValues.n(day.version()));
            condition = "#version = :version";
        }
        try {
            client.putItem(r -> {
                r.tableName(table.name()).item(item).conditionExpression(condition).expressionAttributeNames(names);
                if (!values.isEmpty()) {
                    r.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException another) {
            return false;
        } catch (SdkException e) {
            throw new WebexdevException("DynamoDB table " + table.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * SnapStart priming: marshals and signs the series' BatchGetItem and a conditional PutItem of a
     * constant item through the real client, each stopped by {@code PrimingGuard} before it is sent.
     */
    public void prime() {
        Map<String, AttributeValue> key = key(LocalDate.EPOCH);
        PrimingGuard.prime("BatchGetItem " + table.name(), () -> client.batchGetItem(r -> r
                .requestItems(Map.of(table.name(), software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                        .keys(List.of(key)).build()))
                .overrideConfiguration(PrimingGuard.MARK)));
        PrimingGuard.prime("PutItem " + table.name(), () -> client.putItem(r -> r.tableName(table.name()).item(key)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", HealthTable.PK))
                .overrideConfiguration(PrimingGuard.MARK)));
    }

    @Override
    public DynamoTable.ReadCost readCost() {
        return table.readCost();
    }

    private static Map<String, AttributeValue> key(LocalDate day) {
        return HealthTable.seriesKey(day);
    }

    /** A series item as a day; a garbled slot is left out, a garbled key or version leaves the item out. */
    private static Optional<SeriesDay> seriesDay(Map<String, AttributeValue> item) {
        try {
            LocalDate day = LocalDate.parse(item.get(HealthTable.SK).s());
            long version = Optional.ofNullable(item.get(HealthTable.SERIES_VERSION)).map(v -> Long.parseLong(v.n())).orElse(0L);
            List<HealthTable.Slot> slots = new ArrayList<>();
            AttributeValue stored = item.get(HealthTable.SERIES_SLOTS);
            if (stored != null && stored.hasL()) {
                for (AttributeValue slot : stored.l()) {
                    if (slot.s() != null) {
                        HealthTable.Slot.decode(day, slot.s()).ifPresent(slots::add);
                    }
                }
            }
            return Optional.of(new SeriesDay(day, version, slots));
        } catch (RuntimeException garbled) {
            return Optional.empty();
        }
    }
}
