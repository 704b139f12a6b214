package com.webexqoe.core.history;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.sources.Snapshot;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's rules with a store in memory: slot minimums, lost races, failures that never fail the run. */
class HealthHistoryTest {

    static final Instant NOW = Instant.parse("2026-11-28T03:05:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog("webexdev-core", new PrintStream(logged, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** The health table in memory; {@code beforeWrite} runs before each conditional write (another run's). */
    static class MemoryStore implements HealthHistoryStore {
        final Map<LocalDate, SeriesDay> days = new TreeMap<>();
        final List<RunRecord> runs = new ArrayList<>();
        Runnable beforeWrite = () -> { };
        RuntimeException readFailure;
        RuntimeException writeFailure;
        int writes;
        int dayReads;

        @Override
        public String table() {
            return "webexdev-health";
        }

        @Override
        public void putRun(RunRecord run) {
            runs.add(run);
        }

        @Override
        public List<SeriesDay> readDays(List<LocalDate> wanted) {
            if (readFailure != null) {
                throw readFailure;
            }
            return wanted.stream().map(days::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public Optional<SeriesDay> readDay(LocalDate day) {
            dayReads++;
            return Optional.ofNullable(days.get(day));
        }

        @Override
        public boolean writeDay(SeriesDay day) {
            Runnable competing = beforeWrite;
            beforeWrite = () -> { };
            competing.run();
            if (writeFailure != null) {
                throw writeFailure;
            }
            writes++;
            long stored = Optional.ofNullable(days.get(day.day())).map(SeriesDay::version).orElse(0L);
            if (stored != day.version()) {
                return false;
            }
            days.put(day.day(), new SeriesDay(day.day(), day.version() + 1, day.slots()));
            return true;
        }

        @Override
        public DynamoTable.ReadCost readCost() {
            return new DynamoTable.ReadCost(0, 0);
        }
    }

    static HealthTable.Slot slot(Instant start, Duration into, String health) {
        BigDecimal score = new BigDecimal(health);
        return new HealthTable.Slot(start, start.plus(into), score, score.subtract(BigDecimal.valueOf(100)), BigDecimal.ZERO,
                BigDecimal.ZERO, "good", "none");
    }

    /** A run at {@code at} with nothing wrong: 100, fine, nothing located. */
    static Assessment fineRun(Instant at) {
        return Assessment.of(Snapshot.empty(at));
    }

    @Test
    void aRunThatLosesTheRaceRereadsTodaysItemAndKeepsTheOtherRunsPoint() {
        MemoryStore store = new MemoryStore();
        Instant slot = HealthTable.slotStart(NOW);
        store.days.put(TODAY, new HealthHistoryStore.SeriesDay(TODAY, 4, List.of(slot(slot.minus(HealthTable.SLOT), Duration.ZERO, "90"))));
        // another run writes the slot before ours (an earlier slot of the day changes too: version 5)
        store.beforeWrite = () -> store.days.put(TODAY, new HealthHistoryStore.SeriesDay(TODAY, 5, List.of(
                slot(slot.minus(HealthTable.SLOT), Duration.ZERO, "90"), slot(slot, Duration.ofSeconds(10), "100.5"))));

        HealthHistory.Outcome outcome = new HealthHistory(store, log).record(fineRun(NOW), "Webex seems to be working fine");

        assertThat(outcome.status()).isEqualTo("recorded");
        assertThat(store.dayReads).as("re-read after the lost race").isEqualTo(1);
        HealthHistoryStore.SeriesDay today = store.days.get(TODAY);
        assertThat(today.version()).isEqualTo(6);
        assertThat(today.slots()).extracting(s -> s.slotStart().toString() + " " + s.health().toPlainString())
                .containsExactly("2026-11-28T02:45:00Z 90", "2026-11-28T03:00:00Z 100");
        assertThat(outcome.series()).extracting(s -> s.health().toPlainString()).containsExactly("90", "100");
        assertThat(store.runs).hasSize(1);
        assertThat(store.runs.get(0).verdict()).isEqualTo("Webex seems to be working fine");
        assertThat(store.runs.get(0).fine()).isTrue();
    }

    @Test
    void aRunThatNoLongerLowersTheSlotAfterALostRaceWritesNothing() {
        MemoryStore store = new MemoryStore();
        Instant slot = HealthTable.slotStart(NOW);
        store.beforeWrite = () -> store.days.put(TODAY, new HealthHistoryStore.SeriesDay(TODAY, 1, List.of(
                slot(slot, Duration.ofSeconds(30), "42"))));

        HealthHistory.Outcome outcome = new HealthHistory(store, log).record(fineRun(NOW), "fine");

        assertThat(outcome.status()).isEqualTo("recorded");
        assertThat(store.writes).as("the first attempt only").isEqualTo(1);
        assertThat(store.days.get(TODAY).version()).isEqualTo(1);
        assertThat(outcome.series()).extracting(s -> s.health().toPlainString()).containsExactly("42");
    }

    @Test
    void aFailedReadLeavesThisRunsPointAndWritesNoSeriesWithoutAVersion() {
        MemoryStore store = new MemoryStore();
        store.readFailure = new WebexdevException("DynamoDB table webexdev-health unreachable: connection refused");

        HealthHistory.Outcome outcome = new HealthHistory(store, log).record(fineRun(NOW), "fine");

        assertThat(outcome.status()).isEqualTo("failed: health table webexdev-health: could not read the 7-day series: "
                + "DynamoDB table webexdev-health unreachable: connection refused");
        assertThat(outcome.series()).extracting(HealthTable.Slot::at).containsExactly(NOW);
        assertThat(store.runs).as("the run's own item is still written").hasSize(1);
        assertThat(store.writes).isZero();
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("\"level\":\"ERROR\"")
                .contains("health history: could not read the 7-day series").contains("\"table\":\"webexdev-health\"");
    }

    @Test
    void aFailedWriteStillChartsTheDaysReadAndThisRun() {
        MemoryStore store = new MemoryStore();
        LocalDate yesterday = TODAY.minusDays(1);
        store.days.put(yesterday, new HealthHistoryStore.SeriesDay(yesterday, 3, List.of(
                slot(Instant.parse("2026-11-27T10:00:00Z"), Duration.ZERO, "60"))));
        store.writeFailure = new WebexdevException("throttled");

        HealthHistory.Outcome outcome = new HealthHistory(store, log).record(fineRun(NOW), "fine");

        assertThat(outcome.status()).startsWith("failed: health table webexdev-health: could not update today's series item");
        assertThat(outcome.series()).extracting(s -> s.health().toPlainString()).containsExactly("60", "100");
    }

    @Test
    void offRecordsNothingAndChartsThisRunAlone() {
        HealthHistory.Outcome outcome = HealthHistory.off().record(fineRun(NOW), "fine");

        assertThat(outcome.status()).isEqualTo("off");
        assertThat(outcome.series()).singleElement().satisfies(point -> {
            assertThat(point.slotStart()).isEqualTo(Instant.parse("2026-11-28T03:00:00Z"));
            assertThat(point.health().toPlainString()).isEqualTo("100");
            assertThat(point.home()).isEqualTo("no-data");
            assertThat(point.where()).isEqualTo("none");
        });
        assertThat(HealthHistory.off().readCost().items()).isZero();
    }

    @Test
    void theWindowTouchesEightUtcDaysAndKeepsTheLast672Slots() {
        assertThat(HealthSeries.days(NOW)).hasSize(8).first().isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(HealthSeries.days(Instant.parse("2026-11-28T00:00:00Z"))).hasSize(8);
        Instant oldest = HealthTable.slotStart(NOW).minus(HealthSeries.WINDOW);
        List<HealthHistoryStore.SeriesDay> days = List.of(new HealthHistoryStore.SeriesDay(LocalDate.of(2026, 11, 21), 1, List.of(
                slot(oldest, Duration.ZERO, "50"), slot(oldest.plus(HealthTable.SLOT), Duration.ZERO, "51"))));
        assertThat(HealthSeries.window(days, Optional.empty(), NOW)).extracting(s -> s.health().toPlainString())
                .as("the slot 7 days before this one is left out").containsExactly("51");
    }

    @Test
    void aSlotKeepsItsLowestRunAndATieKeepsTheFirst() {
        Instant start = HealthTable.slotStart(NOW);
        HealthHistoryStore.SeriesDay day = new HealthHistoryStore.SeriesDay(TODAY, 2, List.of(slot(start, Duration.ofMinutes(1), "80")));

        assertThat(HealthSeries.merge(day, slot(start, Duration.ofMinutes(2), "80"))).as("a tie").isEmpty();
        assertThat(HealthSeries.merge(day, slot(start, Duration.ofMinutes(2), "95"))).isEmpty();
        assertThat(HealthSeries.merge(day, slot(start, Duration.ofMinutes(2), "79.9"))).get()
                .satisfies(merged -> assertThat(merged.slots()).extracting(s -> s.health().toPlainString()).containsExactly("79.9"));
        assertThat(HealthSeries.merge(day, slot(start.minus(HealthTable.SLOT), Duration.ZERO, "99"))).get()
                .satisfies(merged -> assertThat(merged.slots()).extracting(s -> s.health().toPlainString()).containsExactly("99", "80"));
    }

    @Test
    void aSlotIsStoredCompactlyAndAGarbledOneIsLeftOut() {
        HealthTable.Slot slot = new HealthTable.Slot(Instant.parse("2026-11-28T11:45:00Z"), Instant.parse("2026-11-28T11:47:30Z"),
                new BigDecimal("10.5"), new BigDecimal("-1.5"), new BigDecimal("-68"), new BigDecimal("-20"), "poor", "webex-service");
        assertThat(slot.encode()).isEqualTo("47|" + Instant.parse("2026-11-28T11:47:30Z").toEpochMilli() + "|10.5|-1.5|-68|-20|poor|webex-service");
        assertThat(HealthTable.Slot.decode(TODAY, slot.encode())).contains(slot);
        assertThat(HealthTable.Slot.decode(TODAY, "96|0|1|0|0|0|good|none")).as("no 97th slot").isEmpty();
        assertThat(HealthTable.Slot.decode(TODAY, "3|x|1|0|0|0|good|none")).isEmpty();
        assertThat(HealthTable.Slot.decode(TODAY, "3|0|1|0|0|0|<b>|none")).as("keys only").isEmpty();
        assertThat(HealthTable.Slot.decode(TODAY, "3|0|1|0|0|0|good")).isEmpty();
    }
}
