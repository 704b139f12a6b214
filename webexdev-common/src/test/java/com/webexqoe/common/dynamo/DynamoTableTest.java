package com.webexqoe.common.dynamo;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.ProjectTables;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;
import static org.assertj.core.api.Assertions.assertThat;

class DynamoTableTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    private DynamoTable status;
    private DynamoTable polling;

    @BeforeEach
    void tables() {
        dynamo.create(ProjectTables.STATUS);
        dynamo.create(ProjectTables.TE_POLLING);
        var client = DynamoClients.create(AwsClientSettings.fromEnv(Env.of(StandInEnv.create().dynamoDb(dynamo.endpoint()).toMap())));
        status = new DynamoTable(client, ProjectTables.STATUS.tableName());
        polling = new DynamoTable(client, ProjectTables.TE_POLLING.tableName());
    }

    @Test
    void putAllWritesMoreThanOneBatchAndScanAllPagesThroughThem() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Map.of("title", s("incident " + i), "Status", s("resolved"), "expiresAt", n(1_800_000_000L + i)));
        }

        status.putAll(items);

        List<Map<String, AttributeValue>> stored = status.scanAll();
        assertThat(stored).hasSize(60);
        assertThat(status.get(Map.of("title", s("incident 42")))).get()
                .satisfies(item -> assertThat(item.get("expiresAt").n()).isEqualTo("1800000042"));
        assertThat(status.get(Map.of("title", s("never stored")))).isEmpty();
    }

    @Test
    void queriesATimeKeyedIndexNewestFirst() {
        polling.put(Map.of("datetime", s("2026-11-26T23:45:00"), "day", s("2026-11-26")));
        polling.put(Map.of("datetime", s("2026-11-27T00:00:00"), "day", s("2026-11-27")));
        polling.put(Map.of("datetime", s("2026-11-27T00:15:00"), "day", s("2026-11-27")));

        List<Map<String, AttributeValue>> today = polling.query(QueryRequest.builder()
                .indexName("byDay")
                .keyConditionExpression("#day = :day")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(Map.of(":day", s("2026-11-27")))
                .scanIndexForward(false));

        assertThat(today).extracting(item -> item.get("datetime").s())
                .containsExactly("2026-11-27T00:15:00", "2026-11-27T00:00:00");
    }
}
