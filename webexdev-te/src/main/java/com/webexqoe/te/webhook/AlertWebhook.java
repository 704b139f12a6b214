package com.webexqoe.te.webhook;

import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.te.alert.Alert;
import com.webexqoe.te.alert.AlertParser;
import com.webexqoe.te.alert.AlertStore;

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

    /** The configured webhook credentials; none: the endpoint is open (see {@link WebhookToken}). */
    private final Supplier<WebhookToken.Credentials> credentials;
    private final AlertParser parser;
    private final AlertStore store;
    private final Clock clock;

    /** With a bearer token only (or none). */
    public AlertWebhook(Supplier<Optional<String>> token, AlertParser parser, AlertStore store, Clock clock) {
        this(() -> token.get().map(WebhookToken.Credentials::bearer).orElse(WebhookToken.Credentials.none()), clock,
                parser, store);
    }

    public AlertWebhook(Supplier<WebhookToken.Credentials> credentials, Clock clock, AlertParser parser, AlertStore store) {
        this.credentials = credentials;
        this.parser = parser;
        this.store = store;
        this.clock = clock;
    }

    public WebhookAnswer handle(WebhookRequest request, JsonLog log) {
        Instant receivedAt = clock.instant();
        WebhookToken.Credentials expected;
        try {
            expected = credentials.get();
        } catch (RuntimeException e) {
            log.error("te webhook cannot read its secret", "error", FunctionRun.describe(e));
            return WebhookAnswer.error(503, "unavailable", "cannot check the token now, try again");
        }
        if (expected.open()) {
            log.warn("te webhook is open: no TE_WEBHOOK_TOKEN nor TE_WEBHOOK_USERNAME/TE_WEBHOOK_PASSWORD in the secret, "
                    + "so any caller can store alerts");
        } else if (!expected.accepts(request.header("Authorization"))) {
            String kinds = expected.token().isPresent() && expected.basicConfigured() ? "bearer token or Basic credentials"
                    : expected.token().isPresent() ? "bearer token" : "Basic credentials";
            return WebhookAnswer.unauthorized(expected.challenge(),
                    request.proxy() ? "missing or wrong " + kinds : "a raw event carries no " + kinds);
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
