package com.webexqoe.common.dynamo;

import com.webexqoe.common.aws.PrimingGuard;
import com.webexqoe.common.WebexdevException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import software.amazon.awssdk.core.exception.SdkClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** One DynamoDB table: the reads and writes the functions use, nothing more. */
public final class DynamoTable {

    /** Waits between rounds of unprocessed items; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** What the reads of this table cost so far (items returned, read capacity units consumed). */
    public record ReadCost(long items, double capacityUnits) {
    }

    /** BatchWriteItem takes at most 25 requests (DynamoDB API reference, BatchWriteItem). */
    static final int BATCH_LIMIT = 25;
    /** BatchGetItem takes at most 100 keys (DynamoDB API reference, BatchGetItem). */
    static final int GET_BATCH_LIMIT = 100;
    static final int UNPROCESSED_ROUNDS = 5;
    private static final int SCAN_PAGE = 0; // 0: DynamoDB's own page size (1 MB)

    private final DynamoDbClient client;
    private final String name;
    private final Sleeper sleeper;
    private final LongAdder itemsRead = new LongAdder();
    private final DoubleAdder capacityRead = new DoubleAdder();

    public DynamoTable(DynamoDbClient client, String name, Sleeper sleeper) {
        this.client = client;
        this.name = name;
        this.sleeper = sleeper;
    }

    public DynamoTable(DynamoDbClient client, String name) {
        this(client, name, Thread::sleep);
    }

    public String name() {
        return name;
    }

    public void put(Map<String, AttributeValue> item) {
        named(null, () -> client.putItem(request -> request.tableName(name).item(item)));
    }

