package com.webexqoe.mtgquality;

import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.dynamo.AttributeValues;
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
 * Table {@code webexdev-mtgquality} (docs/behaviour.md#mtgquality): key {@code meetingid} + {@code useremail};
 * {@code jointime}, {@code leavetime}, {@code serverregion}, {@code networktype} as Webex wrote
 * them (absent when the record has none: {@code jointime} is a key of the {@code byUser} index,
 * which takes no empty strings); {@code items}, the whole record with exact numbers; the TTL
 * {@code expiresAt}, 90 days.
 */
public record DynamoQualityStore(DynamoTable table) implements QualityStore {

    static final Duration RETENTION = QualityTable.RETENTION;

    @Override
    public void saveAll(List<ParticipantQuality> records, Instant readAt) {
        if (!records.isEmpty()) {
            table.putAll(records.stream().map(record -> item(record, readAt)).toList());
        }
    }

    /** An item of the table's shape made of constants, for SnapStart priming of the writes. */
    public static Map<String, AttributeValue> primingItem() {
        return Map.of(QualityTable.MEETING_ID, s("priming"), QualityTable.USER_EMAIL, s("priming@example.com"),
                QualityTable.JOIN_TIME, s("2000-01-01T00:00:00Z"), QualityTable.EXPIRES_AT, n(0));
    }

    public static Map<String, AttributeValue> item(ParticipantQuality record, Instant readAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(QualityTable.MEETING_ID, s(record.meetingId()));
        item.put(QualityTable.USER_EMAIL, s(record.userKey()));
        record.joinTime().ifPresent(value -> item.put(QualityTable.JOIN_TIME, s(value)));
        record.leaveTime().ifPresent(value -> item.put(QualityTable.LEAVE_TIME, s(value)));
        record.serverRegion().ifPresent(value -> item.put(QualityTable.SERVER_REGION, s(value)));
        record.networkType().ifPresent(value -> item.put(QualityTable.NETWORK_TYPE, s(value)));
        item.put(QualityTable.ITEMS, AttributeValues.fromJson(record.record()));
        item.put(QualityTable.EXPIRES_AT, n(QualityTable.SCHEMA.expiresAt(readAt)));
        return item;
    }
}
