package com.webexqoe.status;

import com.webexqoe.common.schema.StatusTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** index.json as documented at https://status.webex.com/api (and Atlassian Statuspage's v2 summary, which it follows). */
class StatusApiParserTest {

    private final StatusApiParser parser = new StatusApiParser();

    private static ApiItem item(ParsedApi parsed, String title) {
        return parsed.items().stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void webexSampleGivesTheSummaryTheNonOperationalComponentsTheOpenIncidentAndTheMaintenance() {
        ParsedApi parsed = parser.parse(Fixtures.api("index-apac-incident-and-maintenance.json"));

        assertThat(parsed.items()).extracting(ApiItem::title).containsExactly(
                "api:summary",
                "api:component:f39a9300c28611e8b87a2b7de57ea3ca",
                "api:component:fc5ed640c28611e89f7a893fb1236b0a",
                "api:component:4be1c7e0c28711e8a3b1e7f5d2c0b202",
                "api:incident:9b1f4c20ab6611efa1b3d7c2e8f0a303",
                "api:maintenance:77aa0e10a52011efa9d1c3b2e7f6a505");
        assertThat(parsed.finished()).as("the resolved Control Hub incident").isEqualTo(1);
        assertThat(parsed.droppedTotal()).isZero();

        ApiItem summary = item(parsed, "api:summary");
        assertThat(summary.status()).isEqualTo("yellow");
        assertThat(summary.name()).isEqualTo("Partially Degraded Service");

        ApiItem child = item(parsed, "api:component:fc5ed640c28611e89f7a893fb1236b0a");
        assertThat(child.name()).isEqualTo("Audio and video - APAC");
        assertThat(child.status()).isEqualTo("partial_outage");
        assertThat(child.group()).as("from the group's components[] list").contains("Webex Meetings");
        assertThat(item(parsed, "api:component:f39a9300c28611e8b87a2b7de57ea3ca").group()).isEmpty();

        ApiItem incident = item(parsed, "api:incident:9b1f4c20ab6611efa1b3d7c2e8f0a303");
        assertThat(incident.name()).startsWith("Webex Meetings: Users may experience poor audio quality");
        assertThat(incident.status()).isEqualTo("investigating");
        assertThat(incident.impact()).contains("major");
        assertThat(incident.components()).containsExactly("Audio and video - APAC");
        assertThat(incident.locations()).contains("APAC");
        assertThat(incident.url()).as("Webex gives no link: the status page").contains("https://status.webex.com");
        assertThat(incident.published()).contains(Instant.parse("2026-11-27T08:52:42.765Z"));
        assertThat(incident.updated()).contains(Instant.parse("2026-11-27T09:10:03.837Z"));

        ApiItem maintenance = item(parsed, "api:maintenance:77aa0e10a52011efa9d1c3b2e7f6a505");
        assertThat(maintenance.status()).isEqualTo("in progress");
        assertThat(maintenance.impact()).contains("maintenance");
        assertThat(maintenance.components()).containsExactly("Webex Calling - London");
        assertThat(maintenance.scheduledFor()).contains(Instant.parse("2026-11-27T02:00:00Z"));
        assertThat(maintenance.scheduledUntil()).contains(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void allOperationalGivesTheSummaryAlone() {
        ParsedApi parsed = parser.parse(Fixtures.api("index-all-operational.json"));

        assertThat(parsed.items()).hasSize(1);
        assertThat(parsed.items().get(0).status()).isEqualTo("green");
        assertThat(parsed.items().get(0).name()).isEqualTo("All Systems Operational");
    }

    @Test
    void malformedEntriesAreDroppedAndCountedTheRestKept() {
        ParsedApi parsed = parser.parse(Fixtures.api("index-malformed-entries.json"));

        assertThat(parsed.dropped()).containsEntry("components", 3).containsEntry("incidents", 2)
                .containsEntry("scheduled_maintenances", 0);
        assertThat(parsed.finished()).as("the completed maintenance").isEqualTo(1);
        assertThat(parsed.items()).extracting(ApiItem::title)
                .containsExactly("api:summary", "api:component:c1", "api:incident:i1", "api:maintenance:m1");
        ApiItem incident = item(parsed, "api:incident:i1");
        assertThat(incident.components()).as("an id of a listed component is named").containsExactly("Webex Messaging");
        assertThat(incident.locations()).as("a list of locations").contains("EMEA, Frankfurt");
        assertThat(item(parsed, "api:summary").status()).as("Statuspage's indicator words are kept").isEqualTo("major");
        ApiItem maintenance = item(parsed, "api:maintenance:m1");
        assertThat(maintenance.url()).as("Statuspage's shortlink").contains("https://stspg.io/abc123");
        assertThat(maintenance.scheduledFor()).contains(Instant.parse("2026-11-28T01:00:00Z"));
        assertThat(maintenance.status()).isEqualTo("scheduled");
    }

    @Test
    void missingListsAndStatusAreTolerated() {
        ParsedApi parsed = parser.parse("{\"incidents\":[{\"id\":\"x\",\"name\":\"Webex: slow\",\"status\":\"Monitoring\"}]}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.items()).extracting(ApiItem::title, ApiItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("api:summary", "unknown"),
                        org.assertj.core.groups.Tuple.tuple("api:incident:x", "monitoring"));
        assertThat(item(parsed, "api:incident:x").components()).isEmpty();
        assertThat(item(parsed, "api:incident:x").impact()).isEqualTo(Optional.empty());
    }

    @Test
    void anArrayWhereTheObjectBelongsIsRefused() {
        assertThatThrownBy(() -> parser.parse(Fixtures.api("index-array.json")))
                .isInstanceOf(StatusApiException.class)
                .hasMessage("status API answer is not a JSON object but a list");
    }

    @Test
    void aTruncatedAnswerIsRefused() {
        assertThatThrownBy(() -> parser.parse(Fixtures.api("index-truncated.json")))
                .isInstanceOf(StatusApiException.class)
                .hasMessageStartingWith("status API answer is not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Service Unavailable</body></html>", "", "\"components\""})
    void htmlEmptyOrAStringIsRefused(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatusApiException.class)
                .hasMessageStartingWith("status API answer is not");
    }

    @Test
    void aListThatIsNotAListIsRefused() {
        assertThatThrownBy(() -> parser.parse("{\"components\":{\"id\":\"c1\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(StatusApiException.class)
                .hasMessage("status API field \"components\" is not a list but object");
    }

    @Test
    void titlesStartWithTheApiPrefix() {
        assertThat(parser.parse(Fixtures.api("index-apac-incident-and-maintenance.json")).items())
                .allSatisfy(i -> assertThat(i.title()).startsWith(StatusTable.API_PREFIX));
        assertThat(List.of(StatusTable.apiTitle("incident", "42"))).containsExactly("api:incident:42");
    }
}
