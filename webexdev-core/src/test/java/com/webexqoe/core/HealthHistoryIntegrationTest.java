package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health history (docs/webexdev-core.md "Health history") through the handler's real entry:
 * each run's item and the series items in dynalite, {@code health.json} and the page in S3Proxy.
 * {@code TZ} is Asia/Tokyo (UTC+9): 03:00 UTC is 12:00 on the page.
 */
class HealthHistoryIntegrationTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    static final String TABLE = HealthTable.SCHEMA.tableName();

    private CoreScenario scenario;

    @BeforeEach
    void world() {
        scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
    }

    private StandInEnv env() {
        return scenario.env().set("DYNAMODB_TABLENAME_HEALTH", TABLE);
    }

    private JsonNode run(StandInEnv env, Instant at) throws Exception {
        return Json.read(LambdaInvoker.invokeWithResource(scenario.handler(env, at), "webexdev-core", "/events/scheduled-event.json"));
    }

    private List<Map<String, AttributeValue>> runItems(LocalDate day) {
        return dynamo.client().query(r -> r.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.builder().s("run#" + day).build()))).items();
    }

    private Map<String, AttributeValue> seriesItem(LocalDate day) {
        return dynamo.client().getItem(r -> r.tableName(TABLE).key(Map.of(
                HealthTable.PK, AttributeValue.builder().s(HealthTable.SERIES_PK).build(),
                HealthTable.SK, AttributeValue.builder().s(HealthTable.seriesSortKey(day)).build()))).item();
    }

    private JsonNode healthJson() throws Exception {
        return Json.read(scenario.object("health.json"));
    }

    private void incident(Instant at) {
        scenario.put(StatusTable.SCHEMA, List.of(scenario.items.status("Webex Meetings - Users may be unable to join",
                "https://status.webex.com/incidents/9b1f", "investigating", at, at)));
    }

    private void slowPath(Instant at) {
        scenario.put(AlertTable.SCHEMA, List.of(scenario.items.alert("evt-980", at, SeedItems.n(1), "HTTP Server",
                "Webex Web Zone", List.of("Tokyo, Japan"), List.of("Response Time: 980 ms"))));
    }

    private void seedSeries(LocalDate day, long version, List<HealthTable.Slot> slots) {
        scenario.seedHealthSeries(day, version, slots);
    }

    static HealthTable.Slot slot(Instant start, Duration into, String social, String service, String home, String where) {
        return CoreScenario.healthSlot(start, into, social, service, home, where);
    }

    @Test
    void everyRunRecordsAnItemOfItsOwnWithItsTermsVerdictWhereAndHome() throws Exception {
        JsonNode first = run(env(), NOW.plusSeconds(5));
        incident(NOW);
        JsonNode second = run(env(), NOW.plusSeconds(25));
        slowPath(NOW);
        JsonNode third = run(env(), NOW.plusSeconds(45));

        assertThat(List.of(first, second, third)).extracting(r -> r.get("history").asText()).containsOnly("recorded");
        List<Map<String, AttributeValue>> runs = runItems(LocalDate.of(2026, 11, 28));
        assertThat(runs).as("three runs in one minute are three items").hasSize(3);
        assertThat(runs).extracting(item -> item.get(HealthTable.SK).s())
                .containsExactly("2026-11-28T03:00:05Z", "2026-11-28T03:00:25Z", "2026-11-28T03:00:45Z");
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_HEALTH).n()).containsExactly("100", "80", "12");
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_SOCIAL).n()).containsExactly("0", "0", "0");
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_PATH).n()).containsExactly("0", "0", "-68");
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_SERVICE).n()).containsExactly("0", "-20", "-20");
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_FINE).bool()).containsExactly(true, true, false);
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_WHERE).s()).containsExactly("none", "webex-service", "webex-service");
        assertThat(runs).extracting(item -> item.get(HealthTable.RUN_HOME).s()).containsOnly("no-data");
        assertThat(runs.get(2).get(HealthTable.RUN_VERDICT).s()).isEqualTo(third.get("verdict").asText())
                .isEqualTo("Webex may not be working properly");
        assertThat(runs.get(0).get(HealthTable.EXPIRES_AT).n())
                .isEqualTo(Long.toString(NOW.plusSeconds(5).plus(Duration.ofDays(30)).getEpochSecond()));

        // one slot (03:00–03:15 UTC), its minimum: the third run, with that run's terms
        Map<String, AttributeValue> today = seriesItem(LocalDate.of(2026, 11, 28));
        assertThat(today.get(HealthTable.SERIES_SLOTS).l()).extracting(AttributeValue::s)
                .containsExactly("12|" + NOW.plusSeconds(45).toEpochMilli() + "|12|0|-68|-20|no-data|webex-service");
        assertThat(today.get(HealthTable.SERIES_VERSION).n()).as("first run, then each lower minimum").isEqualTo("3");
        assertThat(today.get(HealthTable.EXPIRES_AT).n())
                .isEqualTo(Long.toString(Instant.parse("2026-12-07T00:00:00Z").getEpochSecond()));
        JsonNode points = healthJson().get("points");
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get("t").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(points.get(0).get("label").asText()).isEqualTo("2026-11-28 12:00");
        assertThat(points.get(0).get("health").asText()).isEqualTo("12");
        assertThat(points.get(0).get("N").asInt()).isEqualTo(-68);
        assertThat(points.get(0).get("S").asInt()).isEqualTo(-20);
        assertThat(third.get("historyPoints").asInt()).isEqualTo(1);

        // a higher score later in the same slot leaves the minimum (and the item) as it is
        scenario.dynamo.client().deleteItem(r -> r.tableName(AlertTable.SCHEMA.tableName()).key(Map.of(
                AlertTable.EVENT_ID, AttributeValue.builder().s("evt-980").build(),
                AlertTable.DATETIME, scenario.items.alert("evt-980", NOW, SeedItems.n(1), "HTTP Server", "Webex Web Zone",
                        List.of("Tokyo, Japan"), List.of("Response Time: 980 ms")).get(AlertTable.DATETIME))));
        JsonNode fourth = run(env(), NOW.plus(Duration.ofMinutes(14)));
        assertThat(fourth.get("health").asText()).isEqualTo("80.0");
        assertThat(runItems(LocalDate.of(2026, 11, 28))).hasSize(4);
        assertThat(seriesItem(LocalDate.of(2026, 11, 28)).get(HealthTable.SERIES_VERSION).n()).isEqualTo("3");
        assertThat(healthJson().get("points").get(0).get("health").asText()).isEqualTo("12");
    }

    @Test
    void healthJsonHoldsTheSevenDaySeriesWithTermsSlotMinimumsAndLocalLabels() throws Exception {
        // NOW is 2026-11-28T03:00Z; the run below is at 03:05 (slot 03:00)
        Instant now = NOW.plus(Duration.ofMinutes(5));
        Instant weekAgo = NOW.minus(Duration.ofDays(7));                 // 2026-11-21T03:00Z: 7 days before this slot
        Duration into = Duration.ofMinutes(4);
        seedSeries(LocalDate.of(2026, 11, 20), 1, List.of(
                slot(Instant.parse("2026-11-20T12:00:00Z"), into, "-3", "0", "good", "none")));
        seedSeries(LocalDate.of(2026, 11, 21), 2, List.of(
                slot(weekAgo, into, "-4", "0", "good", "none"),                 // older than 7 days
                slot(weekAgo.plus(HealthTable.SLOT), into, "-1.5", "-20", "good", "webex-service")));
        seedSeries(LocalDate.of(2026, 11, 27), 5, List.of(
                slot(Instant.parse("2026-11-27T06:00:00Z"), into, "0", "-20", "good", "webex-service"),
                slot(Instant.parse("2026-11-27T06:15:00Z"), into, "-2", "-20", "good", "webex-service"),
                slot(Instant.parse("2026-11-27T23:45:00Z"), into, "-0.5", "0", "poor", "home")));
        seedSeries(LocalDate.of(2026, 11, 28), 7, List.of(
                slot(Instant.parse("2026-11-28T02:45:00Z"), into, "0", "0", "good", "none"),
                slot(NOW, Duration.ofMinutes(1), "-5", "0", "good", "none")));     // 95: lower than this run's 100

        JsonNode answer = run(env(), now);

        assertThat(answer.get("health").asText()).isEqualTo("100.0");
        JsonNode health = healthJson();
        assertThat(health.get("zone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(health.get("threshold").asInt()).isEqualTo(70);
        assertThat(health.get("slotMinutes").asInt()).isEqualTo(15);
        List<String> labels = new ArrayList<>();
        health.get("points").forEach(p -> labels.add(p.get("label").asText() + " " + p.get("health").asText()));
        assertThat(labels).as("oldest first, the 20th and the slot before the week left out, local labels").containsExactly(
                "2026-11-21 12:15 78.5", "2026-11-27 15:00 80", "2026-11-27 15:15 78", "2026-11-28 08:45 99.5",
                "2026-11-28 11:45 100", "2026-11-28 12:00 95");
        for (JsonNode point : health.get("points")) {
            assertThat(point.get("health").decimalValue()).as("the terms add up").isEqualByComparingTo(BigDecimal.valueOf(100)
                    .add(point.get("T").decimalValue()).add(point.get("N").decimalValue()).add(point.get("S").decimalValue()));
            assertThat(point.get("t").asLong() % Duration.ofMinutes(15).toMillis()).as("UTC-aligned slots").isZero();
        }
        JsonNode first = health.get("points").get(0);
        assertThat(first.get("T").decimalValue()).isEqualByComparingTo("-1.5");
        assertThat(first.get("S").asInt()).isEqualTo(-20);
        assertThat(first.get("where").asText()).isEqualTo("webex-service");
        assertThat(health.get("points").get(3).get("home").asText()).isEqualTo("poor");
        JsonNode kept = health.get("points").get(5);
        assertThat(kept.get("at").asLong()).as("the stored minimum, not this run").isEqualTo(NOW.plus(Duration.ofMinutes(1)).toEpochMilli());
        assertThat(kept.get("T").asInt()).isEqualTo(-5);
        assertThat(answer.get("historyPoints").asInt()).isEqualTo(6);
        assertThat(seriesItem(LocalDate.of(2026, 11, 28)).get(HealthTable.SERIES_VERSION).n()).as("nothing lowered").isEqualTo("7");

        // a lower score in the same slot replaces the minimum, conditionally on the version read
        incident(NOW);
        slowPath(NOW);
        run(env(), now.plusSeconds(30));
        Map<String, AttributeValue> today = seriesItem(LocalDate.of(2026, 11, 28));
        assertThat(today.get(HealthTable.SERIES_VERSION).n()).isEqualTo("8");
        assertThat(today.get(HealthTable.SERIES_SLOTS).l()).extracting(AttributeValue::s).containsExactly(
                "11|" + Instant.parse("2026-11-28T02:49:00Z").toEpochMilli() + "|100|0|0|0|good|none",
                "12|" + now.plusSeconds(30).toEpochMilli() + "|12|0|-68|-20|no-data|webex-service");
        JsonNode lowered = healthJson().get("points").get(5);
        assertThat(lowered.get("health").asText()).isEqualTo("12");
        assertThat(lowered.get("runLabel").asText()).isEqualTo("2026-11-28 12:05");
    }

    @Test
    void withTheHealthTableUnsetHealthJsonHoldsThisRunsPointAloneAndNothingIsRead() throws Exception {
        incident(NOW);
        seedSeries(LocalDate.of(2026, 11, 28), 1, List.of(slot(NOW.minus(Duration.ofHours(1)), Duration.ZERO, "-9", "0", "good", "none")));

        JsonNode answer = run(scenario.env(), NOW.plusSeconds(20));

        assertThat(answer.get("history").asText()).isEqualTo("off");
        assertThat(answer.get("itemsRead").asLong()).as("the status item only: no series read")
                .isEqualTo(answer.get("statusItems").asLong()).isEqualTo(1);
        JsonNode points = healthJson().get("points");
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get("health").asText()).isEqualTo("80");
        assertThat(points.get(0).get("S").asInt()).isEqualTo(-20);
        assertThat(points.get(0).get("label").asText()).isEqualTo("2026-11-28 12:00");
        assertThat(runItems(LocalDate.of(2026, 11, 28))).as("nothing recorded").isEmpty();
        assertThat(scenario.object("index.html")).contains("id=\"health-chart\"");
    }

    @Test
    void aHealthTableThatCannotBeReadOrWrittenLeavesThePageWrittenAndIsNamed() throws Exception {
        incident(NOW);
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        JsonNode answer;
        System.setOut(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        try {
            answer = run(scenario.env().set("DYNAMODB_TABLENAME_HEALTH", "webexdev-health-missing"), NOW.plusSeconds(20));
        } finally {
            System.setOut(original);
        }
        String log = logBytes.toString(StandardCharsets.UTF_8);

        assertThat(answer.get("health").asText()).isEqualTo("80.0");
        assertThat(answer.get("history").asText()).startsWith("failed: ")
                .contains("health table webexdev-health-missing: could not record the run")
                .contains("could not read the 7-day series").contains("does not exist");
        assertThat(log).contains("\"health history: could not record the run\"").contains("webexdev-health-missing")
                .contains("\"health history: could not read the 7-day series\"");
        assertThat(log.lines().filter(line -> line.contains("dashboard run done"))).hasSize(1);
        assertThat(scenario.object("index.html")).contains("id=\"health-chart\"");
        JsonNode points = healthJson().get("points");
        assertThat(points).as("the chart from what is available: this run").hasSize(1);
        assertThat(points.get(0).get("health").asText()).isEqualTo("80");
    }

    @Test
    void itemsReadPerRenderStayFlatFromOneDayToSevenDaysOfHistory() throws Exception {
        scenario.seedIncident();
        long oneDay = readsWithHistory(1);
        long sevenDays = readsWithHistory(7);
        double ratio = (double) sevenDays / oneDay;
        String figure = String.format(java.util.Locale.ROOT, "webexdev-core items read per render (seedIncident scenario, "
                + "run items every 5 minutes and full series items): 1 day of history %d, 7 days %d, ratio %.3f (target ≤ 1.2)",
                oneDay, sevenDays, ratio);
        System.out.println(figure);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "health-read-cost.txt"), figure + System.lineSeparator());
        assertThat(ratio).isLessThanOrEqualTo(1.2);
        assertThat(sevenDays - oneDay).as("six more series items, never the run records").isEqualTo(6);
    }

    /**
     * Seeds {@code days} of history as a minute-by-minute core leaves it (the series items of the
     * UTC days the span touches, run records every 5 minutes), then answers one run's itemsRead.
     */
    private long readsWithHistory(int days) throws Exception {
        dynamo.client().deleteTable(r -> r.tableName(TABLE));
        dynamo.create(HealthTable.SCHEMA.createTableRequest());
        Instant now = NOW.plus(Duration.ofMinutes(5));
        Instant from = now.minus(Duration.ofDays(days));
        List<Map<String, AttributeValue>> runs = new ArrayList<>();
        int inWindow = 0;
        for (LocalDate day = HealthTable.utcDay(from); !day.isAfter(HealthTable.utcDay(now)); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            List<HealthTable.Slot> slots = new ArrayList<>();
            for (Instant start = dayStart; start.isBefore(dayStart.plus(Duration.ofDays(1))) && start.isBefore(now);
                 start = start.plus(HealthTable.SLOT)) {
                slots.add(slot(start, Duration.ofMinutes(3), "-1", "0", "good", "none"));
                inWindow += start.isAfter(NOW.minus(Duration.ofDays(7))) ? 1 : 0;
            }
            seedSeries(day, slots.size(), slots);
        }
        for (Instant at = from; at.isBefore(now); at = at.plus(Duration.ofMinutes(5))) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put(HealthTable.PK, AttributeValue.builder().s(HealthTable.runPartition(at)).build());
            item.put(HealthTable.SK, AttributeValue.builder().s(HealthTable.runSortKey(at)).build());
            item.put(HealthTable.RUN_HEALTH, AttributeValue.builder().n("99").build());
            runs.add(item);
        }
        new com.webexqoe.common.dynamo.DynamoTable(dynamo.client(), TABLE).putAll(runs);
        JsonNode answer = run(env(), now);
        assertThat(answer.get("history").asText()).isEqualTo("recorded");
        assertThat(answer.get("historyPoints").asInt()).as("one point per slot of the window").isEqualTo(inWindow);
        return answer.get("itemsRead").asLong();
    }
}
