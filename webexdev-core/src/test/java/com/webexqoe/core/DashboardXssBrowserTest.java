package com.webexqoe.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.Tables;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.core.page.PageSettings;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static com.webexqoe.core.CoreScenario.BUCKET;
import static com.webexqoe.core.CoreScenario.NOW;
import static com.webexqoe.core.SeedItems.n;
import static com.webexqoe.core.SeedItems.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile input on the page, in headless Chromium: the {@link XssVectors} in every outside text
 * that reaches the page — post text, feed title, link and status, alert type, test name, agent
 * name and metric text, the route-graph JSON (name, ip, nw, lc, rt) of all three tests, user
 * e-mail, network type, server region, the banner — and a {@code javascript:} CloudWatch URL. The
 * vectors go in {@value #ROUNDS} rounds (the e-mail is a DynamoDB key, so one string cannot hold
 * all of them), each a full run of the core function and a page load in one browser.
 *
 * <p>Instrumented before the page loads (DevTools {@code Page.addScriptToEvaluateOnNewDocument}):
 * {@code window.__xss} counts payloads that ran, {@code alert}/{@code confirm}/{@code prompt} count
 * calls, CSP violations are recorded. Asserted: no script ran, no element or attribute was made
 * from the text, nothing was requested from another origin (a counting server on another port, and
 * the performance log), no template expression was evaluated, links are only {@code https://}; and
 * the page's Content-Security-Policy works in the browser (an injected inline script, eval, a
 * script, fetch and image from another origin are all blocked, and those violations are the only
 * console errors). Figures go to {@code target/page-xss.txt}.
 *
 * <p>Without chromium and chromium-driver the test is skipped visibly, except under
 * {@code CI=true}, where their absence fails it (as {@link DashboardBrowserTest}).
 */
class DashboardXssBrowserTest {

