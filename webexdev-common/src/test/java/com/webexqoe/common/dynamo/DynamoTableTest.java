package com.webexqoe.common.dynamo;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoTableTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    private DynamoDbClient client;
    private DynamoTable status;
    private DynamoTable polling;

    @BeforeEach
    void tables() {
        dynamo.create(StatusTable.SCHEMA.createTableRequest());
        dynamo.create(PollingTable.SCHEMA.createTableRequest());
        client = DynamoClients.create(AwsClientSettings.fromEnv(Env.of(StandInEnv.create().dynamoDb(dynamo.endpoint()).toMap())));
        status = new DynamoTable(client, StatusTable.SCHEMA.tableName());
        polling = new DynamoTable(client, PollingTable.SCHEMA.tableName());
    }

    @AfterEach
    void closeClient() {
        client.close();
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
    void scanAllReallyPagesThroughSeveralPages() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            items.add(Map.of("title", s("incident " + i), "Status", s("resolved")));
        }
        status.putAll(items);

        // 5 items a page: five pages (and a last empty check) before the 23 are all read.
        assertThat(status.scanAll(5)).hasSize(23)
                .extracting(item -> item.get("title").s()).doesNotHaveDuplicates();
        assertThat(status.readCost().items()).isEqualTo(23);
    }

    @Test
    void queriesATimeKeyedIndexWithASortKeyWindowNewestFirst() {
        polling.put(Map.of("datetime", s("2026-11-26T23:45:00"), "day", s("2026-11-26")));
        polling.put(Map.of("datetime", s("2026-11-27T00:00:00"), "day", s("2026-11-27")));
        polling.put(Map.of("datetime", s("2026-11-27T00:15:00"), "day", s("2026-11-27")));
        polling.put(Map.of("datetime", s("2026-11-27T09:30:00"), "day", s("2026-11-27")));

        List<Map<String, AttributeValue>> window = polling.query(KeyQuery.on("byDay").partition("day", s("2026-11-27"))
                .sortBetween("datetime", s("2026-11-27T00:00:00"), s("2026-11-27T09:00:00")).newestFirst());
        List<Map<String, AttributeValue>> latest = polling.query(KeyQuery.on("byDay").partition("day", s("2026-11-27"))
                .sortAtLeast("datetime", s("2026-11-27T00:00:00")).newestFirst().limit(1));
        List<Map<String, AttributeValue>> byKey = polling.query(KeyQuery.table().partition("datetime", s("2026-11-26T23:45:00")));

        assertThat(window).extracting(item -> item.get("datetime").s())
                .containsExactly("2026-11-27T00:15:00", "2026-11-27T00:00:00");
        assertThat(latest).extracting(item -> item.get("datetime").s()).containsExactly("2026-11-27T09:30:00");
        assertThat(byKey).hasSize(1);
    }

    @Test
    void aQueryOfAMissingIndexNamesTheTableAndTheIndex() {
        assertThatThrownBy(() -> polling.query(KeyQuery.on("byWeek").partition("day", s("2026-11-27"))))
                .isInstanceOf(WebexdevException.class)
                .hasMessageStartingWith("DynamoDB table webexdev-te-polling has no index byWeek");
    }

    @Test
    void putIfAbsentRefusesASecondItemWithTheSameKey() {
        assertThat(status.putIfAbsent(Map.of("title", s("a"), "Status", s("first")), "title")).isTrue();
        assertThat(status.putIfAbsent(Map.of("title", s("a"), "Status", s("second")), "title")).isFalse();

        assertThat(status.get(Map.of("title", s("a")))).get()
                .satisfies(item -> assertThat(item.get("Status").s()).isEqualTo("first"));
        status.delete(Map.of("title", s("a")));
        assertThat(status.get(Map.of("title", s("a")))).isEmpty();
    }

    @Test
    void getAllReturnsTheItemsThatExist() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            if (i % 2 == 0) {
                items.add(Map.of("title", s("t" + i)));
            }
            keys.add(Map.of("title", s("t" + i)));
        }
        status.putAll(items);

        assertThat(status.getAll(keys)).hasSize(65)
                .extracting(item -> item.get("title").s()).contains("t0", "t128").doesNotContain("t1");
    }

    @Test
    void unprocessedItemsAreResubmittedWithoutASleepAfterTheLastRound() {
        List<Long> sleeps = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        DynamoDbClient throttled = new DynamoDbClient() {
            @Override
            public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
                calls.incrementAndGet();
                // Every round leaves everything unprocessed, as under sustained throttling.
                return BatchWriteItemResponse.builder().unprocessedItems(request.requestItems()).build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        DynamoTable table = new DynamoTable(throttled, "webexdev-status", sleeps::add);

        assertThatThrownBy(() -> table.putAll(List.of(Map.of("title", s("x")))))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("table webexdev-status left 1 items unprocessed after 5 rounds (throttled)");
        assertThat(calls).hasValue(DynamoTable.UNPROCESSED_ROUNDS);
        assertThat(sleeps).containsExactly(50L, 100L, 200L, 400L);
    }

    @Test
    void unprocessedItemsThatGoThroughOnALaterRoundAreStored() {
        List<Long> sleeps = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        List<BatchWriteItemRequest> seen = new ArrayList<>();
        DynamoDbClient onceThrottled = new DynamoDbClient() {
            @Override
            public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
                seen.add(request);
                return calls.incrementAndGet() == 1
                        ? BatchWriteItemResponse.builder().unprocessedItems(request.requestItems()).build()
                        : BatchWriteItemResponse.builder().build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };

        new DynamoTable(onceThrottled, "webexdev-status", sleeps::add).putAll(List.of(Map.of("title", s("x"))));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).requestItems()).isEqualTo(seen.get(0).requestItems());
        assertThat(sleeps).containsExactly(50L);
    }
}
