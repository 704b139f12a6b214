package com.webexqoe.common.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogTest {

    @Test
    void writesOneJsonObjectPerLineWithTheGivenFields() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLog log = new JsonLog("webexdev-status", new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));

        log.info("stored status items", "source", "status-feed", "stored", 12, "durationMs", 345L);
        log.error("feed failed", "source", "status-feed", "error", "HTTP 500\nsecond line");

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = Json.read(lines[0]);
        assertThat(first.get("timestamp").asText()).isEqualTo("2026-11-27T00:00:00Z");
        assertThat(first.get("level").asText()).isEqualTo("INFO");
        assertThat(first.get("function").asText()).isEqualTo("webexdev-status");
        assertThat(first.get("message").asText()).isEqualTo("stored status items");
        assertThat(first.get("stored").asInt()).isEqualTo(12);
        assertThat(first.get("durationMs").asLong()).isEqualTo(345L);
        JsonNode second = Json.read(lines[1]);
        assertThat(second.get("level").asText()).isEqualTo("ERROR");
        assertThat(second.get("error").asText()).isEqualTo("HTTP 500\nsecond line");
    }
}
