package com.webexqoe.mtgquality;

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
 * Table {@code webexdev-mtgquality} (SPEC 4.4 and 5): key {@code meetingid} + {@code useremail};
 * {@code jointime}, {@code leavetime}, {@code serverregion}, {@code networktype} as Webex wrote
 * them (absent when the record has none: {@code jointime} is a key of the {@code byUser} index,
 * which takes no empty strings); {@code items}, the whole record with exact numbers; the TTL
 * {@code expiresAt}, 90 days.
 */
public final class DynamoQualityStore implements QualityStore {

    static final Duration RETENTION = Duration.ofDays(90);

    private final DynamoTable table;

    public DynamoQualityStore(DynamoTable table) {
        this.table = table;
    }

    @Override
    public void saveAll(List<ParticipantQuality> records, Instant readAt) {
        if (!records.isEmpty()) {
            table.putAll(records.stream().map(record -> item(record, readAt)).toList());
        }
    }

    static Map<String, AttributeValue> item(ParticipantQuality record, Instant readAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("meetingid", s(record.meetingId()));
        item.put("useremail", s(record.userKey()));
        record.joinTime().ifPresent(value -> item.put("jointime", s(value)));
        record.leaveTime().ifPresent(value -> item.put("leavetime", s(value)));
        record.serverRegion().ifPresent(value -> item.put("serverregion", s(value)));
        record.networkType().ifPresent(value -> item.put("networktype", s(value)));
        item.put("items", AttributeValues.fromJson(record.record()));
        item.put("expiresAt", n(LocalTimes.expiresAt(readAt, RETENTION)));
        return item;
    }
}
