package com.webexqoe.te;

import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.dynamo.DynamoTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/** Table {@code webexdev-te-polling}: key {@code datetime}; lists of maps with exact numbers. */
public final class DynamoPollingStore implements PollingStore {

    private final DynamoTable table;

    public DynamoPollingStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void save(PollingRecord record) {
        table.put(item(record));
    }

    static Map<String, AttributeValue> item(PollingRecord record) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("datetime", s(record.datetime()));
        item.put("day", s(record.day()));
        record.metrics().ifPresent(rows -> item.put("metrics",
                AttributeValue.builder().l(rows.stream().map(AttributeValues::fromJson).toList()).build()));
        record.responses().ifPresent(rows -> item.put("response",
                AttributeValue.builder().l(rows.stream().map(AttributeValues::fromJson).toList()).build()));
        item.put("expiresAt", n(record.expiresAt()));
        return item;
    }
}
