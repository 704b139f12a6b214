package com.webexqoe.core.history;

import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.testkit.DynaliteExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The series item's conditional write against dynalite: a write names the version it read. */
class DynamoHealthHistoryStoreTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();

    static final LocalDate DAY = LocalDate.of(2026, 11, 28);

    private DynamoHealthHistoryStore store;

    @BeforeEach
    void table() {
        dynamo.create(HealthTable.SCHEMA.createTableRequest());
        store = new DynamoHealthHistoryStore(dynamo.client(), HealthTable.SCHEMA.tableName());
    }

    static HealthTable.Slot slot(String at, String health) {
        Instant instant = Instant.parse(at);
        BigDecimal score = new BigDecimal(health);
        return new HealthTable.Slot(HealthTable.slotStart(instant), instant, score, score.subtract(BigDecimal.valueOf(100)),
                BigDecimal.ZERO, BigDecimal.ZERO, "good", "none");
    }

    @Test
    void twoWritesFromTheSameReadCannotBothSucceed() {
        HealthHistoryStore.SeriesDay none = new HealthHistoryStore.SeriesDay(DAY, 0, List.of(slot("2026-11-28T03:01:00Z", "90")));
        assertThat(store.writeDay(none)).isTrue();
        assertThat(store.writeDay(new HealthHistoryStore.SeriesDay(DAY, 0, List.of(slot("2026-11-28T03:02:00Z", "80")))))
                .as("the item exists now").isFalse();

        HealthHistoryStore.SeriesDay read = store.readDay(DAY).orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.slots()).extracting(s -> s.health().toPlainString()).containsExactly("90");
        HealthHistoryStore.SeriesDay first = new HealthHistoryStore.SeriesDay(DAY, 1, List.of(slot("2026-11-28T03:03:00Z", "70")));
        HealthHistoryStore.SeriesDay second = new HealthHistoryStore.SeriesDay(DAY, 1, List.of(slot("2026-11-28T03:04:00Z", "60")));
        assertThat(store.writeDay(first)).isTrue();
        assertThat(store.writeDay(second)).as("read at version 1, stored is 2").isFalse();

        List<HealthHistoryStore.SeriesDay> days = store.readDays(List.of(DAY.minusDays(1), DAY));
        assertThat(days).singleElement().satisfies(day -> {
            assertThat(day.version()).isEqualTo(2);
            assertThat(day.slots()).extracting(s -> s.health().toPlainString()).containsExactly("70");
        });
        assertThat(store.readCost().items()).as("GetItem 1 + BatchGetItem 1").isEqualTo(2);
        assertThat(dynamo.client().getItem(r -> r.tableName(HealthTable.SCHEMA.tableName()).key(java.util.Map.of(
                HealthTable.PK, com.webexqoe.common.dynamo.AttributeValues.s(HealthTable.SERIES_PK),
                HealthTable.SK, com.webexqoe.common.dynamo.AttributeValues.s("2026-11-28")))).item().get(HealthTable.EXPIRES_AT).n())
                .as("9 days after the day began").isEqualTo(Long.toString(Instant.parse("2026-12-07T00:00:00Z").getEpochSecond()));
        assertThat(Duration.between(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-12-07T00:00:00Z")))
                .isEqualTo(HealthTable.SERIES_RETENTION);
    }
}
