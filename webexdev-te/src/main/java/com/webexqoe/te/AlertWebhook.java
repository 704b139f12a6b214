package com.webexqoe.te;

import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The alert webhook ({@code POST /tecloudagent}, docs/behaviour.md#te-webhook): authenticate, validate, store once.
 * The sender's mistakes get 4xx and store nothing; our own failures with a valid alert get 503, so
 * that ThousandEyes delivers it again and no alert is dropped.
 */
public final class AlertWebhook {

    /** The configured webhook token, or empty when the endpoint is open (see {@link WebhookToken}). */
    private final Supplier<Optional<String>> token;
    private final AlertParser parser;
    private final AlertStore store;
    private final Clock clock;

    public AlertWebhook(Supplier<Optional<String>> token, AlertParser parser, AlertStore store, Clock clock) {
        this.token = token;
        this.parser = parser;
        this.store = store;
        this.clock = clock;
    }

    public WebhookAnswer handle(WebhookRequest request, JsonLog log) {
        Instant receivedAt = clock.instant();
        Optional<String> expected;
        try {
            expected = token.get();
        } catch (RuntimeException e) {
            log.error("te webhook cannot read its secret", "error", FunctionRun.describe(e));
            return WebhookAnswer.error(503, "unavailable", "cannot check the token now, try again");
        }
        if (expected.isEmpty()) {
            log.warn("te webhook is open: no TE_WEBHOOK_TOKEN in the secret, so any caller can store alerts");
        } else if (!WebhookToken.matches(request.header("Authorization"), expected.get())) {
            return WebhookAnswer.error(401, "unauthorized",
                    request.proxy() ? "missing or wrong bearer token" : "a raw event carries no bearer token");
        }
        if (request.badEvent().isPresent()) {
            return WebhookAnswer.error(400, "invalid", request.badEvent().get());
        }
        AlertParser.Parsed parsed = parser.parse(request.body());
        if (parsed instanceof AlertParser.Parsed.Invalid invalid) {
            return WebhookAnswer.error(invalid.status(), invalid.status() == 413 ? "too-large" : "invalid", invalid.error());
        }
        if (parsed instanceof AlertParser.Parsed.Test) {
            return new WebhookAnswer(200, "test", Map.of("test", true));
        }
        Alert alert = ((AlertParser.Parsed.Valid) parsed).alert();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventId", alert.eventId());
        boolean first;
        try {
            first = store.claim(alert.eventId(), receivedAt);
        } catch (RuntimeException e) {
            log.error("te webhook could not record the delivery", "eventId", alert.eventId(), "error", FunctionRun.describe(e));
            return WebhookAnswer.error(503, "unavailable", "alert not stored, try again");
        }
        if (!first) {
            answer.put("stored", false);
            answer.put("duplicate", true);
            return new WebhookAnswer(200, "duplicate", answer);
        }
        try {
            store.save(alert, receivedAt);
        } catch (RuntimeException e) {
            log.error("te webhook could not store the alert", "eventId", alert.eventId(), "error", FunctionRun.describe(e));
            try {
                store.release(alert.eventId());
            } catch (RuntimeException release) {
                log.error("te webhook could not release the delivery marker: a redelivery will be taken as a duplicate",
                        "eventId", alert.eventId(), "error", FunctionRun.describe(release));
            }
            return WebhookAnswer.error(503, "unavailable", "alert not stored, try again");
        }
        answer.put("stored", true);
        return new WebhookAnswer(200, "stored", answer);
    }
}
