package com.webexqoe.core.score;

import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.StatusItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.webexqoe.core.score.CiscoStatusTestItems.APAC_INCIDENT;
import static com.webexqoe.core.score.CiscoStatusTestItems.NOW;
import static com.webexqoe.core.score.CiscoStatusTestItems.incident;
import static com.webexqoe.core.score.CiscoStatusTestItems.maintenance;
import static org.assertj.core.api.Assertions.assertThat;

/** The verdict line and "where is the problem" never disagree (docs/behaviour.md#core-headline). */
class HeadlineTest {

    private static final HomeAssessment.Verdict HOME_GOOD = HomeAssessment.assess(Optional.empty());

    private static Headline.Line headline(List<StatusItem> statuses, List<String> degraded, Optional<String> region) {
        HealthScore.Score score = HealthScore.compute(List.of(), List.of(), statuses, NOW);
        return Headline.of(score, HOME_GOOD, CiscoEvents.open(statuses, NOW, HealthScore.SERVICE_WINDOW), degraded, region);
    }

    @Test
    void nothingWrongIsWorkingFine() {
        Headline.Line line = headline(List.of(), List.of(), Optional.of("Tokyo, Japan"));

        assertThat(line.state()).isEqualTo(Headline.State.FINE);
        assertThat(line.text()).isEqualTo("Webex seems to be working fine");
    }

    @Test
    void aScoreOfEightyWithAnApacIncidentSaysSoAndWhetherItIsTheUsersRegion() {
        List<StatusItem> statuses = List.of(incident("i1", APAC_INCIDENT, "investigating", Duration.ofMinutes(5), "Audio and video - APAC"));
        HealthScore.Score score = HealthScore.compute(List.of(), List.of(), statuses, NOW);
        assertThat(score.healthText()).isEqualTo("80.0");
        assertThat(score.fine()).as("the score's own rule is unchanged").isTrue();

        assertThat(headline(statuses, List.of(), Optional.of("Tokyo, Japan")).text())
                .isEqualTo("Webex is mostly working — Cisco reports an incident in APAC (your meeting region)");
        assertThat(headline(statuses, List.of(), Optional.of("London, United Kingdom")).text())
                .isEqualTo("Webex is mostly working — Cisco reports an incident in APAC");
        assertThat(headline(statuses, List.of(), Optional.of("Tokyo, Japan")).state()).isEqualTo(Headline.State.MOSTLY);
    }

    @Test
    void maintenanceInProgressIsNamedAsMaintenance() {
        List<StatusItem> statuses = List.of(maintenance("m1", "Webex Calling London upgrade", "in progress", "London"));

        assertThat(headline(statuses, List.of(), Optional.empty()).text())
                .isEqualTo("Webex is mostly working — Cisco reports maintenance in progress in EMEA");
    }

    @Test
    void aDegradedComponentAloneIsNamedButNotScored() {
        Headline.Line line = headline(List.of(), List.of("Audio and video - APAC (Webex Meetings)"), Optional.empty());

        assertThat(line.text()).isEqualTo("Webex is mostly working — Cisco reports Audio and video - APAC (Webex Meetings) degraded");
        HealthScore.Score score = HealthScore.compute(List.of(), List.of(), List.of(), NOW);
        ProblemLocator.Location where = ProblemLocator.locate(score, HOME_GOOD, List.of(), List.of("Audio and video - APAC (Webex Meetings)"));
        assertThat(where.headline()).isEqualTo("Where is the problem: Webex service (not scored)");
        assertThat(where.place()).isNotEqualTo(ProblemLocator.Place.NONE);
    }

    @Test
    void belowSeventyTheVerdictStays() {
        List<Post> negative = HealthScoreTest.posts(15, Post.Sentiment.NEGATIVE);
        List<StatusItem> statuses = List.of(incident("i1", APAC_INCIDENT, "investigating", Duration.ofMinutes(5)));
        HealthScore.Score score = HealthScore.compute(negative, List.of(), statuses, NOW);
        assertThat(score.healthText()).isEqualTo("65.0");

        Headline.Line line = Headline.of(score, HOME_GOOD, CiscoEvents.open(statuses, NOW, HealthScore.SERVICE_WINDOW), List.of(),
                Optional.of("Tokyo, Japan"));

        assertThat(line.state()).isEqualTo(Headline.State.NOT_FINE);
        assertThat(line.text()).isEqualTo("Webex may not be working properly");
    }
}
