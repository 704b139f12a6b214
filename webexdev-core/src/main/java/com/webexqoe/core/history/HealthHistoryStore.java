package com.webexqoe.core.history;

import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.schema.HealthTable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The health table as the history needs it (docs/webexdev-core.md "Health history"): one item per
 * run, and one series item per UTC day holding that day's slot minimums, written conditionally.
 */
public interface HealthHistoryStore {

    /** One run as recorded: its point (score, terms, home, where), the verdict by the score rule and the headline. */
    record RunRecord(HealthTable.Slot point, boolean fine, String verdict) {
    }

    /** A series item: its UTC day, the version it was read at (0: no item yet), its slots in slot order. */
    record SeriesDay(LocalDate day, long version, List<HealthTable.Slot> slots) {
        public SeriesDay {
            slots = List.copyOf(slots);
        }
    }

    /** The table's name, for messages. */
    String table();

    /** Puts the run's own item (a new item per run: its sort key is its instant). */
    void putRun(RunRecord run);

    /** The series items of {@code days} that exist (one BatchGetItem). */
    List<SeriesDay> readDays(List<LocalDate> days);

    /** The series item of {@code day} as it is now (a strongly consistent GetItem, after a lost race). */
    Optional<SeriesDay> readDay(LocalDate day);

    /**
     * Writes {@code day} (its version + 1) only if the stored item is still at {@code day.version()}
     * (absent for version 0); false when another run wrote first.
     */
    boolean writeDay(SeriesDay day);

    /** Items returned and capacity consumed by this store's reads so far. */
    DynamoTable.ReadCost readCost();
}
