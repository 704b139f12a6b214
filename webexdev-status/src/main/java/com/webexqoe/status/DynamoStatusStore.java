package com.webexqoe.status;

import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.dynamo.DynamoTable;
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
 * original named them; {@code published} (ISO-8601 UTC) and the TTL {@code expiresAt} are new. The JSON
 * API's items (docs/behaviour.md#status-api) share the table under {@code api:} titles.
 */
public record DynamoStatusStore(DynamoTable table) implements StatusStore {

    /** Items nobody has seen in the feed for this long expire (DynamoDB TTL). */
    static final Duration RETENTION = StatusTable.RETENTION;

    @Override
    public void saveAll(List<StatusEntry> entries, Instant seenAt) {
        table.putAll(entries.stream().map(entry -> item(entry, seenAt)).toList());
    }

    @Override
    public int replaceApiSnapshot(List<ApiItem> items, Instant seenAt) {
        // Put first, delete after: a run that stops half-way leaves an old item too many, never one too few.
        table.putAll(items.stream().map(item -> apiItem(item, seenAt)).toList());
        java.util.Set<String> current = items.stream().map(ApiItem::title).collect(java.util.stream.Collectors.toSet());
        int deleted = 0;
        for (Map<String, AttributeValue> stored : table.scanAll()) {
            AttributeValue title = stored.get(StatusTable.TITLE);
            if (title != null && title.s() != null && title.s().startsWith(StatusTable.API_PREFIX) && !current.contains(title.s())) {
                table.delete(Map.of(StatusTable.TITLE, s(title.s())));
                deleted++;
            }
        }
        return deleted;
    }

    public static Map<String, AttributeValue> apiItem(ApiItem api, Instant seenAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(StatusTable.TITLE, s(api.title()));
        item.put(StatusTable.KIND, s(api.kind()));
        item.put(StatusTable.NAME, s(api.name()));
        item.put(StatusTable.STATUS, s(api.status()));
        if (api.kind().equals(StatusTable.KIND_SUMMARY)) {
            item.put(StatusTable.INDICATOR, s(api.status()));
            item.put(StatusTable.DESCRIPTION, s(api.name()));
        }
        api.group().ifPresent(group -> item.put(StatusTable.GROUP, s(group)));
        api.impact().ifPresent(impact -> item.put(StatusTable.IMPACT, s(impact)));
        if (!api.components().isEmpty()) {
            item.put(StatusTable.COMPONENTS, AttributeValue.fromL(api.components().stream().map(name -> s(name)).toList()));
        }
        api.locations().ifPresent(locations -> item.put(StatusTable.LOCATIONS, s(locations)));
        api.url().ifPresent(url -> item.put(StatusTable.URL, s(url)));
        api.published().ifPresent(at -> item.put(StatusTable.PUBLISHED, s(at.toString())));
        api.updated().ifPresent(at -> item.put(StatusTable.UPDATED, s(at.toString())));
        api.scheduledFor().ifPresent(at -> item.put(StatusTable.SCHEDULED_FOR, s(at.toString())));
        api.scheduledUntil().ifPresent(at -> item.put(StatusTable.SCHEDULED_UNTIL, s(at.toString())));
        item.put(StatusTable.EXPIRES_AT, n(StatusTable.SCHEMA.expiresAt(seenAt)));
        return item;
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