    static final int ROUNDS = 4;
    static final String SEPARATOR = " ¦ ";
    static final Pattern EVALUATED = Pattern.compile("ssti:\\W{0,3}49");
    static final String INSTRUMENT = """
            window.__xss = 0; window.__alerts = 0; window.__csp = [];
            window.alert = window.confirm = window.prompt = function () { window.__alerts++; };
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI);
            });
            """;
    /** The places: each vector goes into each of them in its round. */
    static final List<String> PLACES = List.of("post text", "feed title", "feed status", "alert type", "test name",
            "agent name", "metric text", "route name", "route ip", "route nw", "route lc", "route rt", "user e-mail",
            "network type", "server region", "banner");

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    @RegisterExtension
    final BrowserSession browser = new BrowserSession("webexdev-chromium-xss-");
    private HttpServer attacker;
    private final List<String> attackerRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void attackerAndInstrumentation() throws Exception {
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            attackerRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try (exchange) {
                byte[] body = "top.__xss++".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/javascript");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        attacker.start();
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", INSTRUMENT));
    }

    @AfterEach
    void close() throws Exception {
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    String attackerOrigin() {
        return "http://127.0.0.1:" + attacker.getAddress().getPort();
    }

    @Test
    void hostileTextInEveryPlaceRunsNoScriptLoadsNothingFromOutsideAndEvaluatesNoExpression() throws Exception {
        List<String> vectors = XssVectors.all(attackerOrigin());
        List<String> urls = XssVectors.urls(attackerOrigin());
        CoreScenario scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        BucketSite site = browser.serve(s3.client(), BUCKET);
        String origin = site.base().toString();
        int placements = 0;
        int links = 0;
        List<String> cloudWatchUrls = List.of("javascript:top.__xss++", "JaVaScRiPt:top.__xss++//https://x",
                " javascript:top.__xss++", "data:text/html,<script>top.__xss++</script>");
        for (int round = 0; round < ROUNDS; round++) {
            List<String> chunk = vectors.subList(round * vectors.size() / ROUNDS, (round + 1) * vectors.size() / ROUNDS);
            String joined = String.join(SEPARATOR, chunk);
            for (TableSchema table : Tables.IN_USE) {
                dynamo.drop(table.tableName());
                dynamo.create(table.createTableRequest());
            }
            List<String> roundUrls = seed(scenario, chunk, urls, round);
            links += roundUrls.size();
            placements += chunk.size() * PLACES.size();
            String cloudWatch = cloudWatchUrls.get(round % cloudWatchUrls.size());
            JsonNode result = Json.read(LambdaInvoker.invokeWithResource(scenario.handler(scenario.env()
                            .set("DASHBOARD_BANNER", joined).set("CLOUDWATCH_URL", cloudWatch), NOW),
                    "webexdev-core", "/events/scheduled-event.json"));
            assertThat(result.has("health")).as("core run of round " + round).isTrue();
            assertThat(System.getProperty(XssVectors.SSTI_PROPERTY)).as("a template expression ran on the server").isNull();

            browser.driver().get(origin);
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            List<String> tests = List.of("mmp", "wz", "cb");
            for (int t = 0; t < tests.size(); t++) {
                String test = tests.get(t);
                // each test's route starts with another vector as its first hop's name: wait for that redraw
                String first = chunk.get(t % chunk.size());
                if (t > 0) {
                    browser.driver().findElement(By.id("test-" + test)).click();
                }
                wait.until(d -> test.equals(graphData("test")) && Boolean.TRUE.equals(js(
                        "var t = document.querySelector('#graph g.hop title'); return !!t && t.textContent.indexOf(arguments[0]) === 0;",
                        first)));
                @SuppressWarnings("unchecked")
                List<String> titles = (List<String>) js(
                        "return Array.from(document.querySelectorAll('#graph g.hop title')).map(t => t.textContent);");
                assertThat(titles).as(test + " route labels").hasSize(chunk.size());
                String labels = String.join("\n", titles);
                for (String vector : chunk) {
                    assertThat(labels).as(test + " node tooltip holds the vector as text").contains(vector);
                }
            }

            // no script ran, no dialog, no CSP violation: the vectors are inert text
            assertThat(js("return window.__xss")).as("payloads run, round " + round).isEqualTo(0L);
            assertThat(js("return window.__alerts")).as("alert/confirm/prompt calls").isEqualTo(0L);
            assertThat(js("return window.__csp.join('\\n')")).as("CSP violations caused by the vectors").isEqualTo("");
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

            // nothing was made from the text: no handler attribute, no extra script/frame/object/style/base/meta
            assertThat(js("return Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
                    + ".some(a => a.name.toLowerCase().startsWith('on'))).length")).isEqualTo(0L);
            assertThat(js("return Array.from(document.scripts).map(s => s.getAttribute('src')).join(' ')"))
                    .asString().matches("d3\\.min\\.js\\?v=\\S+ dashboard\\.js\\?v=\\S+");
            assertThat(browser.driver().findElements(By.cssSelector("iframe, frame, object, embed, base, body style, body link, body meta, "
                    + "svg script, math, details, input, textarea, img[src^='x'], img[src*='javascript'], a[href^='data']"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("img"))).allSatisfy(img ->
                    assertThat(img.getAttribute("src")).startsWith(origin));

            // links are only https, and the CloudWatch frame is not there
            List<String> hrefs = attributes("a[href]", "href");
            assertThat(hrefs).allSatisfy(href -> assertThat(href).startsWith("https://"));
            assertThat(hrefs).hasSize((int) roundUrls.stream().filter(u -> u.startsWith("https://") && PageSettings.httpsUrl(u).isPresent()).count());
            assertThat(browser.driver().findElements(By.id("cloudwatch"))).isEmpty();

            // each place shows the vectors as text, exactly
            assertThat(texts("#posts .post-text")).contains(joined);
            assertThat(browser.driver().findElement(By.id("banner")).getAttribute("textContent")).isEqualTo(joined);
            String statusText = String.join("\n", texts("#status-table tbody td"));
            String scoreText = browser.driver().findElement(By.id("score-panel")).getAttribute("textContent");
            String qualityText = browser.driver().findElement(By.id("quality-panel")).getAttribute("textContent");
            for (String vector : chunk) {
                assertThat(statusText).as("feed title and status").contains(vector);
                assertThat(scoreText).as("evidence: feed title, alert type, test name, agent name").contains(vector);
                assertThat(qualityText).as("network type and server region").contains(vector);
                assertThat(qualityText).as("e-mail").contains(vector.toLowerCase(Locale.ROOT));
            }

            // no template expression was evaluated
            String allText = (String) js("return document.documentElement.textContent + Array.from(document.querySelectorAll('*'))"
                    + ".map(e => Array.from(e.attributes).map(a => a.value).join(' ')).join(' ')");
            assertThat(EVALUATED.matcher(allText).find()).as("an evaluated expression (ssti:49)").isFalse();
            chunk.stream().filter(XssVectors::isTemplate).forEach(t -> assertThat(allText).contains(t));

            // nothing from another origin: the counting server, and every request the page made
            assertThat(attackerRequests).as("requests to another origin").isEmpty();
            List<String> requested = pageRequests(origin);
            assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
            assertThat(severeConsole()).as("console errors before the CSP probes").isEmpty();
        }
        assertThat(js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content")).asString()
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "img-src 'self'", "style-src 'self'",
                        "frame-src 'none'", "object-src 'none'", "base-uri 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "data:");

        // the policy works in this browser: each probe is blocked and reported
        // (DevTools-evaluated code may itself call eval despite the policy, so the probe uses a string timer, which the page compiles)
        js("""
                var s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.appendChild(s);
                var r = document.createElement('script'); r.src = arguments[0] + '/probe.js'; document.head.appendChild(r);
                var i = new Image(); i.src = arguments[0] + '/probe.gif'; document.body.appendChild(i);
                fetch(arguments[0] + '/probe').catch(function () { window.__fetchBlocked = true; });
                setTimeout('window.__eval = 1', 0);
                """, attackerOrigin());
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> ((Number) js("return window.__csp.length")).intValue() >= 5
                && Boolean.TRUE.equals(js("return window.__fetchBlocked === true")));
        assertThat(js("return typeof window.__inline")).isEqualTo("undefined");
        assertThat(js("return typeof window.__eval")).isEqualTo("undefined");
        assertThat(js("return window.__xss")).isEqualTo(0L);
        assertThat(attackerRequests).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) js("return window.__csp");
        assertThat(violations).extracting(v -> v.split(" ")[0])
                .containsExactlyInAnyOrder("script-src-elem", "script-src-elem", "img-src", "connect-src", "script-src");
        List<String> console = severeConsole();
        assertThat(console).isNotEmpty().allSatisfy(line -> assertThat(line).contains("Content Security Policy"));

        String figures = "page XSS (headless Chromium, " + ROUNDS + " rounds of core run + page load)\n"
                + "vectors tried: " + vectors.size() + " (" + vectors.stream().filter(XssVectors::isTemplate).count()
                + " template expressions) in " + PLACES.size() + " text places: " + placements + " placements " + PLACES + "\n"
                + "URL vectors as feed links: " + links + ", as CloudWatch URL: " + ROUNDS + "\n"
                + "scripts run: 0, dialogs: 0, expressions evaluated: 0, external requests: 0, non-https links: 0\n"
                + "CSP probes blocked: " + violations.size() + " " + violations.stream().map(v -> v.split(" ")[0]).toList() + "\n";
        Path out = Path.of("target", "page-xss.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures);
    }

    /** Seeds every table and the route graphs with this round's vectors; returns the links used. */
    private List<String> seed(CoreScenario scenario, List<String> chunk, List<String> urls, int round) {
        String joined = String.join(SEPARATOR, chunk);
        SeedItems items = scenario.items;
        List<String> used = new ArrayList<>();
        List<Map<String, AttributeValue>> statuses = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            String url = urls.get((i + round * chunk.size()) % urls.size());
            used.add(url);
            statuses.add(items.status(chunk.get(i), url, chunk.get((i + 1) % chunk.size()),
                    NOW.minus(Duration.ofMinutes(30 + i)), NOW.minus(Duration.ofMinutes(2))));
        }
        statuses.add(items.status("A plain https link", "https://status.webex.com/incidents/9b1f", "resolved",
                NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofMinutes(2))));
        used.add("https://status.webex.com/incidents/9b1f");
        scenario.put(StatusTable.SCHEMA, statuses);

        List<String> metrics = chunk.stream().map(v -> "Response Time: 980 ms " + v).toList();
        Map<String, AttributeValue> alert = items.alert("evt-xss-" + round, NOW.minus(Duration.ofMinutes(10)), n(1), joined, joined,
                chunk, metrics);
        alert.put("ruleExpression", s(joined));
        scenario.put(AlertTable.SCHEMA, List.of(alert));

        List<Map<String, AttributeValue>> posts = new ArrayList<>();
        posts.add(items.post("x-" + round, NOW.minus(Duration.ofMinutes(3)), joined, "NEGATIVE"));
        for (int i = 0; i < 4; i++) {
            posts.add(items.post("x-" + round + "-" + i, NOW.minus(Duration.ofMinutes(10 + i)), chunk.get(i % chunk.size()), "NEUTRAL"));
        }
        scenario.put(TwitterTable.SCHEMA, posts);

        String email = joined.toLowerCase(Locale.ROOT);
        aws.givenSecret(CoreScenario.SECRET, Map.of("userEmail", joined));
        Map<String, AttributeValue> quality = new LinkedHashMap<>(scenario.qualityRecord("meeting-xss-" + round, email,
                NOW.minus(Duration.ofHours(1)), joined, 109, 9, 0));
        quality.put("serverregion", s(joined));
        scenario.put(QualityTable.SCHEMA, List.of(quality));

        scenario.putObject("resource.json", graph(chunk, 0));
        scenario.putObject("resource-wz.json", graph(chunk, 1));
        scenario.putObject("resource-cb.json", graph(chunk, 2));
        return used;
    }

    /** One route whose every node carries vectors in name, ip, nw, lc (and some in rt and nc). */
    static String graph(List<String> chunk, int shift) {
        ObjectNode route = Json.object();
        route.put("directed", true).put("multigraph", false).putObject("graph");
        ArrayNode nodes = route.putArray("nodes");
        ArrayNode links = route.putArray("links");
        for (int i = 0; i < chunk.size(); i++) {
            ObjectNode node = nodes.addObject();
            node.put("id", i);
            node.put("name", chunk.get((i + shift) % chunk.size()));
            node.put("nc", i % 5 == 4 ? chunk.get(i) : i % 3 == 2 ? "inactive" : "active");
            if (i % 4 == 1) {
                node.put("rt", chunk.get((i + shift + 4) % chunk.size()));
            } else {
                node.put("rt", i);
            }
            node.put("ip", chunk.get((i + shift + 1) % chunk.size()));
            node.put("nw", chunk.get((i + shift + 2) % chunk.size()));
            node.put("lc", chunk.get((i + shift + 3) % chunk.size()));
            if (i > 0) {
                links.addObject().put("source", i - 1).put("target", i);
            }
        }
        return Json.write(Json.MAPPER.createArrayNode().add(route));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }

    private List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("textContent")).toList();
    }

    private List<String> attributes(String css, String attribute) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute(attribute)).toList();
    }

    private String graphData(String name) {
        return browser.driver().findElement(By.id("graph")).getAttribute("data-" + name);
    }

    private List<String> severeConsole() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    /** The URLs the page's documents asked for, from the performance log (drained). */
    private List<String> pageRequests(String origin) throws IOException {
        List<String> requested = new ArrayList<>();
        for (LogEntry entry : browser.driver().manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = Json.read(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                JsonNode params = message.path("params");
                String document = params.path("documentURL").asText();
                if (document.startsWith(origin) || document.startsWith("about:") || document.startsWith("data:")) {
                    requested.add(params.path("request").path("url").asText());
                }
            }
        }
        return requested;
    }
}
