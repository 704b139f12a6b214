package com.webexqoe.core.history;

import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.core.Aside;
import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.score.HomeAssessment;
import com.webexqoe.core.score.ProblemLocator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The health history of each run (docs/webexdev-core.md "Health history"): the 7-day series read
 * from eight series items (one BatchGetItem, started beside the sources' reads), the run's own
 * item, and today's item updated when this run opens a slot or lowers its minimum. A failure is logged by name and leaves the
 * chart with what was read: the history never fails the render.
 */
public final class HealthHistory {

    /** A lost race (another run wrote today's item between our read and our write) is retried this often. */
    static final int WRITE_ATTEMPTS = 3;

    /**
     * What the run got: the window's points (this run's among them) and how the history went:
     * {@code off}, {@code recorded}, or {@code failed: <what>} naming the table.
     */
    public record Outcome(List<HealthTable.Slot> series, String status) {
        public Outcome {
            series = List.copyOf(series);
        }
    }

    private final Optional<HealthHistoryStore> store;
    private final JsonLog log;

    public HealthHistory(HealthHistoryStore store, JsonLog log) {
        this(Optional.of(store), log);
    }

    private HealthHistory(Optional<HealthHistoryStore> store, JsonLog log) {
        this.store = store;
        this.log = log;
    }

    /** {@code DYNAMODB_TABLENAME_HEALTH} unset: nothing is recorded or read; the series is this run's point. */
    public static HealthHistory off() {
        return new HealthHistory(Optional.empty(), null);
    }

    /** This run's point: its slot, score and terms, home verdict and "where" location as stored. */
    public static HealthTable.Slot point(Assessment assessment) {
        return new HealthTable.Slot(HealthTable.slotStart(assessment.at()), assessment.at(), plain(assessment.health()),
                plain(assessment.score().social().value()), plain(assessment.score().path().value()),
                plain(assessment.score().service().value()), homeKey(assessment.home().level()), whereKey(assessment.place()));
    }

    /** {@code 80.0} is stored as {@code 80}, {@code -1.50} as {@code -1.5}: the value, not the scale it was computed at. */
    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String homeKey(HomeAssessment.Level level) {
        return level.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String whereKey(ProblemLocator.Place place) {
        return place.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Records the run and reads the series, one after the other (the two phases below on this thread). */
    public Outcome record(Assessment assessment, String headline) {
        return begin(assessment.at(), Runnable::run).finish(assessment, headline);
    }

    /**
     * Starts reading the window's series items on {@code aside}, so the read runs beside the
     * sources' reads (it needs no score); {@link Recording#finish} then records the run.
     */
    public Recording begin(Instant now, Executor aside) {
        if (store.isEmpty()) {
            return new Recording(null, CompletableFuture.completedFuture(List.of()), aside);
        }
        HealthHistoryStore table = store.get();
        return new Recording(table, CompletableFuture.supplyAsync(() -> table.readDays(HealthSeries.days(now)), aside), aside);
    }

    /** A run's history between the series read (started) and the record (when the score is known). */
    public final class Recording {
        private final HealthHistoryStore table;
        private final CompletableFuture<List<HealthHistoryStore.SeriesDay>> read;
        private final Executor aside;

        private Recording(HealthHistoryStore table, CompletableFuture<List<HealthHistoryStore.SeriesDay>> read, Executor aside) {
            this.table = table;
            this.read = read;
            this.aside = aside;
        }

        /**
         * Puts the run's item (beside the rest), waits for the series, updates today's item when
         * this run opens or lowers its slot, and answers the window's points.
         */
        public Outcome finish(Assessment assessment, String headline) {
            HealthTable.Slot point = point(assessment);
            if (table == null) {
                return new Outcome(List.of(point), "off");
            }
            Instant now = assessment.at();
            List<String> failures = new ArrayList<>();
            CompletableFuture<Void> put = CompletableFuture.runAsync(
                    () -> table.putRun(new HealthHistoryStore.RunRecord(point, assessment.fine(), headline)), aside);
            List<HealthHistoryStore.SeriesDay> days = List.of();
            boolean wasRead = false;
            try {
                days = Aside.join(read);
                wasRead = true;
            } catch (RuntimeException e) {
                failures.add(failed("read the 7-day series", table, e));
            }
            if (wasRead) {
                // Without the read there is no version to write against: today's slot waits for the next run.
                try {
                    days = updateToday(table, days, point);
                } catch (RuntimeException e) {
                    failures.add(failed("update today's series item", table, e));
                }
            }
            try {
                Aside.join(put);
            } catch (RuntimeException e) {
                failures.add(0, failed("record the run", table, e));
            }
            List<HealthTable.Slot> series = HealthSeries.window(days, Optional.of(point), now);
            return new Outcome(series, failures.isEmpty() ? "recorded" : "failed: " + String.join("; ", failures));
        }
    }

    /** The days with today's item as written (or as another run left it, when our point no longer lowers it). */
    private static List<HealthHistoryStore.SeriesDay> updateToday(HealthHistoryStore table, List<HealthHistoryStore.SeriesDay> days,
                                                                  HealthTable.Slot point) {
        java.time.LocalDate today = HealthTable.utcDay(point.slotStart());
        HealthHistoryStore.SeriesDay current = days.stream().filter(d -> d.day().equals(today)).findFirst()
                .orElse(new HealthHistoryStore.SeriesDay(today, 0, List.of()));
        for (int attempt = 1; ; attempt++) {
            Optional<HealthHistoryStore.SeriesDay> merged = HealthSeries.merge(current, point);
            if (merged.isEmpty()) {
                return replace(days, current);
            }
            if (table.writeDay(merged.get())) {
                HealthHistoryStore.SeriesDay written = merged.get();
                return replace(days, new HealthHistoryStore.SeriesDay(today, written.version() + 1, written.slots()));
            }
            if (attempt == WRITE_ATTEMPTS) {
                throw new IllegalStateException("today's series item kept changing under " + WRITE_ATTEMPTS + " attempts");
            }
            current = table.readDay(today).orElse(new HealthHistoryStore.SeriesDay(today, 0, List.of()));
        }
    }

    private static List<HealthHistoryStore.SeriesDay> replace(List<HealthHistoryStore.SeriesDay> days, HealthHistoryStore.SeriesDay day) {
        List<HealthHistoryStore.SeriesDay> replaced = new ArrayList<>(days.stream().filter(d -> !d.day().equals(day.day())).toList());
        replaced.add(day);
        return replaced;
    }

    private String failed(String what, HealthHistoryStore table, RuntimeException e) {
        String message = "health table " + table.table() + ": could not " + what + ": " + e.getMessage();
        log.error("health history: could not " + what, "table", table.table(), "error", String.valueOf(e.getMessage()));
        return message;
    }

    /** What the store's reads cost so far (none when the history is off). */
    public DynamoTable.ReadCost readCost() {
        return store.map(HealthHistoryStore::readCost).orElse(new DynamoTable.ReadCost(0, 0));
    }
}