    /**
     * Puts the item only if no item with its key exists ({@code attribute_not_exists} on the
     * partition key); false when one does.
     */
    public boolean putIfAbsent(Map<String, AttributeValue> item, String partitionKeyName) {
        try {
            named(null, () -> client.putItem(request -> request.tableName(name).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", partitionKeyName))));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public void delete(Map<String, AttributeValue> key) {
        named(null, () -> client.deleteItem(request -> request.tableName(name).key(key)));
    }

    /**
     * Puts many items in batches of 25, resubmitting what DynamoDB reports as unprocessed
     * (throttling). Items must have distinct keys: one batch may not hold a key twice.
     */
    public void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_LIMIT) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + BATCH_LIMIT))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            writeBatch(batch);
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(name, batch);
        for (int round = 1; ; round++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = named(null, () -> client.batchWriteItem(r -> r.requestItems(request)));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            pending = response.unprocessedItems();
            if (round == UNPROCESSED_ROUNDS) {
                throw new WebexdevException("table " + name + " left "
                        + pending.getOrDefault(name, List.of()).size() + " items unprocessed after "
                        + UNPROCESSED_ROUNDS + " rounds (throttled)");
            }
            pause(50L << (round - 1));
        }
    }

    public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = named(null, () -> client.getItem(GetItemRequest.builder().tableName(name).key(key)
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build()));
        count(response.hasItem() && !response.item().isEmpty() ? 1 : 0, response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** The items that exist among {@code keys} (BatchGetItem, 100 keys a call, unprocessed keys retried). */
    public List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += GET_BATCH_LIMIT) {
            Map<String, KeysAndAttributes> pending = Map.of(name,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + GET_BATCH_LIMIT))).build());
            for (int round = 1; ; round++) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = named(null, () -> client.batchGetItem(r -> r.requestItems(request)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)));
                List<Map<String, AttributeValue>> items = response.responses().getOrDefault(name, List.of());
                found.addAll(items);
                itemsRead.add(items.size());
                response.consumedCapacity().forEach(c -> capacityRead.add(orZero(c.capacityUnits())));
                if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                    break;
                }
                pending = response.unprocessedKeys();
                if (round == UNPROCESSED_ROUNDS) {
                    throw new WebexdevException("table " + name + " left keys unread after "
                            + UNPROCESSED_ROUNDS + " rounds (throttled)");
                }
                pause(50L << (round - 1));
            }
        }
        return found;
    }

    /** Every item, following pagination (for small tables only: the status feed's few dozen items). */
    public List<Map<String, AttributeValue>> scanAll() {
        return scanAll(SCAN_PAGE);
    }

    /** Every item, {@code pageSize} items a request (0: DynamoDB's default page). */
    List<Map<String, AttributeValue>> scanAll(int pageSize) {
        ScanRequest.Builder request = ScanRequest.builder().tableName(name).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (pageSize > 0) {
            request.limit(pageSize);
        }
        return named(null, () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (ScanResponse page : client.scanPaginator(request.build())) {
                items.addAll(page.items());
                count(page.items().size(), page.consumedCapacity());
            }
            return items;
        });
    }

    /** The items the query describes, following pagination up to its limit. */
    public List<Map<String, AttributeValue>> query(KeyQuery query) {
        if (query.partitionName() == null) {
            throw new IllegalArgumentException("a query needs a partition key value");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", query.partitionName());
        values.put(":pk", query.partitionValue());
        StringBuilder condition = new StringBuilder("#pk = :pk");
        query.sort().ifPresent(range -> {
            names.put("#sk", range.name());
            range.from().ifPresent(v -> values.put(":from", v));
            range.to().ifPresent(v -> values.put(":to", v));
            if (range.from().isPresent() && range.to().isPresent()) {
                condition.append(" AND #sk BETWEEN :from AND :to");
            } else if (range.from().isPresent()) {
                condition.append(" AND #sk >= :from");
            } else if (range.to().isPresent()) {
                condition.append(" AND #sk <= :to");
            }
        });
        QueryRequest.Builder request = QueryRequest.builder().tableName(name)
                .keyConditionExpression(condition.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(!query.descending())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        query.index().ifPresent(request::indexName);
        query.limit().ifPresent(request::limit);
        int max = query.limit().orElse(Integer.MAX_VALUE);
        return named(query.index().orElse(null), () -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (QueryResponse page : client.queryPaginator(request.build())) {
                count(page.items().size(), page.consumedCapacity());
                for (Map<String, AttributeValue> item : page.items()) {
                    if (items.size() >= max) {
                        return items;
                    }
                    items.add(item);
                }
                if (items.size() >= max) {
                    return items;
                }
            }
            return items;
        });
    }

    /** Items returned and read capacity consumed by this table's reads since it was made. */
    public ReadCost readCost() {
        return new ReadCost(itemsRead.sum(), capacityRead.sum());
    }

    private void count(int items, ConsumedCapacity capacity) {
        itemsRead.add(items);
        if (capacity != null) {
            capacityRead.add(orZero(capacity.capacityUnits()));
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** A missing table or index is a configuration mistake: say which. */
    private <T> T named(String index, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            throw new WebexdevException("DynamoDB table " + name + " does not exist: " + e.awsErrorDetails().errorMessage(), e);
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
            if (index != null && e.statusCode() == 400 && String.valueOf(e.awsErrorDetails().errorMessage()).contains("index")) {
                throw new WebexdevException("DynamoDB table " + name + " has no index " + index + ": "
                        + e.awsErrorDetails().errorMessage(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            // Unreachable, hung or refusing: the SDK's message names neither the service nor the table.
            throw new WebexdevException("DynamoDB table " + name + " unreachable: " + e.getMessage(), e);
        }
    }

    private void pause(long millis) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebexdevException("interrupted while retrying unprocessed items of table " + name, e);
        }
    }

    /**
     * SnapStart priming of the writes: marshals and signs a PutItem and a BatchWriteItem of
     * {@code sample} (an item of the table's shape, made of constants) through the real client,
     * each stopped by {@code PrimingGuard} before it is sent: nothing is written.
     */
    public void primeWrites(Map<String, AttributeValue> sample) {
        PrimingGuard.prime("PutItem " + name, () -> client.putItem(r -> r.tableName(name).item(sample)
                .overrideConfiguration(PrimingGuard.MARK)));
        PrimingGuard.prime("BatchWriteItem " + name, () -> client.batchWriteItem(r -> r
                .requestItems(Map.of(name, List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(sample).build())
                        .build())))
                .overrideConfiguration(PrimingGuard.MARK)));
    }

    /**
     * SnapStart priming of the reads: marshals and signs the Query of {@code query}'s partition
     * (a Scan when {@code query} is null) through the real client, stopped by {@code PrimingGuard}
     * before it is sent: nothing is read.
     */
    public void primeReads(KeyQuery query) {
        if (query == null) {
            PrimingGuard.prime("Scan " + name, () -> client.scan(r -> r.tableName(name)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).overrideConfiguration(PrimingGuard.MARK)));
            return;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.put("#pk", query.partitionName());
        values.put(":pk", query.partitionValue());
        PrimingGuard.prime("Query " + name, () -> client.query(r -> {
            r.tableName(name).keyConditionExpression("#pk = :pk").expressionAttributeNames(names)
                    .expressionAttributeValues(values).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                    .overrideConfiguration(PrimingGuard.MARK);
            query.index().ifPresent(r::indexName);
        }));
    }
}
