package com.webexqoe.core.history;

import com.webexqoe.common.schema.HealthTable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The 7-day series (pure): a slot keeps the run with the lowest score; a run changes its day's
 * item only when it opens a slot or lowers the slot's minimum; the window is the slots that
 * began in the last 7 days (docs/webexdev-core.md "Health history").
 */
public final class HealthSeries {

    /** The chart's span. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private HealthSeries() {
    }

    /** The UTC days whose series items the window ending at {@code now} touches (8 for 7 days), oldest first. */
    public static List<LocalDate> days(Instant now) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = HealthTable.utcDay(now);
        for (LocalDate day = HealthTable.utcDay(now.minus(WINDOW)); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** Whether {@code candidate} replaces {@code kept} as its slot's minimum (a tie keeps the first run). */
    static boolean lower(HealthTable.Slot candidate, HealthTable.Slot kept) {
        return candidate.health().compareTo(kept.health()) < 0;
    }

    /**
     * {@code day} with {@code point} in its slot, when the point opens the slot or lowers its
     * minimum; empty when the item stays as it is.
     */
    public static Optional<HealthHistoryStore.SeriesDay> merge(HealthHistoryStore.SeriesDay day, HealthTable.Slot point) {
        TreeMap<Instant, HealthTable.Slot> slots = new TreeMap<>();
        day.slots().forEach(slot -> slots.merge(slot.slotStart(), slot, HealthSeries::min));
        HealthTable.Slot kept = slots.get(point.slotStart());
        if (kept != null && !lower(point, kept)) {
            return Optional.empty();
        }
        slots.put(point.slotStart(), point);
        return Optional.of(new HealthHistoryStore.SeriesDay(day.day(), day.version(), List.copyOf(slots.values())));
    }

    /**
     * The points of the window ending at {@code now}: every slot of {@code days} (and {@code point},
     * which counts even when it could not be stored) of the last 7 days: the current slot and the
     * 671 before it, one point per slot (its minimum), oldest first.
     */
    public static List<HealthTable.Slot> window(List<HealthHistoryStore.SeriesDay> days, Optional<HealthTable.Slot> point,
                                                Instant now) {
        // 7 × 96 slots: the current one and the 671 before it
        Instant after = HealthTable.slotStart(now).minus(WINDOW);
        Map<Instant, HealthTable.Slot> slots = new TreeMap<>();
        days.stream().flatMap(day -> day.slots().stream()).forEach(slot -> slots.merge(slot.slotStart(), slot, HealthSeries::min));
        point.ifPresent(p -> slots.merge(p.slotStart(), p, HealthSeries::min));
        return slots.values().stream()
                .filter(slot -> slot.slotStart().isAfter(after) && !slot.slotStart().isAfter(now))
                .sorted(Comparator.comparing(HealthTable.Slot::slotStart))
                .toList();
    }

    private static HealthTable.Slot min(HealthTable.Slot kept, HealthTable.Slot candidate) {
        return lower(candidate, kept) ? candidate : kept;
    }
}
