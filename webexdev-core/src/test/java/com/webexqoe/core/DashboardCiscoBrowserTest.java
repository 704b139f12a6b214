package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.webexqoe.core.CoreScenario.BUCKET;
import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cisco's status JSON API on the page, in a real browser at a desktop width and at a phone's
 * 390 px: the components that are not operational, the unresolved incident with its region
 * matched to the user's meeting region, and one headline that agrees with "where is the problem"
 * (docs/behaviour.md#core-headline, #core-phone).
 */
class DashboardCiscoBrowserTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    static final String INCIDENT = "Webex Meetings: Users may experience poor audio quality in meetings hosted on the APAC cluster";

    @RegisterExtension
    final BrowserSession browser = new BrowserSession("webexdev-chromium-cisco-");

    /** An APAC incident (API and feed), a degraded APAC component, an upcoming maintenance; the user meets in Tokyo. */
    private static void seed(CoreScenario scenario) {
        SeedItems items = scenario.items;
        Instant seen = NOW.minus(Duration.ofMinutes(2));
        scenario.put(StatusTable.SCHEMA, List.of(
                items.api(StatusTable.KIND_SUMMARY, "", "Partially Degraded Service", "yellow", seen,
                        StatusTable.INDICATOR, "yellow", StatusTable.DESCRIPTION, "Partially Degraded Service"),
                items.api(StatusTable.KIND_COMPONENT, "fc5ed640", "Audio and video - APAC", "partial_outage", seen,
                        StatusTable.GROUP, "Webex Meetings", StatusTable.UPDATED, NOW.minus(Duration.ofMinutes(20)).toString()),
                items.api(StatusTable.KIND_COMPONENT, "f39a9300", "Webex Meetings", "degraded_performance", seen,
                        StatusTable.UPDATED, NOW.minus(Duration.ofMinutes(20)).toString()),
                items.api(StatusTable.KIND_INCIDENT, "9b1f4c20", INCIDENT, "investigating", seen,
                        StatusTable.IMPACT, "major", StatusTable.COMPONENTS, "Audio and video - APAC", StatusTable.LOCATIONS, "APAC",
                        StatusTable.URL, "https://status.webex.com", StatusTable.PUBLISHED, NOW.minus(Duration.ofMinutes(40)).toString(),
                        StatusTable.UPDATED, NOW.minus(Duration.ofMinutes(15)).toString()),
                items.api(StatusTable.KIND_MAINTENANCE, "77aa0e10", "Scheduled maintenance - Webex Calling London", "scheduled", seen,
                        StatusTable.IMPACT, "maintenance", StatusTable.COMPONENTS, "Webex Calling - London", StatusTable.LOCATIONS, "London",
                        StatusTable.URL, "https://status.webex.com", StatusTable.SCHEDULED_FOR, NOW.plus(Duration.ofHours(20)).toString(),
                        StatusTable.SCHEDULED_UNTIL, NOW.plus(Duration.ofHours(22)).toString()),
                // the same incident in the feed, with different case and spacing: one event, −20 once
                items.status("  webex meetings: users may experience poor audio quality in meetings hosted on the APAC cluster ",
                        "https://status.webex.com/incidents/9b1f", "investigating", NOW.minus(Duration.ofMinutes(40)), seen)));
        scenario.put(QualityTable.SCHEMA, List.of(
                scenario.qualityRecord("meeting-new", "user@example.com", NOW.minus(Duration.ofHours(1)), "wired", 60, 5, 0)));
    }

    @Test
    void theComponentsTheIncidentAndOneCoherentHeadlineAtDesktopAndPhoneWidth() throws Exception {
        CoreScenario scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        seed(scenario);
        JsonNode result = Json.read(LambdaInvoker.invokeWithResource(scenario.handler(scenario.env(), NOW),
                "webexdev-core", "/events/scheduled-event.json"));
        assertThat(result.get("health").asText()).as("100 + 0 + 0 − 20, the formula unchanged").isEqualTo("80.0");
        String headline = "Webex is mostly working — Cisco reports an incident in APAC (your meeting region)";
        assertThat(result.get("verdict").asText()).isEqualTo(headline);
        BucketSite site = browser.serve(s3.client(), BUCKET);

        for (int width : new int[]{1600, 390}) {
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", width == 390 ? 844 : 1000,
                    "deviceScaleFactor", 1, "mobile", width == 390));
            browser.driver().get(site.base().toString());

            WebElement verdict = browser.driver().findElement(By.id("verdict"));
            assertThat(verdict.getText()).as(width + " px").isEqualTo("⚠ " + headline);
            assertThat(verdict.getText()).doesNotContain("working fine");
            assertThat(browser.driver().findElement(By.id("where")).getText()).startsWith("Where is the problem: Webex service");
            assertThat(browser.driver().findElement(By.id("cisco-indicator")).getText()).contains("yellow — Partially Degraded Service");

            List<WebElement> components = browser.driver().findElements(By.cssSelector("#cisco-components li"));
            assertThat(components).extracting(WebElement::getText).anySatisfy(row -> assertThat(row)
                    .contains("Audio and video - APAC").contains("Webex Meetings").contains("partial outage")
                    .contains("matches your meeting region (Tokyo, Japan → APAC)"));
            assertThat(components).hasSize(2);
            List<WebElement> incidents = browser.driver().findElements(By.cssSelector("#cisco-incidents li"));
            assertThat(incidents).singleElement().satisfies(row -> assertThat(row.getText()).contains(INCIDENT)
                    .contains("investigating").contains("major").contains("matches your meeting region"));
            assertThat(browser.driver().findElement(By.cssSelector("#cisco-incidents a")).getAttribute("href")).isEqualTo("https://status.webex.com/");
            assertThat(browser.driver().findElement(By.id("cisco-maintenances")).getText())
                    .contains("Scheduled maintenance - Webex Calling London").contains("not your region (yours: APAC)");
            assertThat(browser.driver().findElements(By.cssSelector("#status-table tbody tr"))).as("the feed's own table").hasSize(1);
            assertThat(browser.driver().findElement(By.id("status-table")).getText()).doesNotContain("api:")
                    .contains("Region: APAC: matches your meeting region (Tokyo, Japan → APAC)");

            Number scrollWidth = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth;");
            Number innerWidth = (Number) browser.driver().executeScript("return window.innerWidth;");
            assertThat(innerWidth.intValue()).as("the emulated width").isEqualTo(width);
            assertThat(scrollWidth.intValue()).as("no sideways scroll of the page at " + width + " px").isLessThanOrEqualTo(innerWidth.intValue());
            String display = (String) browser.driver().executeScript(
                    "return getComputedStyle(document.querySelector('#status-table td')).display;");
            assertThat(display).as("the feed table's cells at " + width + " px").isEqualTo(width == 390 ? "block" : "table-cell");
            Number titleWidth = (Number) browser.driver().executeScript(
                    "return document.querySelector('#cisco-incidents .cisco-name').getBoundingClientRect().width;");
            assertThat(titleWidth.doubleValue()).as("the incident's name is never squeezed to a letter a line").isGreaterThan(250);
            screenshot(width);
        }
    }

    private void screenshot(int width) throws Exception {
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
        Path target = Path.of("target", "dashboard-cisco-" + width + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
