package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static com.webexqoe.core.CoreScenario.BUCKET;
import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 7-day health chart in a real browser (Debian's Chromium through chromedriver, as
 * {@link DashboardBrowserTest}): a week of series items in dynalite, one core run, the bucket
 * served on 127.0.0.1.
 */
class HealthChartBrowserTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    @RegisterExtension
    final BrowserSession browser = new BrowserSession("webexdev-health-chart-");

    /**
     * A week of slots every 15 minutes: an incident yesterday 06:00–09:00 UTC (S = −20, T = −1.5),
     * a poor home this morning 00:00–01:00 UTC, a two-hour gap on the 24th, otherwise 99.5.
     */
    private void seedWeek(CoreScenario scenario) {
        Instant first = HealthTable.slotStart(NOW).minus(Duration.ofDays(7)).plus(HealthTable.SLOT);
        java.util.Map<LocalDate, List<HealthTable.Slot>> days = new java.util.TreeMap<>();
        for (Instant start = first; start.isBefore(NOW); start = start.plus(HealthTable.SLOT)) {
            Instant utc = start;
            int hour = utc.atZone(ZoneOffset.UTC).getHour();
            LocalDate day = HealthTable.utcDay(utc);
            HealthTable.Slot slot;
            if (day.equals(LocalDate.of(2026, 11, 24)) && hour >= 10 && hour < 12) {
                continue;
            } else if (day.equals(LocalDate.of(2026, 11, 27)) && hour >= 6 && hour < 9) {
                slot = CoreScenario.healthSlot(utc, Duration.ofMinutes(2), "-1.5", "-20", "good", "webex-service");
            } else if (day.equals(LocalDate.of(2026, 11, 28)) && hour < 1) {
                slot = CoreScenario.healthSlot(utc, Duration.ofMinutes(2), "0", "0", "poor", "home");
            } else {
                slot = CoreScenario.healthSlot(utc, Duration.ofMinutes(2), "-0.5", "0", "good", "none");
            }
            days.computeIfAbsent(day, d -> new ArrayList<>()).add(slot);
        }
        days.forEach((day, slots) -> scenario.seedHealthSeries(day, 1, slots));
    }

    @Test
    void theSevenDayChartDrawsOnePointPerSlotTheThresholdAndEachPointsTermsAsText() throws Exception {
        CoreScenario scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        seedWeek(scenario);
        scenario.seedIncident();
        scenario.seedRouteGraphs();
        JsonNode result = Json.read(LambdaInvoker.invokeWithResource(scenario.handler(
                scenario.env().set("DYNAMODB_TABLENAME_HEALTH", HealthTable.SCHEMA.tableName()), NOW),
                "webexdev-core", "/events/scheduled-event.json"));
        assertThat(result.get("history").asText()).isEqualTo("recorded");
        JsonNode health = Json.read(scenario.object("health.json"));
        int points = health.get("points").size();
        assertThat(points).as("7 × 96 slots, the 8 of the gap missing").isEqualTo(7 * 96 - 8);
        BucketSite site = browser.serve(s3.client(), BUCKET);
        String origin = site.base().toString();

        browser.driver().get(origin);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
        wait.until(d -> "true".equals(d.findElement(By.id("health-chart")).getAttribute("data-drawn")));

        List<WebElement> circles = browser.driver().findElements(By.cssSelector("#health-chart circle.health-point"));
        assertThat(circles).as("one point per slot in health.json").hasSize(points);
        assertThat(browser.driver().findElement(By.id("health-chart")).getAttribute("data-points")).isEqualTo(Integer.toString(points));
        WebElement threshold = browser.driver().findElement(By.cssSelector("#health-chart line.threshold"));
        assertThat(textContent(threshold)).contains("Verdict threshold 70");
        assertThat(browser.driver().findElement(By.cssSelector("#health-chart text.threshold-label")).getText()).isEqualTo("threshold 70");
        // the threshold sits where the score axis puts 70: between a point at 78.5 and this run's 10.5
        double thresholdY = Double.parseDouble(threshold.getAttribute("y1"));
        WebElement now = circles.get(circles.size() - 1);
        assertThat(Double.parseDouble(now.getAttribute("cy"))).isGreaterThan(thresholdY);
        assertThat(now.getAttribute("class")).contains("below");
        assertThat(browser.driver().findElement(By.cssSelector("#health-chart path.health-line")).getAttribute("d"))
                .as("the line breaks at the gap: two segments").matches("M[^M]+M[^M]+");

        // a point of yesterday's incident: its tooltip is text with its terms (06:00 UTC = 15:00 in Tokyo)
        int incident = indexOf(health, "2026-11-27 15:00");
        String tooltip = textContent(circles.get(incident).findElement(By.tagName("title")));
        assertThat(tooltip).contains("2026-11-27 15:00").contains("Health 78.5").contains("T -1.5").contains("N 0")
                .contains("S -20").contains("where Webex service").contains("home good");
        // the rows say which term pulled it down: S (service) and T (social) in the incident, home this morning
        assertThat(browser.driver().findElements(By.cssSelector("#health-chart g.cause.service rect.pulled")))
                .as("12 incident slots and this run").hasSize(12 + 1);
        assertThat(browser.driver().findElements(By.cssSelector("#health-chart g.cause.home rect.pulled"))).hasSize(4);
        assertThat(browser.driver().findElements(By.cssSelector("#health-chart g.cause.path rect.pulled"))).as("this run's N = -68").hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#health-chart text.cause-label"))).extracting(WebElement::getText)
                .containsExactly("T social", "N path", "S service", "home");
        assertThat(browser.driver().findElements(By.cssSelector("#health-chart title"))).allSatisfy(title ->
                assertThat(title.findElements(By.xpath("./*"))).as("tooltips hold text, no markup").isEmpty());
        // the read-out under the chart starts at the week's lowest point (this run) and follows a tapped point
        assertThat(browser.driver().findElement(By.id("health-readout")).getText()).contains("Health 10.5").contains("N -68");
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", circles.get(incident));
        assertThat(browser.driver().findElement(By.id("health-readout")).getText()).startsWith("2026-11-27 15:00").contains("S -20");

        List<String> consoleErrors = new ArrayList<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        assertThat(consoleErrors).as("no CSP violation, no script error").isEmpty();
        assertThat(site.misses()).isEmpty();
        saveScreenshot("health-chart-browser.png");

        // on a phone: drawn, no sideways scroll
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.driver().get(origin);
        wait.until(d -> "true".equals(d.findElement(By.id("health-chart")).getAttribute("data-drawn")));
        assertThat(((Number) browser.driver().executeScript("return window.innerWidth;")).intValue()).isEqualTo(390);
        assertThat((Boolean) browser.driver().executeScript("return document.documentElement.scrollWidth > window.innerWidth;"))
                .as("390 px").isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#health-chart circle.health-point"))).hasSize(points);
        saveScreenshot("health-chart-browser-390.png");
    }

    private static int indexOf(JsonNode health, String label) {
        for (int i = 0; i < health.get("points").size(); i++) {
            if (health.get("points").get(i).get("label").asText().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no point labelled " + label);
    }

    private String textContent(WebElement element) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].textContent;", element);
    }

    private void saveScreenshot(String name) throws Exception {
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
