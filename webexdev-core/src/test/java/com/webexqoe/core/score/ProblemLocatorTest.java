package com.webexqoe.core.score;

import com.webexqoe.core.sources.Post;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static com.webexqoe.core.score.HealthScoreTest.alert;
import static com.webexqoe.core.score.HealthScoreTest.posts;
import static com.webexqoe.core.score.HealthScoreTest.score;
import static com.webexqoe.core.score.HealthScoreTest.status;
import static org.assertj.core.api.Assertions.assertThat;

class ProblemLocatorTest {

    static final HomeAssessment.Verdict GOOD_HOME = HomeAssessment.assess(Optional.of(
            HomeAssessmentTest.record("wifi", HomeAssessmentTest.sample(100, 5, 0))));
    static final HomeAssessment.Verdict POOR_HOME = HomeAssessment.assess(Optional.of(
            HomeAssessmentTest.record("wifi", HomeAssessmentTest.sample(100, 45, 0))));

    @Test
    void noEvidenceIsNoneAndSaysWhatWasChecked() {
        ProblemLocator.Location location = ProblemLocator.locate(score(List.of(), List.of(), List.of()), GOOD_HOME, List.of());
        assertThat(location.place()).isEqualTo(ProblemLocator.Place.NONE);
        assertThat(location.line()).isEqualTo("Where is the problem: none found — no open Cisco incident, no ThousandEyes alert "
                + "in the last hour, no poor stream at home, no wave of negative posts");
    }

    @Test
    void aPoorHomeStreamAloneIsHome() {
        ProblemLocator.Location location = ProblemLocator.locate(score(List.of(), List.of(), List.of()), POOR_HOME, List.of());
        assertThat(location.place()).isEqualTo(ProblemLocator.Place.HOME);
        assertThat(location.line()).isEqualTo("Where is the problem: home — AudioIn jitter 45 ms > 30 ms");
    }

    @Test
    void anAlertAloneIsTheInternetPathAndHomeComesNext() {
        HealthScore.Score score = score(List.of(), List.of(alert(true, Duration.ofMinutes(5), "Response Time: 450 ms")), List.of());
        ProblemLocator.Location location = ProblemLocator.locate(score, POOR_HOME, List.of());
        assertThat(location.place()).isEqualTo(ProblemLocator.Place.INTERNET_PATH);
        assertThat(location.headline()).isEqualTo("Where is the problem: internet path (also home)");
        assertThat(location.evidence()).contains("response time 450 ms").contains("AudioIn jitter 45 ms > 30 ms");
    }

    @Test
    void anOpenIncidentComesFirstAndAWaveOfNegativePostsPointsAtTheService() {
        ProblemLocator.Location incident = ProblemLocator.locate(
                score(List.of(), List.of(alert(true, Duration.ofMinutes(5))), List.of(status("identified", Duration.ofHours(1)))),
                GOOD_HOME, List.of());
        assertThat(incident.headline()).isEqualTo("Where is the problem: Webex service (also internet path)");

        ProblemLocator.Location posts = ProblemLocator.locate(score(posts(20, Post.Sentiment.NEGATIVE), List.of(), List.of()),
                GOOD_HOME, List.of("S (Cisco status)"));
        assertThat(posts.place()).isEqualTo(ProblemLocator.Place.WEBEX_SERVICE);
        assertThat(posts.line()).contains("20 negative and 0 positive posts").endsWith("(no fresh data from S (Cisco status))");
    }

    @Test
    void noHomeRecordIsNotEvidence() {
        HomeAssessment.Verdict none = new HomeAssessment.Verdict(HomeAssessment.Level.NO_DATA, "no data", List.of(),
                OptionalDouble.empty(), "");
        assertThat(ProblemLocator.locate(score(List.of(), List.of(), List.of()), none, List.of()).place())
                .isEqualTo(ProblemLocator.Place.NONE);
    }
}
