package com.webexqoe.status;

import com.webexqoe.common.schema.StatusTable;
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
 * Table {@code webexdev-status} (docs/behaviour.md#status): key {@code title}; {@code URL} and {@code Status} as the
 * original named them; {@code published} (ISO-8601 UTC) and the TTL {@code expiresAt} are new.
 */
public final class DynamoStatusStore implements StatusStore {

    /** Items nobody has seen in the feed for this long expire (DynamoDB TTL). */
    static final Duration RETENTION = StatusTable.RETENTION;

    private final DynamoTable table;

    public DynamoStatusStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void saveAll(List<StatusEntry> entries, Instant seenAt) {
        table.putAll(entries.stream().map(entry -> item(entry, seenAt)).toList());
    }

    /** An item of the table's shape made of constants, for SnapStart priming of the writes. */
    public static Map<String, AttributeValue> primingItem() {
        return item(new StatusEntry("Priming", java.util.Optional.of("https://status.webex.com/"), "resolved",
                java.util.Optional.of(Instant.parse("2000-01-01T00:00:00Z"))), Instant.EPOCH);
    }

    public static Map<String, AttributeValue> item(StatusEntry entry, Instant seenAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(StatusTable.TITLE, s(entry.title()));
        entry.link().ifPresent(link -> item.put(StatusTable.URL, s(link)));
        item.put(StatusTable.STATUS, s(entry.status()));
        entry.published().ifPresent(published -> item.put(StatusTable.PUBLISHED, s(published.toString())));
        item.put(StatusTable.EXPIRES_AT, n(StatusTable.SCHEMA.expiresAt(seenAt)));
        return item;
    }
}
