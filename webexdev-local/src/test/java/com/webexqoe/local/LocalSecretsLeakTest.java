package com.webexqoe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.Tables;
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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All five function jars, each in its own JVM behind the local Lambda Runtime API, run with the
 * demo secrets (every collector, the dashboard, the webhook with a good and a bad body): no secret
 * value, and no token Webex issued during the runs, appears in the runner's output, any function's
 * log file, any answer, any stored item of the five tables or any object of the bucket.
 */
class LocalSecretsLeakTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The demo secrets' keys whose values are secret (the e-mail addresses and the client id are not). */
    private static final List<String> SECRET_KEYS = List.of("CLIENT_SECRET", "TE_OAUTHBEARER_TOKEN_V7", "API_KEY", "API_SECRET",
            "TWITTER_TOKEN", "TWITTER_TOKEN_SECRET", "TWITTER_BEARER_TOKEN", "ACCESS_TOKEN", "REFRESH_TOKEN");
    /** Tokens the demo Webex issues on each refresh. */
    private static final Pattern ISSUED = Pattern.compile("demo-(access|refresh)-\\d+");

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

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> secretValues() {
        List<String> values = new ArrayList<>();
        DemoData.secrets().forEach(secret -> SECRET_KEYS.forEach(key -> {
            JsonNode value = secret.get(key);
            if (value != null) {
                values.add(value.asText());
            }
        }));
        return values;
    }

    private static String alert() throws IOException {
        try (InputStream in = LocalSecretsLeakTest.class.getResourceAsStream("/alerts/alert-trigger-response-time-980.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String filesUnder(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    text.append(file).append('\n').append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return text.toString();
    }

    @Test
    void noSecretInAnyLogAnswerItemOrObjectOfTheFiveFunctions() throws Exception {
        system = LocalSystem.start(new Options(StandIns.freePort(), data, Optional.empty()),
                new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemUTC());
        StringBuilder seen = new StringBuilder();
        for (String function : List.of("status", "te", "twitterapi", "mtgquality", "core")) {
            HttpResponse<String> answer = post("/invoke/" + function, "");
            assertThat(answer.statusCode()).as("POST /invoke/" + function + ": " + answer.body()).isEqualTo(200);
            seen.append(answer.body()).append('\n');
        }
        HttpResponse<String> stored = post("/tecloudagent", alert());
        assertThat(stored.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("/tecloudagent", "{\"eventId\": 12");
        assertThat(refused.statusCode()).isEqualTo(400);
        seen.append(stored.body()).append(refused.body()).append(post("/invoke/core", "").body());

        int items = 0;
        try (DynamoDbClient dynamo = StandIns.configure(DynamoDbClient.builder(), system.dynamoEndpoint()).build()) {
            for (TableSchema table : Tables.IN_USE) {
                var scanned = dynamo.scan(r -> r.tableName(table.tableName())).items();
                items += scanned.size();
                seen.append(scanned).append('\n');
            }
        }
        system.close();
        String logs = filesUnder(data.resolve("logs"));
        String objects = filesUnder(data.resolve("s3"));
        String everything = output.toString(StandardCharsets.UTF_8) + seen + logs + objects;

        assertThat(items).as("items stored by the five functions").isPositive();
        assertThat(logs).as("the functions' log files").contains("webexdev-status", "webexdev-te", "webexdev-twitterapi",
                "webexdev-mtgquality", "webexdev-core");
        assertThat(objects).as("the bucket's objects").contains("<!DOCTYPE html>");
        for (String secret : secretValues()) {
            assertThat(everything).as("logs, answers, items and objects").doesNotContain(secret);
        }
        assertThat(ISSUED.matcher(everything).find()).as("a token Webex issued, anywhere").isFalse();
    }
}
