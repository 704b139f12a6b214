package com.webexqoe.core;

import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.ProjectItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The testkit's items in the other functions' formats, under the name the core's tests use. */
public final class SeedItems extends ProjectItems {

    public SeedItems(ZoneId zone) {
        super(zone);
    }

    /**
     * An item of the status function's JSON-API snapshot (docs/behaviour.md#status-api), as
     * {@code DynamoStatusStore.apiItem} writes it; {@code extra} are attribute name / value pairs.
     */
    public Map<String, AttributeValue> api(String kind, String id, String name, String status, Instant seenAt, String... extra) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(StatusTable.TITLE, s(kind.equals(StatusTable.KIND_SUMMARY) ? StatusTable.API_SUMMARY_TITLE : StatusTable.apiTitle(kind, id)));
        item.put(StatusTable.KIND, s(kind));
        item.put(StatusTable.NAME, s(name));
        item.put(StatusTable.STATUS, s(status));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            item.put(extra[i], extra[i].equals(StatusTable.COMPONENTS)
                    ? l(Arrays.stream(extra[i + 1].split("\\|")).map(ProjectItems::s).toArray(AttributeValue[]::new))
                    : s(extra[i + 1]));
        }
        item.put(StatusTable.EXPIRES_AT, n(seenAt.plus(StatusTable.RETENTION).getEpochSecond()));
        return item;
    }
}
