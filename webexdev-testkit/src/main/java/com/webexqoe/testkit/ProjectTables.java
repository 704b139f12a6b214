package com.webexqoe.testkit;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's five tables as SPEC section 5 defines them (keys, time-keyed indexes,
 * on-demand billing), for the stand-ins. The SAM template holds the production definition;
 * TTL is set there only, because dynalite has no {@code UpdateTimeToLive}.
 */
public enum ProjectTables {

    STATUS("webexdev-status", key("title", "S"), null, null),
    TE("webexdev-te", key("eventid", "S"), key("datetime", "S"), index("byDay", key("day", "S"), key("datetime", "S"))),
    TE_POLLING("webexdev-te-polling", key("datetime", "S"), null, index("byDay", key("day", "S"), key("datetime", "S"))),
    TWITTER("webexdev-twitter", key("tweetid", "S"), null, index("byDay", key("day", "S"), key("datetime", "N"))),
    MTGQUALITY("webexdev-mtgquality", key("meetingid", "S"), key("useremail", "S"),
            index("byUser", key("useremail", "S"), key("jointime", "S")));

    private record Key(String name, String type) {
    }

    private record Index(String name, Key partition, Key sort) {
    }

    private final String tableName;
    private final Key partition;
    private final Key sort;
    private final Index index;

    ProjectTables(String tableName, Key partition, Key sort, Index index) {
        this.tableName = tableName;
        this.partition = partition;
        this.sort = sort;
        this.index = index;
    }

    public String tableName() {
        return tableName;
    }

    public CreateTableRequest createRequest() {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        addKey(partition, KeyType.HASH, attributes, keys);
        addKey(sort, KeyType.RANGE, attributes, keys);
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys);
        if (index != null) {
            List<KeySchemaElement> indexKeys = new ArrayList<>();
            addKey(index.partition(), KeyType.HASH, attributes, indexKeys);
            addKey(index.sort(), KeyType.RANGE, attributes, indexKeys);
            request.globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(indexKeys)
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        }
        request.attributeDefinitions(attributes.entrySet().stream()
                .map(a -> AttributeDefinition.builder().attributeName(a.getKey())
                        .attributeType(ScalarAttributeType.fromValue(a.getValue())).build())
                .toList());
        return request.build();
    }

    private static void addKey(Key key, KeyType type, Map<String, String> attributes, List<KeySchemaElement> keys) {
        if (key == null) {
            return;
        }
        attributes.put(key.name(), key.type());
        keys.add(KeySchemaElement.builder().attributeName(key.name()).keyType(type).build());
    }

    private static Key key(String name, String type) {
        return new Key(name, type);
    }

    private static Index index(String name, Key partition, Key sort) {
        return new Index(name, partition, sort);
    }
}
