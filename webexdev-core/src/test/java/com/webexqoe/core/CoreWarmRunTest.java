package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.core.page.StaticAssets;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm run at one day of data and a full 7-day health history (the core runs 43,200 times a
 * month): one container, a first run, then ten timed runs against the stand-ins. The figure is written to
 * {@code target/core-warm-run.txt} and printed; it is reported, never asserted (times vary by machine).
 */
class CoreWarmRunTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    @Test
    void warmRunAtOneDayOfData() throws Exception {
        CoreScenario scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        scenario.seedIncident();
        SeedItems items = scenario.items;
        // one day more than the scenario: 10 posts per 15-minute run, an alert pair an hour, 40 status items
        List<Map<String, AttributeValue>> posts = new ArrayList<>();
        for (int i = 0; i < 960; i++) {
            Instant at = NOW.minus(Duration.ofSeconds(90L * i + 60));
            posts.add(items.post("day-" + i, at, "Webex post number " + i + " with some ordinary text about meetings",
                    i % 7 == 0 ? "NEGATIVE" : i % 3 == 0 ? "POSITIVE" : "NEUTRAL"));
        }
        scenario.put(TwitterTable.SCHEMA, posts);
        List<Map<String, AttributeValue>> alerts = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            alerts.add(items.alert("day-alert-" + i, NOW.minus(Duration.ofMinutes(70 + 30L * i)),
                    SeedItems.n(i % 2 == 0 ? 1 : 0), "Network Path", "Webex Multimedia", List.of("Tokyo, Japan"),
                    List.of("Loss: 3%")));
        }
        scenario.put(AlertTable.SCHEMA, alerts);
        List<Map<String, AttributeValue>> statuses = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            statuses.add(items.status("Past maintenance " + i, "https://status.webex.com/m/" + i, "completed",
                    NOW.minus(Duration.ofDays(1 + i % 20)), NOW.minus(Duration.ofMinutes(3))));
        }
        scenario.put(StatusTable.SCHEMA, statuses);
        // the health history: a week of slot minimums in the 8 series items the window touches
        java.util.Map<java.time.LocalDate, List<com.webexqoe.common.schema.HealthTable.Slot>> series = new java.util.TreeMap<>();
        for (Instant slot = NOW.minus(Duration.ofDays(7)).plus(com.webexqoe.common.schema.HealthTable.SLOT); slot.isBefore(NOW);
             slot = slot.plus(com.webexqoe.common.schema.HealthTable.SLOT)) {
            series.computeIfAbsent(com.webexqoe.common.schema.HealthTable.utcDay(slot), day -> new ArrayList<>())
                    .add(CoreScenario.healthSlot(slot, Duration.ofMinutes(3), "-1.5", "0", "good", "none"));
        }
        series.forEach((day, slots) -> scenario.seedHealthSeries(day, 1, slots));

        CoreHandler handler = scenario.handler(scenario.env().set("DYNAMODB_TABLENAME_HEALTH",
                com.webexqoe.common.schema.HealthTable.SCHEMA.tableName()), NOW);
        // the same world without the history, run alternately with it, so a loaded machine slows both alike
        CoreHandler withoutHistory = scenario.handler(scenario.env(), NOW);
        String first = LambdaInvoker.invokeWithResource(handler, "webexdev-core", "/events/scheduled-event.json");
        LambdaInvoker.invokeWithResource(withoutHistory, "webexdev-core", "/events/scheduled-event.json");
        long[] millis = new long[10];
        long[] without = new long[millis.length];
        JsonNode last = null;
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            last = Json.read(LambdaInvoker.invokeWithResource(handler, "webexdev-core", "/events/scheduled-event.json"));
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            LambdaInvoker.invokeWithResource(withoutHistory, "webexdev-core", "/events/scheduled-event.json");
            without[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        Arrays.sort(without);
        String figure = "webexdev-core warm run at one day of data and 7 days of health history (" + last.get("posts").asInt() + " posts, "
                + last.get("polls").asInt() + " polls, " + last.get("alerts").asInt() + " alerts, "
                + last.get("statusItems").asInt() + " status items, " + last.get("historyPoints").asInt()
                + " health.json points, " + last.get("itemsRead").asInt() + " items read, page " + last.get("pageBytes").asInt()
                + " bytes): median " + millis[millis.length / 2] + " ms, min " + millis[0] + " ms, max "
                + millis[millis.length - 1] + " ms over " + millis.length + " runs; without the history, alternately: median "
                + without[without.length / 2] + " ms, min " + without[0] + " ms, max " + without[without.length - 1]
                + " ms (dynalite + S3Proxy on this machine)";
        System.out.println(figure);
        Files.writeString(Path.of("target", "core-warm-run.txt"), figure + System.lineSeparator());

        assertThat(Json.read(first).get("assetsUploaded").asInt()).isEqualTo(StaticAssets.FILES.size());
        assertThat(last.get("assetsUploaded").asInt()).as("a warm container does not check the assets every run").isZero();
        assertThat(last.get("posts").asInt()).isGreaterThan(960);
        assertThat(last.get("health").asText()).isEqualTo(Json.read(first).get("health").asText());
        // The run's own read cost (DynamoTable.readCost() before and after), as logged and answered.
        long shown = last.get("posts").asLong() + last.get("polls").asLong() + last.get("alerts").asLong()
                + last.get("statusItems").asLong();
        // + the 8 series items of the 7-day window (one BatchGetItem)
        assertThat(last.get("history").asText()).isEqualTo("recorded");
        assertThat(last.get("historyPoints").asInt()).isEqualTo(7 * 96);
        assertThat(last.get("itemsRead").asLong()).isBetween(shown + 8, shown + 8 + 5);
        assertThat(last.get("readCapacity").decimalValue()).isPositive();
    }
}
