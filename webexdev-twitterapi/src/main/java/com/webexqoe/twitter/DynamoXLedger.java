package com.webexqoe.twitter;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.schema.TwitterTable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/**
 * {@link XLedger} in the twitter table (docs/webexdev-twitterapi.md#read-budget): the counter item
 * {@code x-reads#<UTC day>} and the item {@code x-search-state}. Neither has a {@code day}, so the
 * {@code byDay} index never holds them. Both are read in the one BatchGetItem the function already
 * may make; every write is an UpdateItem (the counter grows by {@code ADD}, which DynamoDB applies
 * atomically), the one right this bookkeeping adds to the function's role.
 */
public record DynamoXLedger(DynamoDbClient client, DynamoTable table) implements XLedger {

    /** A counter outlives its day by two, so the page still finds yesterday's in any time zone. */
    static final Duration COUNTER_TTL = Duration.ofDays(3);

    static Map<String, AttributeValue> counterKey(LocalDate utcDay) {
        return Map.of(TwitterTable.TWEET_ID, s(TwitterTable.readsKey(utcDay)));
    }

    static Map<String, AttributeValue> stateKey() {
        return Map.of(TwitterTable.TWEET_ID, s(TwitterTable.SEARCH_STATE_KEY));
    }

    @Override
    public Today read(Instant now) {
        LocalDate day = XLedger.utcDay(now);
        List<Map<String, AttributeValue>> items = table.getAll(List.of(counterKey(day), stateKey()));
        Map<String, AttributeValue> counter = Map.of();
        Map<String, AttributeValue> state = Map.of();
        for (Map<String, AttributeValue> item : items) {
            String key = item.get(TwitterTable.TWEET_ID).s();
            if (key.equals(TwitterTable.SEARCH_STATE_KEY)) {
                state = item;
            } else {
                counter = item;
            }
        }
        Map<String, AttributeValue> stateItem = state;
        Optional<Newest> newest = Optional.ofNullable(stateItem.get(TwitterTable.NEWEST_ID)).map(AttributeValue::s)
                .flatMap(id -> number(stateItem, TwitterTable.NEWEST_AT).map(at -> new Newest(id, Instant.ofEpochSecond(at))));
        return new Today(day, number(counter, TwitterTable.READS).orElse(0L),
                number(counter, TwitterTable.COMPREHEND_UNITS).orElse(0L),
                number(counter, TwitterTable.BUDGET_REACHED_AT).map(Instant::ofEpochSecond), newest);
    }

    @Override
    public boolean reserve(int reads, int budget, Instant now) {
        Map<String, String> names = Map.of("#reads", TwitterTable.READS, "#budget", TwitterTable.BUDGET,
                "#exp", TwitterTable.EXPIRES_AT);
        Map<String, AttributeValue> values = Map.of(":n", n(reads), ":room", n(budget - reads), ":budget", n(budget),
                ":exp", n(counterExpiry(now)));
        try {
            update(UpdateItemRequest.builder().tableName(table.name()).key(counterKey(XLedger.utcDay(now)))
                    .updateExpression("ADD #reads :n SET #budget = :budget, #exp = :exp")
                    .conditionExpression("attribute_not_exists(#reads) OR #reads <= :room")
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException full) {
            return false;
        }
    }

    @Override
    public long settle(int reserved, int read, Instant now) {
        UpdateItemResponse response = update(UpdateItemRequest.builder().tableName(table.name())
                .key(counterKey(XLedger.utcDay(now)))
                .updateExpression("ADD #reads :delta SET #exp = :exp")
                .expressionAttributeNames(Map.of("#reads", TwitterTable.READS, "#exp", TwitterTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":delta", n(read - reserved), ":exp", n(counterExpiry(now))))
                .returnValues(ReturnValue.UPDATED_NEW).build());
        return number(response.attributes(), TwitterTable.READS).orElse(0L);
    }

    @Override
    public void spent(long comprehendUnits, Instant now) {
        if (comprehendUnits <= 0) {
            return;
        }
        update(UpdateItemRequest.builder().tableName(table.name()).key(counterKey(XLedger.utcDay(now)))
                .updateExpression("ADD #units :units SET #exp = :exp")
                .expressionAttributeNames(Map.of("#units", TwitterTable.COMPREHEND_UNITS, "#exp", TwitterTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":units", n(comprehendUnits), ":exp", n(counterExpiry(now)))).build());
    }

    @Override
    public void budgetReached(Instant now) {
        update(UpdateItemRequest.builder().tableName(table.name()).key(counterKey(XLedger.utcDay(now)))
                .updateExpression("SET #reached = if_not_exists(#reached, :now), #exp = :exp")
                .expressionAttributeNames(Map.of("#reached", TwitterTable.BUDGET_REACHED_AT, "#exp", TwitterTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()), ":exp", n(counterExpiry(now)))).build());
    }

    @Override
    public void searched(Optional<Newest> newest, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#err", TwitterTable.X_ERROR, "#errAt", TwitterTable.X_ERROR_AT,
                "#exp", TwitterTable.EXPIRES_AT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":exp", n(TwitterTable.SCHEMA.expiresAt(now))));
        StringBuilder set = new StringBuilder("SET #exp = :exp");
        newest.ifPresent(post -> {
            names.put("#id", TwitterTable.NEWEST_ID);
            names.put("#at", TwitterTable.NEWEST_AT);
            values.put(":id", s(post.id()));
            values.put(":at", n(post.postedAt().getEpochSecond()));
            set.append(", #id = :id, #at = :at");
        });
        update(UpdateItemRequest.builder().tableName(table.name()).key(stateKey())
                .updateExpression(set + " REMOVE #err, #errAt")
                .expressionAttributeNames(names).expressionAttributeValues(values).build());
    }

    @Override
    public void refused(String xError, Instant now) {
        update(UpdateItemRequest.builder().tableName(table.name()).key(stateKey())
                .updateExpression("SET #err = :err, #errAt = :now, #exp = :exp")
                .expressionAttributeNames(Map.of("#err", TwitterTable.X_ERROR, "#errAt", TwitterTable.X_ERROR_AT,
                        "#exp", TwitterTable.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":err", s(xError), ":now", n(now.getEpochSecond()),
                        ":exp", n(TwitterTable.SCHEMA.expiresAt(now)))).build());
    }

    private static long counterExpiry(Instant now) {
        return XLedger.utcDay(now).plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(COUNTER_TTL)
                .getEpochSecond();
    }

    private UpdateItemResponse update(UpdateItemRequest request) {
        return named(() -> client.updateItem(request));
    }

    /** Like the table's own reads: a missing table or an unreachable DynamoDB is named. */
    private <T> T named(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            throw new WebexdevException("DynamoDB table " + table.name() + " does not exist: " + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkClientException e) {
            throw new WebexdevException("DynamoDB table " + table.name() + " unreachable: " + e.getMessage(), e);
        }
    }

    private static Optional<Long> number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item == null ? null : item.get(name);
        if (value == null || value.n() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new java.math.BigDecimal(value.n()).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
