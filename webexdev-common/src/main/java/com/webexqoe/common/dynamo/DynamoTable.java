package com.webexqoe.common.dynamo;

import com.webexqoe.common.WebexdevException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** One DynamoDB table: the reads and writes the functions use, nothing more. */
public final class DynamoTable {

    /** BatchWriteItem takes at most 25 requests (DynamoDB API reference, BatchWriteItem). */
    static final int BATCH_LIMIT = 25;
    private static final int UNPROCESSED_ROUNDS = 5;

    private final DynamoDbClient client;
    private final String name;

    public DynamoTable(DynamoDbClient client, String name) {
        this.client = client;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void put(Map<String, AttributeValue> item) {
        named(() -> client.putItem(request -> request.tableName(name).item(item)));
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
        for (int round = 0; round < UNPROCESSED_ROUNDS; round++) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = named(() -> client.batchWriteItem(r -> r.requestItems(request)));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            pending = response.unprocessedItems();
            pause(50L << round);
        }
        throw new WebexdevException("table " + name + " left "
                + pending.getOrDefault(name, List.of()).size() + " items unprocessed after "
                + UNPROCESSED_ROUNDS + " rounds (throttled)");
    }

    public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = named(() -> client.getItem(GetItemRequest.builder().tableName(name).key(key).consistentRead(true).build()));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /** Every item, following pagination (for small tables only: the status feed's few dozen items). */
    public List<Map<String, AttributeValue>> scanAll() {
        return named(() -> client.scanPaginator(ScanRequest.builder().tableName(name).build()).items().stream().toList());
    }

    /** Query, following pagination; the caller builds the key condition. */
    public List<Map<String, AttributeValue>> query(QueryRequest.Builder request) {
        return named(() -> client.queryPaginator(request.tableName(name).build()).items().stream().toList());
    }

    /** A missing table is a configuration mistake: say which table. */
    private <T> T named(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            throw new WebexdevException("DynamoDB table " + name + " does not exist (or its index is missing): "
                    + e.awsErrorDetails().errorMessage(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebexdevException("interrupted while retrying unprocessed items", e);
        }
    }
}
