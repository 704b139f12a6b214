package com.webexqoe.twitter;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The prices the function's answer estimates with (docs/webexdev-twitterapi.md#cost): X API
 * pay-per-use, $0.005 per post read (X's pricing page; X deduplicates a post read twice within
 * one UTC day, which this count does not, so it errs high); Amazon Comprehend detection, $0.0001
 * per unit of 100 characters, at least 3 units per document and request (Comprehend pricing).
 */
final class XCost {

    static final BigDecimal USD_PER_POST_READ = new BigDecimal("0.005");
    static final BigDecimal USD_PER_COMPREHEND_UNIT = new BigDecimal("0.0001");
    static final int MIN_UNITS = 3;
    static final int CHARACTERS_PER_UNIT = 100;
    /** The template's schedule, rate(15 minutes). */
    static final int RUNS_PER_DAY = 96;
    static final int DAYS_PER_MONTH = 30;
    /** Each new post costs at most two detections (language, sentiment) of at most 3 units (300 characters). */
    static final int MAX_UNITS_PER_POST = 2 * MIN_UNITS;

    private XCost() {
    }

    /** Comprehend units of one document in one request. */
    static int units(String text) {
        return Math.max(MIN_UNITS, (text.length() + CHARACTERS_PER_UNIT - 1) / CHARACTERS_PER_UNIT);
    }

    static BigDecimal usd(long reads, long units) {
        return USD_PER_POST_READ.multiply(BigDecimal.valueOf(reads))
                .add(USD_PER_COMPREHEND_UNIT.multiply(BigDecimal.valueOf(units)))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** A month at this run's pace (every scheduled run reading and analysing as much), capped by the budget. */
    static BigDecimal monthAtPace(int runReads, int runUnits, int dailyBudget) {
        if (runReads <= 0) {
            return usd(0, 0);
        }
        long dayReads = Math.min((long) dailyBudget, (long) runReads * RUNS_PER_DAY);
        long dayUnits = Math.round((double) runUnits * dayReads / runReads);
        return usd(dayReads * DAYS_PER_MONTH, dayUnits * DAYS_PER_MONTH);
    }

    /** A month with the whole budget read every day and every read a new post analysed. */
    static BigDecimal monthCeiling(int dailyBudget) {
        long reads = (long) dailyBudget * DAYS_PER_MONTH;
        return usd(reads, reads * MAX_UNITS_PER_POST);
    }
}
