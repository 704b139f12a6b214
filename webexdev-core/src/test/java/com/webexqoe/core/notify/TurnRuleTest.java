package com.webexqoe.core.notify;

import com.webexqoe.core.score.ProblemLocator.Place;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TurnRuleTest {

    static final Instant T0 = Instant.parse("2026-11-28T03:00:00Z");
    static final Duration QUIET = Duration.ofMinutes(10);
    static final NotifyState FINE = new NotifyState(true, Place.NONE);
    static final NotifyState MOSTLY = new NotifyState(true, Place.HOME);
    static final NotifyState DOWN = new NotifyState(false, Place.WEBEX_SERVICE);
    static final NotifyState PATH = new NotifyState(false, Place.INTERNET_PATH);

    private static NotifyRecord notified(NotifyState state, Instant postedAt, Optional<Instant> since) {
        return new NotifyRecord(Optional.of(state), since, Optional.of(postedAt), 1, Optional.empty());
    }

    @Test
    void withNothingNotifiedAProblemIsATurnAndFineIsNot() {
        assertThat(TurnRule.decide(NotifyRecord.NONE, FINE, T0, QUIET).kind()).isEqualTo(TurnRule.Kind.NOTHING);
        TurnRule.Decision down = TurnRule.decide(NotifyRecord.NONE, DOWN, T0, QUIET);
        assertThat(down.kind()).isEqualTo(TurnRule.Kind.TURN);
        assertThat(down.problemSince()).contains(T0);
        assertThat(TurnRule.decide(NotifyRecord.NONE, MOSTLY, T0, QUIET).kind()).as("mostly working is located")
                .isEqualTo(TurnRule.Kind.TURN);
    }

    @Test
    void theSameStateIsNoTurn() {
        assertThat(TurnRule.decide(notified(DOWN, T0, Optional.of(T0)), DOWN, T0.plus(Duration.ofHours(3)), QUIET).kind())
                .isEqualTo(TurnRule.Kind.NOTHING);
    }

    @Test
    void aChangeWithinTheQuietPeriodIsHeldUntilItEnds() {
        NotifyRecord last = notified(DOWN, T0, Optional.of(T0));
        TurnRule.Decision held = TurnRule.decide(last, PATH, T0.plus(Duration.ofMinutes(4)), QUIET);
        assertThat(held.kind()).isEqualTo(TurnRule.Kind.HOLD);
        assertThat(held.heldUntil()).contains(T0.plus(QUIET));
        TurnRule.Decision later = TurnRule.decide(last, PATH, T0.plus(QUIET), QUIET);
        assertThat(later.kind()).isEqualTo(TurnRule.Kind.TURN);
        assertThat(later.problemSince()).as("the same problem goes on").contains(T0);
        assertThat(TurnRule.decide(last, PATH, T0.plus(Duration.ofMinutes(1)), Duration.ZERO).kind())
                .as("0 holds nothing").isEqualTo(TurnRule.Kind.TURN);
    }

    @Test
    void backToFineIsARecoveryCarryingWhenTheProblemBegan() {
        Instant began = T0.minus(Duration.ofMinutes(30));
        TurnRule.Decision recovery = TurnRule.decide(notified(PATH, T0, Optional.of(began)), FINE, T0.plus(QUIET), QUIET);
        assertThat(recovery.kind()).isEqualTo(TurnRule.Kind.RECOVERY);
        assertThat(recovery.problemSince()).contains(began);
    }

    @Test
    void aNewProblemAfterFineStartsItsOwnClock() {
        Instant later = T0.plus(Duration.ofHours(2));
        TurnRule.Decision turn = TurnRule.decide(notified(FINE, T0, Optional.empty()), MOSTLY, later, QUIET);
        assertThat(turn.kind()).isEqualTo(TurnRule.Kind.TURN);
        assertThat(turn.problemSince()).contains(later);
    }

    @Test
    void statesRoundTripThroughTheirStoredKey() {
        for (NotifyState state : new NotifyState[]{FINE, MOSTLY, DOWN, PATH}) {
            assertThat(NotifyState.parse(state.key())).contains(state);
        }
        assertThat(NotifyState.parse("fine:nowhere")).isEmpty();
        assertThat(NotifyState.parse("garbage")).isEmpty();
    }
}
