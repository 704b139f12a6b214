package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.core.score.HealthScore;
import com.webexqoe.core.sources.Alert;
import com.webexqoe.core.sources.DashboardItems;
import com.webexqoe.te.alert.AlertParser;
import com.webexqoe.te.alert.DynamoAlertStore;
import com.webexqoe.te.poll.AlertPoll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert's life through the path term N (docs/behaviour.md#core-score): the te webhook's and the
 * te poll's own items (from the te module's fixtures, written from ThousandEyes' docs and
 * published payloads), read back by core's reader, scored at a given time.
 */
class AlertLifecycleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static final Instant T0 = Instant.parse("2026-11-27T09:30:00Z");
    static final Path FIXTURES = Path.of("..", "webexdev-te", "src", "test", "resources");

    final DashboardItems reader = new DashboardItems(ZONE);
    final List<Alert> stored = new ArrayList<>();

    static JsonNode json(String path) {
        try {
            return Json.read(new String(fixture(path), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fixture(String path) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webhook receives {@code fixture} at {@code at}: its item, as the dashboard reads it. */
    void received(String fixture, Instant at) {
        AlertParser.Parsed parsed = new AlertParser().parse(fixture(fixture));
        assertThat(parsed).as(fixture).isInstanceOf(AlertParser.Parsed.Valid.class);
        store(((AlertParser.Parsed.Valid) parsed).alert(), at);
    }

    void polled(String fixture, boolean trigger, Instant at) {
        JsonNode list = json(fixture);
        store(AlertPoll.toAlert(list.get("alerts").get(0), trigger).orElseThrow(), at);
    }

    void store(com.webexqoe.te.alert.Alert alert, Instant at) {
        Map<String, AttributeValue> item = DynamoAlertStore.item(alert, at, new LocalTimes(Clock.fixed(at, ZONE), ZONE));
        stored.add(reader.alert(item).orElseThrow());
    }

    HealthScore.Component n(Instant now) {
        return HealthScore.path(stored, now);
    }

    @Test
    void aClassicTriggerCountsUntilItsClearArrivesThenNotAtAll() {
        received("alerts/alert-trigger-network-uuid.json", T0);
        assertThat(n(T0.plus(Duration.ofMinutes(10))).value()).isEqualByComparingTo("-10");

        received("alerts/alert-clear-network-uuid.json", T0.plus(Duration.ofMinutes(20)));

        assertThat(n(T0.plus(Duration.ofMinutes(21))).value()).isEqualByComparingTo("0");
        assertThat(n(T0.plus(Duration.ofMinutes(21))).evidence().get(0)).isEqualTo("no ThousandEyes alert triggered in the last 60 min");
        // before the clear was received, the trigger still counted
        assertThat(n(T0.plus(Duration.ofMinutes(19))).value()).isEqualByComparingTo("-10");
    }

    @Test
    void aClearOfAnotherAlertEndsNothing_andATriggerWithoutAlertIdKeepsTheHourRule() {
        received("alerts/alert-trigger-http-server-response-time.json", T0); // alertId 76947300
        received("alerts/alert-clear-network-uuid.json", T0.plus(Duration.ofMinutes(5)));
        assertThat(n(T0.plus(Duration.ofMinutes(10))).value()).isEqualByComparingTo("-90.4");

        stored.clear();
        stored.add(new Alert("old", T0, "HTTP Server", true, List.of("Tokyo"), List.of("Response Time: 600 ms"), "Web", ""));
        stored.add(new Alert("old-clear", T0.plus(Duration.ofMinutes(5)), "HTTP Server", false, List.of(), List.of(), "Web", ""));
        assertThat(n(T0.plus(Duration.ofMinutes(10))).value()).isEqualByComparingTo("-30");
        assertThat(n(T0.plus(Duration.ofMinutes(61))).value()).isEqualByComparingTo("0");
    }

    @Test
    void aCustomWebhooksTriggerReadsItsAgentsResponseTimeAndItsClearEndsIt() {
        received("alerts/custom/generic-trigger.json", T0); // worst agent: 1,204 ms
        assertThat(n(T0.plus(Duration.ofMinutes(1))).value()).isEqualByComparingTo("-90.4");

        received("alerts/custom/generic-clear.json", T0.plus(Duration.ofMinutes(2)));

        assertThat(n(T0.plus(Duration.ofMinutes(3))).value()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void anAgentNotificationIsShownButCostsNothing() {
        received("alerts/agent-alert-trigger-2025.json", T0);

        HealthScore.Component n = n(T0.plus(Duration.ofMinutes(5)));

        assertThat(n.value()).isEqualByComparingTo("0");
        assertThat(n.warning()).isFalse();
        assertThat(n.evidence()).hasSize(2);
        assertThat(n.evidence().get(1)).startsWith("1 ThousandEyes agent notification(s), not counted")
                .contains("home-raspberrypi — Last Contact ≥ 6 minutes ago");

        received("alerts/agent-alert-clear-legacy.json", T0.plus(Duration.ofMinutes(25)));
        assertThat(n(T0.plus(Duration.ofMinutes(26))).evidence()).hasSize(1);
    }

    @Test
    void aPolledAlertKeepsCountingWhileThePollReconfirmsItAndItsPolledClearEndsIt() {
        polled("thousandeyes/alerts-v7-active.json", true, T0);
        polled("thousandeyes/alerts-v7-active.json", true, T0.plus(Duration.ofMinutes(55)));
        polled("thousandeyes/alerts-v7-active.json", true, T0.plus(Duration.ofMinutes(65)));

        HealthScore.Component stillActive = n(T0.plus(Duration.ofMinutes(70)));
        assertThat(stillActive.value()).isEqualByComparingTo("-10");
        assertThat(stillActive.evidence().get(0)).startsWith("worst of 1 alert trigger(s) in the last 60 min: http-server, ")
                .contains("no readable response time, 5 min ago");

        JsonNode cleared = json("thousandeyes/alerts-v7-active.json").get("alerts").get(0);
        store(AlertPoll.toAlert(cleared, false).orElseThrow(), T0.plus(Duration.ofMinutes(70)));
        assertThat(n(T0.plus(Duration.ofMinutes(71))).value()).isEqualByComparingTo("0");
    }

    @Test
    void thePollsRefreshKeepsTheResponseTimeTheWebhookDeliveredForTheSameAlert() {
        received("alerts/custom/generic-trigger.json", T0); // alert c41e8f0a-…, worst agent 1,204 ms
        com.fasterxml.jackson.databind.node.ObjectNode listed =
                (com.fasterxml.jackson.databind.node.ObjectNode) json("thousandeyes/alerts-v7-active.json").get("alerts").get(0);
        listed.put("id", "c41e8f0a-9d2b-4f53-a7e6-18b2d9c0f3a1");
        store(AlertPoll.toAlert(listed, true).orElseThrow(), T0.plus(Duration.ofMinutes(50)));
        store(AlertPoll.toAlert(listed, true).orElseThrow(), T0.plus(Duration.ofMinutes(65)));

        HealthScore.Component n = n(T0.plus(Duration.ofMinutes(70)));

        assertThat(n.value()).isEqualByComparingTo("-90.4");
        assertThat(n.evidence().get(0)).startsWith("worst of 1 alert trigger(s)").contains("response time 1204 ms, 5 min ago");
        store(AlertPoll.toAlert(listed, false).orElseThrow(), T0.plus(Duration.ofMinutes(75)));
        assertThat(n(T0.plus(Duration.ofMinutes(76))).value()).isEqualByComparingTo("0");
    }
}
