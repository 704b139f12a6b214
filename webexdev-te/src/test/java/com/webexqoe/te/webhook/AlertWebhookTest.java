package com.webexqoe.te.webhook;

import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.te.Fixtures;
import com.webexqoe.te.alert.Alert;
import com.webexqoe.te.alert.AlertParser;
import com.webexqoe.te.alert.AlertStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's decisions, with an in-memory alert store (the port) that can be made to fail. */
class AlertWebhookTest {

    /** Claims and alerts in memory; {@code failSaves} makes the alert put fail after the claim. */
    static final class MemoryAlertStore implements AlertStore {
        final Set<String> claims = new HashSet<>();
        final List<Alert> saved = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        boolean failSaves;

        @Override
        public boolean claim(String eventId, Instant receivedAt) {
            return claims.add(eventId);
        }

        @Override
        public void save(Alert alert, Instant receivedAt) {
            if (failSaves) {
                throw new IllegalStateException("throttled");
            }
            saved.add(alert);
        }

        @Override
        public void release(String eventId) {
            claims.remove(eventId);
            released.add(eventId);
        }
    }

    private final MemoryAlertStore store = new MemoryAlertStore();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog("webexdev-te", new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private AlertWebhook webhook(Optional<String> token) {
        return new AlertWebhook(() -> token, new AlertParser(), store, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    private static WebhookRequest proxied(String body, String authorization) {
        return new WebhookRequest(authorization == null ? Map.of() : Map.of("authorization", authorization),
                body.getBytes(StandardCharsets.UTF_8), true, Optional.empty());
    }

    @Test
    void whenTheAlertPutFailsAfterTheClaimTheClaimIsReleasedSoTheRedeliveryIsStored() {
        String body = Fixtures.text("alerts/alert-trigger-http-server-response-time.json");
        store.failSaves = true;

        WebhookAnswer failed = webhook(Optional.of("t0k3n")).handle(proxied(body, "Bearer t0k3n"), log);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(store.released).containsExactly("205647251-76947300");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("te webhook could not store the alert")
                .contains("java.lang.IllegalStateException: throttled");

        store.failSaves = false;
        WebhookAnswer redelivered = webhook(Optional.of("t0k3n")).handle(proxied(body, "Bearer t0k3n"), log);

        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.outcome()).isEqualTo("stored");
        assertThat(store.saved).extracting(Alert::eventId).containsExactly("205647251-76947300");
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenExact() {
        assertThat(WebhookToken.matches(Optional.of("bearer t0k3n"), "t0k3n")).isTrue();
        assertThat(WebhookToken.matches(Optional.of("  Bearer   t0k3n "), "t0k3n")).isTrue();
        assertThat(WebhookToken.matches(Optional.of("Bearer t0k3"), "t0k3n")).isFalse();
        assertThat(WebhookToken.matches(Optional.of("Bearer T0K3N"), "t0k3n")).isFalse();
        assertThat(WebhookToken.matches(Optional.of("t0k3n"), "t0k3n")).isFalse();
        assertThat(WebhookToken.matches(Optional.of("Bearer "), "t0k3n")).isFalse();
        assertThat(WebhookToken.matches(Optional.empty(), "t0k3n")).isFalse();
    }

    @Test
    void theAnswerIsAnApiGatewayProxyResponseWithAJsonBody() throws Exception {
        WebhookAnswer answer = webhook(Optional.empty()).handle(proxied("{\"eventType\":\"WEBHOOK_TEST\"}", null), log);

        assertThat(Json.read(answer.answer()).toString())
                .isEqualTo("{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"test\\\":true}\"}");
    }

    @Test
    void metricsAtStartIsStoredAsItCameAndAnAgentWithoutOneGetsAnEmptyString() {
        String body = "{\"eventId\":\"9-1\",\"eventType\":\"ALERT_NOTIFICATION_TRIGGER\",\"alert\":{\"type\":\"Network\","
                + "\"active\":1,\"agents\":[{\"agentName\":\"A\",\"metricsAtStart\":\"Response Code: 502\"},"
                + "{\"agentName\":\"B\",\"metricsAtStart\":\"\"},{\"agentName\":\"C\"}]}}";

        webhook(Optional.empty()).handle(proxied(body, null), log);

        Alert alert = store.saved.get(0);
        assertThat(alert.agentNames()).containsExactly("A", "B", "C");
        assertThat(alert.metrics()).containsExactly("Response Code: 502", "", "");
        assertThat(alert.testName()).isEmpty();
    }

    @Test
    void dynamoDbNumberLimitsAreKnown() {
        assertThat(AlertParser.storableNumber(new java.math.BigDecimal("1E+125"))).isTrue();
        assertThat(AlertParser.storableNumber(new java.math.BigDecimal("1E+126"))).isFalse();
        assertThat(AlertParser.storableNumber(new java.math.BigDecimal("1E-130"))).isTrue();
        assertThat(AlertParser.storableNumber(new java.math.BigDecimal("1E-131"))).isFalse();
        assertThat(AlertParser.storableNumber(new java.math.BigDecimal("1.2345678901234567890123456789012345678"))).isTrue();
        assertThat(AlertParser.storableNumber(new java.math.BigDecimal("1.23456789012345678901234567890123456789"))).isFalse();
    }
}
