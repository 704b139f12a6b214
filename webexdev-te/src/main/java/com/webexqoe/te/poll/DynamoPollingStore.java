package com.webexqoe.te.poll;

import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.dynamo.DynamoTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/** Table {@code webexdev-te-polling}: key {@code datetime}; lists of maps with exact numbers. */
public record DynamoPollingStore(DynamoTable table) implements PollingStore {

    @Override
    public void save(PollingRecord record) {
        table.put(item(record));
    }

    /** An item of the table's shape made of constants, for SnapStart priming of the writes. */
    public static Map<String, AttributeValue> primingItem() {
        return Map.of(PollingTable.DATETIME, s("2000-01-01T00:00:00"), PollingTable.DAY, s("2000-01-01"),
                PollingTable.EXPIRES_AT, n(0));
    }

    public static Map<String, AttributeValue> item(PollingRecord record) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PollingTable.DATETIME, s(record.datetime()));
        item.put(PollingTable.DAY, s(record.day()));
        record.metrics().ifPresent(rows -> item.put(PollingTable.METRICS,
                AttributeValue.builder().l(rows.stream().map(AttributeValues::fromJson).toList()).build()));
        record.responses().ifPresent(rows -> item.put(PollingTable.RESPONSE,
                AttributeValue.builder().l(rows.stream().map(AttributeValues::fromJson).toList()).build()));
        item.put(PollingTable.EXPIRES_AT, n(record.expiresAt()));
        return item;
    }
}
