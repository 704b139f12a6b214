package com.webexqoe.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile XML from the status feed, through the handler's real entry point (dynalite, WireMock as
 * the feed): external entities naming a local file and an http URL, parameter entities (blind,
 * out-of-band XXE), an external DTD, the same in UTF-16, billion laughs and a quadratic blowup. Each
 * is refused with a clear error before anything is read: the marker in the local file never
 * reaches a stored item, an error or the log; the "attacker" server (a second WireMock, answering
 * every request with the marker) is never asked; the items stored by the previous good run are
 * untouched. XInclude elements (no DOCTYPE needed) are not processed either.
 */
class StatusFeedHostileXmlTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final WireMockExtension feedServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    /** Where the hostile entities point: it would hand out the marker to anyone who asked. */
    @RegisterExtension
    static final WireMockExtension attacker = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String FEED_PATH = "/history.rss";
    static final String TABLE = StatusTable.SCHEMA.tableName();
    static final Instant NOW = Instant.parse("2026-11-27T09:15:00Z");
    static final String MARKER = "LEAKED-7c1f0e-local-file-content";
    static final String REMOTE_MARKER = "LEAKED-93ab2d-remote-entity-content";

    @TempDir
    Path temp;
    private Path secretFile;

    @BeforeEach
    void standIns() throws Exception {
        dynamo.create(StatusTable.SCHEMA.createTableRequest());
        secretFile = temp.resolve("secret.txt");
        Files.writeString(secretFile, MARKER);
        attacker.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml-dtd").withBody(REMOTE_MARKER)));
    }

    StatusHandler handler(Instant now) {
        StandInEnv env = StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("TZ", "Asia/Tokyo")
                .set("STATUS_RSS_URL", feedServer.baseUrl() + FEED_PATH)
                .set("STATUS_API_BASE_URL", feedServer.baseUrl() + "/api");
        return new StatusHandler(Env.of(env.toMap()), Clock.fixed(now, ZoneOffset.UTC));
    }

    void serve(byte[] document) {
        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml").withBody(document)));
    }

    String hostile(String fixture) {
        return new String(Fixtures.feed(fixture), StandardCharsets.UTF_8)
                .replace("${FILE}", secretFile.toUri().toString())
                .replace("${URL}", attacker.baseUrl());
    }

    List<Map<String, AttributeValue>> stored() {
        return dynamo.scan(TABLE).stream().sorted(Comparator.comparing(item -> item.get("title").s())).toList();
    }

    /** The invocation's error (null when it succeeded) and what it logged. */
    record Outcome(Throwable error, String log) {
    }

    Outcome run(Instant at) {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            Throwable error = catchThrowable(() -> LambdaInvoker.invokeWithResource(handler(at), "webexdev-status",
                    "/events/scheduled-event.json"));
            return new Outcome(error, log.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void externalEntitiesExternalDtdsAndEntityExpansionAreRefusedReadNothingAndLeaveTheItemsAlone() throws Exception {
        serve(Fixtures.feed("history-incidents-and-maintenance.xml"));
        assertThat(run(NOW).error()).isNull();
        List<Map<String, AttributeValue>> before = stored();
        assertThat(before).hasSize(4);

        Map<String, byte[]> documents = new LinkedHashMap<>();
        documents.put("SYSTEM entity naming a local file", hostile("hostile-xxe-file.xml").getBytes(StandardCharsets.UTF_8));
        documents.put("SYSTEM entity naming an http URL", hostile("hostile-xxe-http.xml").getBytes(StandardCharsets.UTF_8));
        documents.put("parameter entities (blind XXE)", hostile("hostile-xxe-parameter-entity.xml").getBytes(StandardCharsets.UTF_8));
        documents.put("external DTD", hostile("hostile-external-dtd.xml").getBytes(StandardCharsets.UTF_8));
        documents.put("local-file entity in UTF-16", hostile("hostile-xxe-file.xml")
                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16));
        documents.put("billion laughs", hostile("hostile-billion-laughs.xml").getBytes(StandardCharsets.UTF_8));
        documents.put("quadratic blowup", quadraticBlowup());
        documents.put("the original fixture (file:///etc/hostname)", Fixtures.feed("history-external-entity.xml"));

        List<String> leaks = new ArrayList<>();
        Instant at = NOW;
        for (Map.Entry<String, byte[]> document : documents.entrySet()) {
            at = at.plus(Duration.ofMinutes(5));
            serve(document.getValue());

            Outcome outcome = run(at);

            assertThat(outcome.error()).as(document.getKey()).isInstanceOf(StatusFeedException.class)
                    .hasMessageStartingWith("status feed is not a readable RSS/Atom document")
                    .hasMessageContaining("DOCTYPE");
            assertThat(outcome.log()).as(document.getKey()).contains("\"level\":\"ERROR\"")
                    .contains("status feed is not a readable RSS/Atom document");
            for (String text : List.of(String.valueOf(outcome.error().getMessage()), outcome.log(), stored().toString())) {
                if (text.contains(MARKER) || text.contains(REMOTE_MARKER)) {
                    leaks.add(document.getKey());
                }
            }
            assertThat(stored()).as(document.getKey() + ": the stored items are untouched").isEqualTo(before);
        }
        assertThat(leaks).isEmpty();
        assertThat(attacker.findAll(anyRequestedFor(anyUrl()))).as("requests to the entities' server").isEmpty();

        // the next good run stores normally
        serve(Fixtures.feed("history-incidents-and-maintenance.xml"));
        Instant recovered = at.plus(Duration.ofMinutes(5));
        assertThat(run(recovered).error()).isNull();
        assertThat(stored()).hasSize(4).allSatisfy(item -> assertThat(item.get("expiresAt").n())
                .isEqualTo(Long.toString(recovered.plus(Duration.ofDays(30)).getEpochSecond())));
    }

    @Test
    void xincludeElementsAreNotProcessed() {
        serve(hostile("hostile-xinclude.xml").getBytes(StandardCharsets.UTF_8));

        Outcome outcome = run(NOW);

        assertThat(outcome.error()).isNull();
        assertThat(stored()).hasSize(1);
        assertThat(stored().toString()).doesNotContain(MARKER).doesNotContain(REMOTE_MARKER);
        assertThat(stored().get(0).get("title").s()).startsWith("XInclude outage");
        assertThat(attacker.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    /** One 50,000-character entity referenced 20,000 times: 1 GB of text from a 130 KB document. */
    static byte[] quadraticBlowup() {
        String reference = "&a;".repeat(20_000);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rss [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://status.webex.com</link><description>d</description>"
                + "<item><title>Outage " + reference + "</title><description>&lt;strong&gt;investigating&lt;/strong&gt;</description>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }
}
