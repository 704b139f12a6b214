package com.webexqoe.local;

import com.webexqoe.standins.StandIns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command's entry point in demo mode on free ports with a temporary data folder: the real
 * function jars in their own JVMs, the real stand-ins, HTTP from outside as a person would use it.
 */
class LocalSystemEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LocalSystem system;

    @BeforeAll
    static void jarsAreBuilt() {
        BuiltJars.assumeAllBuilt();
    }

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    private LocalSystem start(Path dataDir) {
        return LocalSystem.start(new Options(StandIns.freePort(), dataDir, java.util.Optional.empty()),
                new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String alert() throws IOException {
        try (InputStream in = LocalSystemEndToEndTest.class.getResourceAsStream("/alerts/alert-trigger-response-time-980.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void demoModeServesAScoredPageTakesWebhooksRunsFunctionsAndStopsCleanly() throws Exception {
        system = start(data);

        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Webex QoE Dashboard").contains("Health Score").contains("Demo data");
        assertThat(page.body()).as("the unresolved demo incident counts").contains("-20");
        assertThat(page.body()).as("the demo index.json of the status API: the Meetings component and the APAC incident")
                .contains("id=\"cisco-incidents\"").contains("Meeting join - APAC")
                .contains("Degraded meeting join times - Webex Meetings APAC")
                .contains("Scheduled maintenance - Webex Calling London");
        assertThat(page.body()).as("an open incident: the headline never says working fine").doesNotContain("Webex seems to be working fine");
        assertThat(get("/style.css").statusCode()).isEqualTo(200);
        // the 7-day health chart's data: the seeded week (the health table created, its variable set) and core's own slot
        HttpResponse<String> healthJson = get("/health.json");
        assertThat(healthJson.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode health = com.webexqoe.common.json.Json.read(healthJson.body());
        assertThat(health.get("points").size()).isBetween(7 * 96 - 2, 7 * 96);
        assertThat(health.get("points")).anySatisfy(p -> assertThat(p.get("home").asText()).isEqualTo("poor"))
                .anySatisfy(p -> assertThat(p.get("S").asInt()).isEqualTo(-20))
                .anySatisfy(p -> assertThat(p.get("health").asDouble()).isLessThan(70));
        assertThat(page.body()).contains("id=\"health-chart\"");
        try (DynamoDbClient dynamo = StandIns.configure(DynamoDbClient.builder(), system.dynamoEndpoint()).build()) {
            var alerts = dynamo.scan(r -> r.tableName("webexdev-te")).items();
            assertThat(alerts).as("te's poll stored the demo's active v7 alert")
                    .anySatisfy(item -> assertThat(item.get("eventid").s()).isEqualTo("poll:" + DemoData.DEMO_ALERT_ID + ":trigger"));
        }

        // The demo incident is a turn: core posted it to the demo Webex space, listed and printed.
        HttpResponse<String> messages = get("/messages");
        assertThat(messages.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode posted = com.webexqoe.common.json.Json.read(messages.body());
        assertThat(posted.size()).isEqualTo(1);
        assertThat(posted.get(0).path("roomId").asText()).isEqualTo(MessagesStandIn.ROOM);
        assertThat(posted.get(0).path("markdown").asText()).startsWith("**Webex QoE: ").contains("Where is the problem: Webex service");
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("message posted to the demo Webex space")
                .contains("    | **Webex QoE: ");

        HttpResponse<String> webhook = post("/tecloudagent", alert());
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(post("/invoke/core", "").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).contains("980");

        HttpResponse<String> mtg = post("/invoke/mtgquality", "");
        assertThat(mtg.statusCode()).isEqualTo(200);
        try (DynamoDbClient dynamo = StandIns.configure(DynamoDbClient.builder(), system.dynamoEndpoint()).build()) {
            var records = dynamo.scan(r -> r.tableName("webexdev-mtgquality")).items();
            assertThat(records).extracting(item -> item.get("useremail").s())
                    .contains("alex.tanaka@example.com", "sam.okada@example.com");
        }
        assertThat(post("/invoke/nothing", "").statusCode()).isEqualTo(404);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Dashboard:  http://127.0.0.1:" + system.port() + "/");

        List<ProcessHandle> children = system.children();
        assertThat(children).isNotEmpty();
        system.close();
        for (ProcessHandle child : children) {
            child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child " + child.pid() + " after shutdown").isFalse();
        }
        try (ServerSocket reuse = new ServerSocket()) {
            reuse.bind(new java.net.InetSocketAddress("127.0.0.1", system.port()));
        }

        // A restart on the same data folder still knows the alert.
        system = start(data);
        assertThat(get("/").body()).contains("980");
    }

    @Test
    void aPortInUseStopsTheStartNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalSystem.start(new Options(port, data, java.util.Optional.empty()),
                    new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemUTC()))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("port " + port + " on 127.0.0.1 is already in use (choose another with --port N)");
        }
    }

    @Test
    void aMalformedSecretsFileStopsTheStartNamingIt() throws Exception {
        Path secrets = data.resolve("secrets.json");
        Files.writeString(secrets, "{\"webexdev/secrets\": {\"CLIENT_SECRET\": \"abc\"");

        assertThatThrownBy(() -> LocalSystem.start(new Options(StandIns.freePort(), data, java.util.Optional.of(secrets)),
                new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemUTC()))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("secrets file " + secrets + " is not valid JSON")
                .hasMessageNotContaining("abc");

        Files.writeString(secrets, "{\"webexdev/secrets\": {}}");
        assertThatThrownBy(() -> LocalSystem.start(new Options(StandIns.freePort(), data, java.util.Optional.of(secrets)),
                new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemUTC()))
                .hasMessageStartingWith("secrets file " + secrets + " has no object \"webexdev/mtgquality-token\"");
    }
}
