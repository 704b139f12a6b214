package com.webexqoe.common.schema;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TableSchemaTest {

    @Test
    void createTableRequestHasKeysIndexAndAttributeTypes() {
        CreateTableRequest twitter = TwitterTable.SCHEMA.createTableRequest();
        assertThat(twitter.tableName()).isEqualTo("webexdev-twitter");
        assertThat(twitter.billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(twitter.keySchema()).singleElement().satisfies(k -> {
            assertThat(k.attributeName()).isEqualTo("tweetid");
            assertThat(k.keyTypeAsString()).isEqualTo("HASH");
        });
        assertThat(twitter.attributeDefinitions()).extracting(a -> a.attributeName() + ":" + a.attributeTypeAsString())
                .containsExactly("tweetid:S", "day:S", "datetime:N");
        assertThat(twitter.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byDay");
            assertThat(index.projection().projectionTypeAsString()).isEqualTo("ALL");
        });
    }

    @Test
    void healthTableIsPkSkWithUtcDayRunPartitions() {
        CreateTableRequest health = HealthTable.SCHEMA.createTableRequest();
        assertThat(health.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("pk:HASH", "sk:RANGE");
        assertThat(health.globalSecondaryIndexes()).isEmpty();
        assertThat(HealthTable.SCHEMA.writerVariable()).isEqualTo("DYNAMODB_TABLENAME_HEALTH");
        Instant lateInTokyoEarlyUtc = Instant.parse("2026-11-28T23:30:00Z");
        assertThat(HealthTable.runPartition(lateInTokyoEarlyUtc)).isEqualTo("run#2026-11-28");
        assertThat(HealthTable.runSortKey(lateInTokyoEarlyUtc)).isEqualTo("2026-11-28T23:30:00Z");
    }

    @Test
    void healthSeriesItemsAreUtcDaysOfUtcAlignedFifteenMinuteSlots() {
        assertThat(HealthTable.slotStart(Instant.parse("2026-11-28T03:14:59.999Z"))).isEqualTo(Instant.parse("2026-11-28T03:00:00Z"));
        assertThat(HealthTable.slotStart(Instant.parse("2026-11-28T03:15:00Z"))).isEqualTo(Instant.parse("2026-11-28T03:15:00Z"));
        // 05:52 in India (UTC+5:30) is 00:22 UTC: its slot starts 00:15 UTC (05:45 local), aligned in UTC
        Instant indiaMorning = java.time.ZonedDateTime.parse("2026-11-28T05:52:00+05:30[Asia/Kolkata]").toInstant();
        assertThat(HealthTable.slotStart(indiaMorning)).isEqualTo(Instant.parse("2026-11-28T00:15:00Z"));
        assertThat(HealthTable.utcDay(Instant.parse("2026-11-28T23:30:00Z"))).isEqualTo(java.time.LocalDate.of(2026, 11, 28));
        assertThat(HealthTable.seriesSortKey(java.time.LocalDate.of(2026, 11, 28))).isEqualTo("2026-11-28");
        assertThat(HealthTable.seriesExpiresAt(java.time.LocalDate.of(2026, 11, 28)))
                .isEqualTo(Instant.parse("2026-12-07T00:00:00Z").getEpochSecond());
    }

    @Test
    void retentionIsOneValuePerTable() {
        Instant at = Instant.parse("2026-11-28T00:00:00Z");
        assertThat(StatusTable.SCHEMA.expiresAt(at)).isEqualTo(Instant.parse("2026-12-28T00:00:00Z").getEpochSecond());
        assertThat(TwitterTable.SCHEMA.expiresAt(at)).isEqualTo(Instant.parse("2026-12-05T00:00:00Z").getEpochSecond());
        assertThat(QualityTable.SCHEMA.expiresAt(at)).isEqualTo(Instant.parse("2027-02-26T00:00:00Z").getEpochSecond());
        assertThat(Tables.ALL).extracting(TableSchema::ttlAttribute).containsOnly("expiresAt");
    }
}
