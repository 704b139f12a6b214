package com.webexqoe.common.schema;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table's definition: its name (the local and test name; AWS names come from the template),
 * the variable the writer and the reader read it from, keys, indexes, the TTL attribute and how
 * long items live. The SAM template holds the production definition and a deploy test holds it to
 * this one; the stand-ins create their tables from {@link #createTableRequest()}.
 *
 * @param tableName      name of the table in the stand-ins (and in the original system)
 * @param writerVariable variable the writing function reads the name from
 * @param readerVariable variable the dashboard reads the name from (empty: the dashboard does not read it)
 * @param partitionKey   the hash key
 * @param sortKey        the range key, when the table has one
 * @param indexes        global secondary indexes, all projecting every attribute
 * @param ttlAttribute   attribute of the DynamoDB TTL (epoch seconds)
 * @param retention      how long an item lives after it was written
 */
public record TableSchema(String tableName, String writerVariable, Optional<String> readerVariable, Key partitionKey,
                          Optional<Key> sortKey, List<Index> indexes, String ttlAttribute, Duration retention) {

    /** DynamoDB's scalar key types used here. */
    public enum Type { S, N }

    /** A key attribute and its type. */
    public record Key(String name, Type type) {
    }

    /** A global secondary index (projection ALL). */
    public record Index(String name, Key partitionKey, Key sortKey) {
    }

    public TableSchema {
        indexes = List.copyOf(indexes);
    }

    /** The index named {@code name}. */
    public Index index(String name) {
        return indexes.stream().filter(index -> index.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(tableName + " has no index " + name));
    }

    /** The TTL value of an item written at {@code writtenAt}: epoch seconds, {@link #retention()} later. */
    public long expiresAt(Instant writtenAt) {
        return writtenAt.plus(retention).getEpochSecond();
    }

    /**
     * The CreateTable call for the stand-ins: keys, indexes, on-demand billing. TTL is not part of
     * CreateTable and dynalite has no {@code UpdateTimeToLive}; the template sets it in AWS.
     */
    public CreateTableRequest createTableRequest() {
        Map<String, Type> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        addKey(partitionKey, KeyType.HASH, attributes, keys);
        sortKey.ifPresent(key -> addKey(key, KeyType.RANGE, attributes, keys));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys);
        if (!indexes.isEmpty()) {
            List<GlobalSecondaryIndex> gsis = new ArrayList<>();
            for (Index index : indexes) {
                List<KeySchemaElement> indexKeys = new ArrayList<>();
                addKey(index.partitionKey(), KeyType.HASH, attributes, indexKeys);
                addKey(index.sortKey(), KeyType.RANGE, attributes, indexKeys);
                gsis.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(indexKeys)
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
            }
            request.globalSecondaryIndexes(gsis);
        }
        request.attributeDefinitions(attributes.entrySet().stream()
                .map(a -> AttributeDefinition.builder().attributeName(a.getKey())
                        .attributeType(ScalarAttributeType.fromValue(a.getValue().name())).build())
                .toList());
        return request.build();
    }

    private static void addKey(Key key, KeyType type, Map<String, Type> attributes, List<KeySchemaElement> keys) {
        Type known = attributes.putIfAbsent(key.name(), key.type());
        if (known != null && known != key.type()) {
            throw new IllegalStateException("attribute " + key.name() + " is both " + known + " and " + key.type());
        }
        keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(type).build());
    }

    static Key s(String name) {
        return new Key(name, Type.S);
    }

    static Key n(String name) {
        return new Key(name, Type.N);
    }
}
