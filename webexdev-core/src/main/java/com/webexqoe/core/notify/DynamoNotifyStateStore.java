package com.webexqoe.core.notify;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.schema.HealthTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The notify state as the single item {@code notify}/{@code state} of the health table, with
 * conditional writes (GetItem, UpdateItem). The item has no {@code expiresAt}: it never expires.
 * {@code claimedAt} is epoch milliseconds (a number), so that "older than" compares as numbers.
 */
public record DynamoNotifyStateStore(DynamoDbClient client, String table) implements NotifyStateStore {

    private static final Map<String, AttributeValue> KEY = Map.of(
            HealthTable.PK, AttributeValues.s(HealthTable.NOTIFY_PK),
            HealthTable.SK, AttributeValues.s(HealthTable.NOTIFY_SK));

    @Override
    public NotifyRecord read() {
        Map<String, AttributeValue> item = call("read the notify state", () ->
                client.getItem(r -> r.tableName(table).key(KEY).consistentRead(true)).item());
        if (item == null || item.isEmpty()) {
            return NotifyRecord.NONE;
        }
        return new NotifyRecord(NotifyState.parse(text(item, HealthTable.NOTIFY_STATE).orElse(null)),
                instant(item, HealthTable.NOTIFY_PROBLEM_SINCE), instant(item, HealthTable.NOTIFY_LAST_POST_AT),
                Optional.ofNullable(item.get(HealthTable.NOTIFY_VERSION)).map(v -> Long.parseLong(v.n())).orElse(0L),
                Optional.ofNullable(item.get(HealthTable.NOTIFY_CLAIMED_AT)).map(v -> Instant.ofEpochMilli(Long.parseLong(v.n()))));
    }

    @Override
    public Optional<String> claim(NotifyRecord read, Instant now, Instant staleBefore) {
        String token = UUID.randomUUID().toString();
        Map<String, String> names = new HashMap<>(Map.of("#token", HealthTable.NOTIFY_CLAIM_TOKEN,
                "#at", HealthTable.NOTIFY_CLAIMED_AT, "#version", HealthTable.NOTIFY_VERSION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":token", AttributeValues.s(token),
                ":now", AttributeValues.n(now.toEpochMilli()), ":stale", AttributeValues.n(staleBefore.toEpochMilli())));
        String sameVersion;
        if (read.version() == 0) {
            sameVersion = "attribute_not_exists(#version)";
        } else {
            sameVersion = "#version = :version";
            values.put(":version", AttributeValues.n(read.version()));
        }
        try {
            call("claim the notification", () -> client.updateItem(r -> r.tableName(table).key(KEY)
                    .updateExpression("SET #token = :token, #at = :now")
                    .conditionExpression(sameVersion + " AND (attribute_not_exists(#token) OR #at < :stale)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
            return Optional.of(token);
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    @Override
    public void record(String token, NotifyState state, Optional<Instant> problemSince, Instant postedAt) {
        Map<String, String> names = new HashMap<>(Map.of("#token", HealthTable.NOTIFY_CLAIM_TOKEN,
                "#at", HealthTable.NOTIFY_CLAIMED_AT, "#version", HealthTable.NOTIFY_VERSION,
                "#state", HealthTable.NOTIFY_STATE, "#posted", HealthTable.NOTIFY_LAST_POST_AT,
                "#since", HealthTable.NOTIFY_PROBLEM_SINCE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":token", AttributeValues.s(token),
                ":state", AttributeValues.s(state.key()), ":posted", AttributeValues.s(postedAt.toString()),
                ":zero", AttributeValues.n(0), ":one", AttributeValues.n(1)));
        String set = "SET #state = :state, #posted = :posted, #version = if_not_exists(#version, :zero) + :one";
        String remove = " REMOVE #token, #at";
        if (problemSince.isPresent()) {
            set += ", #since = :since";
            values.put(":since", AttributeValues.s(problemSince.get().toString()));
        } else {
            remove += ", #since";
        }
        String expression = set + remove;
        try {
            call("record the notification", () -> client.updateItem(r -> r.tableName(table).key(KEY)
                    .updateExpression(expression).conditionExpression("#token = :token")
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException lost) {
            throw new WebexdevException("notify state in " + table + ": the claim was taken over before the post was "
                    + "recorded (the run took longer than the claim's lifetime); the message was posted");
        }
    }

    @Override
    public void release(String token) {
        try {
            call("release the notification claim", () -> client.updateItem(r -> r.tableName(table).key(KEY)
                    .updateExpression("REMOVE #token, #at").conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#token", HealthTable.NOTIFY_CLAIM_TOKEN, "#at", HealthTable.NOTIFY_CLAIMED_AT))
                    .expressionAttributeValues(Map.of(":token", AttributeValues.s(token)))));
        } catch (ConditionalCheckFailedException alreadyGone) {
            // Another run took the claim over after it went stale: nothing of ours is left to release.
        }
    }

    private <T> T call(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException condition) {
            throw condition;
        } catch (SdkException e) {
            throw new WebexdevException("DynamoDB table " + table + ": could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        try {
            return text(item, name).map(Instant::parse);
        } catch (DateTimeParseException garbled) {
            return Optional.empty();
        }
    }
}
