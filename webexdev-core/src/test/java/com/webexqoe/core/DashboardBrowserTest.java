package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static com.webexqoe.core.CoreScenario.BUCKET;
import static com.webexqoe.core.CoreScenario.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page in a real browser: Debian's Chromium, headless, driven by Debian's chromedriver
 * (given explicitly, so Selenium Manager never runs or goes to the network). The core function
 * writes the page into S3Proxy; a local server serves the bucket on 127.0.0.1.
 *
 * <p>Without chromium and chromium-driver the test is skipped visibly, except under
 * {@code CI=true}, where their absence fails it.
 */
class DashboardBrowserTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    @RegisterExtension
    final BrowserSession browser = new BrowserSession("webexdev-chromium-");

    @Test
    void thePageDrawsEverythingFromTheBucketAloneAndRunsNoOutsideText() throws Exception {
        CoreScenario scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        scenario.seedIncident();
        scenario.seedRouteGraphs();
        JsonNode result = Json.read(LambdaInvoker.invokeWithResource(scenario.handler(
                scenario.env().set("DASHBOARD_BANNER", "Test data: rendered by DashboardBrowserTest"), NOW),
                "webexdev-core", "/events/scheduled-event.json"));
        assertThat(result.get("health").asText()).isEqualTo("10.5");
        BucketSite site = browser.serve(s3.client(), BUCKET);
        String origin = site.base().toString();

        browser.driver().get(origin);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));

        // score and verdict visible
        WebElement health = browser.driver().findElement(By.id("health"));
        assertThat(health.isDisplayed()).isTrue();
        assertThat(health.getText()).isEqualTo("10.5");
        assertThat(browser.driver().findElement(By.id("verdict")).getText()).contains("Webex may not be working properly");
        assertThat(browser.driver().findElement(By.id("where")).getText()).startsWith("Where is the problem: Webex service");

        // route graph: one node per hop of route 0 of the Multimedia Platform test
        wait.until(d -> "mmp".equals(graphData("test")) && "0".equals(graphData("route")));
        assertThat(browser.driver().findElements(By.cssSelector("#graph g.hop"))).hasSize(6);
        assertThat(browser.driver().findElements(By.cssSelector("#route-buttons button"))).extracting(WebElement::getText)
                .containsExactly("Route-0", "Route-1");
        assertThat(browser.driver().findElement(By.cssSelector("#graph g.hop.home")).getText()).contains("hop1");
        assertThat(browser.driver().findElements(By.cssSelector("#graph g.hop.slow"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#graph g.hop.inactive"))).hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("#graph g.hop.server"))).hasSize(1);
        // the location "<script>alert(1)</script>" is a label's text, not an element
        assertThat(browser.driver().findElement(By.id("graph")).getText()).contains(CoreScenario.XSS_LOCATION);
        assertThat(browser.driver().findElements(By.cssSelector("#graph script"))).isEmpty();

        // Web Zone, then its second route, redraw the graph
        browser.driver().findElement(By.id("test-wz")).click();
        wait.until(d -> "wz".equals(graphData("test")) && "5".equals(graphData("nodes")));
        assertThat(browser.driver().findElements(By.cssSelector("#graph g.hop"))).hasSize(5);
        browser.driver().findElement(By.id("route-1")).click();
        wait.until(d -> "1".equals(graphData("route")));
        assertThat(browser.driver().findElements(By.cssSelector("#graph g.hop"))).hasSize(8);
        assertThat(browser.driver().findElement(By.id("route-1")).getAttribute("aria-pressed")).isEqualTo("true");
        browser.driver().findElement(By.id("test-mmp")).click();
        wait.until(d -> "mmp".equals(graphData("test")) && "6".equals(graphData("nodes")));

        // the trend chart has drawn its four series
        wait.until(d -> "true".equals(d.findElement(By.id("trend")).getAttribute("data-drawn")));
        List<WebElement> lines = browser.driver().findElements(By.cssSelector("#trend path.line"));
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(line -> assertThat(line.getAttribute("d")).startsWith("M").hasSizeGreaterThan(200));

        // outside text shows as text and runs nothing
        assertThat(browser.driver().findElement(By.id("posts")).getText()).contains(CoreScenario.XSS_POST);
        assertThat(browser.driver().findElements(By.cssSelector("#posts img"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("status-table")).getText()).contains("<b>x</b>");
        assertThat(browser.driver().findElements(By.cssSelector("#status-table b"))).isEmpty();
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // zero console errors, zero failed requests, nothing from another origin
        List<String> consoleErrors = new ArrayList<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        assertThat(consoleErrors).isEmpty();
        // The performance log also holds the browser's own pages (chrome://new-tab-page before the
        // navigation): only requests made by a document of the page's origin are the page's.
        List<String> requested = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, String> pageRequests = new java.util.HashMap<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = Json.read(entry.getMessage()).path("message");
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            String id = params.path("requestId").asText();
            if (method.equals("Network.requestWillBeSent")) {
                String url = params.path("request").path("url").asText();
                if (params.path("documentURL").asText().startsWith(origin)) {
                    requested.add(url);
                    pageRequests.put(id, url);
                }
            } else if (method.equals("Network.loadingFailed") && pageRequests.containsKey(id)) {
                failed.add(params.path("errorText").asText() + " " + params.path("blockedReason").asText() + " " + pageRequests.get(id));
            } else if (method.equals("Network.responseReceived") && pageRequests.containsKey(id)
                    && params.path("response").path("status").asInt() >= 400) {
                failed.add(params.path("response").path("status").asInt() + " " + pageRequests.get(id));
            }
        }
        assertThat(failed).isEmpty();
        assertThat(site.misses()).isEmpty();
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
        assertThat(requested).anySatisfy(url -> assertThat(url).contains("d3.min.js"))
                .anySatisfy(url -> assertThat(url).contains("trend.json"))
                .anySatisfy(url -> assertThat(url).contains("resource-wz.json"));

        saveScreenshot();
        assertThat(pageScrollsSideways()).as("desktop width").isFalse();

        // the same page on a phone (docs/behaviour.md#core-phone): graph and chart drawn, no sideways scroll
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        browser.driver().get(origin);
        wait.until(d -> "mmp".equals(graphData("test")) && "6".equals(graphData("nodes")));
        wait.until(d -> "true".equals(d.findElement(By.id("trend")).getAttribute("data-drawn")));
        assertThat(((Number) browser.driver().executeScript("return window.innerWidth;")).intValue()).isEqualTo(390);
        assertThat(pageScrollsSideways()).as("390 px").isFalse();
        assertThat(browser.driver().findElement(By.id("status-table")).getText()).contains("<b>x</b>");
    }

    /** {@code document.documentElement.scrollWidth > innerWidth}: the page itself scrolls sideways. */
    private boolean pageScrollsSideways() {
        return (Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    private String graphData(String name) {
        return browser.driver().findElement(By.id("graph")).getAttribute("data-" + name);
    }

    /** The whole page, for a person to look at: target/dashboard-browser.png (DevTools' full-page capture). */
    private void saveScreenshot() throws Exception {
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "fromSurface", true));
        Path target = Path.of("target", "dashboard-browser.png");
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
