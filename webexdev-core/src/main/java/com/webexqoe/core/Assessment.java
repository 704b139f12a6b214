package com.webexqoe.core;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One run's verdict, computed once by {@link DashboardPage#build}: the score with its terms, the
 * home verdict and the "where" location. The page shows it; the health history records it; the
 * notifier compares it with the last notified state (docs/behaviour.md#core).
 */
public record Assessment(Instant at, HealthScore.Score score, HomeAssessment.Verdict home, ProblemLocator.Location location) {

    public static Assessment of(Instant at, DashboardPage.Content content) {
        return new Assessment(at, content.score(), content.home(), content.location());
    }

    /** The verdict by the score rule: ≥ 70 fine (docs/behaviour.md#core-thresholds). */
    public boolean fine() {
        return score.fine();
    }

    public ProblemLocator.Place place() {
        return location.place();
    }

    public BigDecimal health() {
        return score.health();
    }
}
