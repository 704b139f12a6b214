package com.webexqoe.core.score;

import com.webexqoe.core.sources.StatusItem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.webexqoe.core.score.CiscoStatusTestItems.APAC_INCIDENT;
import static com.webexqoe.core.score.CiscoStatusTestItems.NOW;
import static com.webexqoe.core.score.CiscoStatusTestItems.component;
import static com.webexqoe.core.score.CiscoStatusTestItems.feed;
import static com.webexqoe.core.score.CiscoStatusTestItems.incident;
import static com.webexqoe.core.score.CiscoStatusTestItems.maintenance;
import static com.webexqoe.core.score.CiscoStatusTestItems.summary;
import static org.assertj.core.api.Assertions.assertThat;

/** The S term from both of Cisco's sources (docs/behaviour.md#core-score). */
class CiscoEventsTest {

    private static HealthScore.Component service(List<StatusItem> items) {
        return HealthScore.compute(List.of(), List.of(), items, NOW).service();
    }

    @Test
    void anUnresolvedApiIncidentAloneFiresS() {
        HealthScore.Component s = service(List.of(incident("i1", APAC_INCIDENT, "investigating", Duration.ofMinutes(5), "Audio and video - APAC")));

        assertThat(s.value()).isEqualByComparingTo("-20");
        assertThat(s.evidence()).containsExactly("\"" + APAC_INCIDENT + "\" — investigating, impact major, updated 5 min ago (status API)");
    }

    @Test
    void anInProgressApiMaintenanceFiresSAndAnUpcomingOneDoesNot() {
        assertThat(service(List.of(maintenance("m1", "Webex Calling London upgrade", "in progress", "London"))).value())
                .isEqualByComparingTo("-20");
        assertThat(service(List.of(maintenance("m1", "Webex Calling London upgrade", "scheduled", "London"))).value())
                .isEqualByComparingTo("0");
    }

    @Test
    void aFeedTitleAndAnApiNameEqualAfterTrimAndCaseFoldingAreOneEvent() {
        List<StatusItem> items = List.of(
                feed("  " + APAC_INCIDENT.toUpperCase(java.util.Locale.ROOT) + " ", "investigating", Duration.ofMinutes(30)),
                incident("i1", APAC_INCIDENT, "identified", Duration.ofMinutes(5)));

        List<CiscoEvents.Event> open = CiscoEvents.open(items, NOW, HealthScore.SERVICE_WINDOW);

        assertThat(open).hasSize(1);
        assertThat(open.get(0).inFeed()).isTrue();
        assertThat(open.get(0).inApi()).isTrue();
        assertThat(open.get(0).status()).as("the API's current status").isEqualTo("identified");
        assertThat(open.get(0).url()).as("the feed's own page").contains("https://status.webex.com/incidents/9b1f");
        assertThat(service(items).value()).isEqualByComparingTo("-20");
        assertThat(service(items).evidence()).singleElement().asString().endsWith("(feed and status API)");
    }

    @Test
    void twoDifferentEventsAreListedBothAndStillCostTwenty() {
        HealthScore.Component s = service(List.of(feed("Webex Messaging - Delayed message delivery", "monitoring", Duration.ofHours(1)),
                incident("i1", APAC_INCIDENT, "investigating", Duration.ofMinutes(5))));

        assertThat(s.value()).isEqualByComparingTo("-20");
        assertThat(s.evidence()).hasSize(2);
    }

    @Test
    void aDegradedComponentOrTheSummaryAloneIsNotScored() {
        HealthScore.Component s = service(List.of(component("c1", "Audio and video - APAC", "Webex Meetings", "partial_outage"),
                summary("yellow", "Partially Degraded Service")));

        assertThat(s.value()).isEqualByComparingTo("0");
        assertThat(s.warning()).isFalse();
    }

    @Test
    void anApiIncidentNotUpdatedForADayIsOutsideTheWindow() {
        assertThat(service(List.of(incident("i1", APAC_INCIDENT, "monitoring", Duration.ofHours(25)))).value())
                .isEqualByComparingTo("0");
    }

    @Test
    void anApiItemWithoutItsApiPartIsNeitherFeedNorApi() {
        StatusItem unreadable = new StatusItem("api:incident:x", java.util.Optional.empty(), "investigating",
                java.util.Optional.of(NOW.minus(Duration.ofMinutes(3))), java.util.Optional.of(NOW));

        assertThat(service(List.of(unreadable)).value()).isEqualByComparingTo("0");
    }
}
