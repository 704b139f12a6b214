package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.te.TeException;
import com.webexqoe.te.alert.Alert;
import com.webexqoe.te.alert.AlertParser;
import com.webexqoe.te.alert.AlertStore;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The alert poll (docs/behaviour.md#te-poll), a safety net for the webhook: ThousandEyes API v7
 * {@code GET /alerts} lists the active alerts (its {@code state} defaults to {@code trigger}), and
 * with {@code state=clear&window=1h} the ones cleared in the last hour. Each becomes an item of the
 * alerts table in the webhook's format: {@code eventid} {@code poll:<id>:trigger} or
 * {@code poll:<id>:clear}, {@code alertId} the v7 {@code id}, {@code active} 1 or 0. A clear is stored
 * once (claimed like a webhook delivery); an alert still active is stored again at each poll, so that
 * it keeps counting while ThousandEyes says it is active.
 */
public final class AlertPoll {

    /** The cleared alerts of this window are read; a poll runs far more often, so none is missed. */
    public static final String CLEAR_QUERY = "state=clear&window=1h";

    /** What one poll stored. */
    public record Outcome(int triggers, int clears, int skipped) {
    }

    private final ThousandEyesApi api;
    private final URI activeUrl;
    private final AlertStore store;
    private final String source;

    public AlertPoll(ThousandEyesApi api, URI activeUrl, AlertStore store, String source) {
        this.api = api;
        this.activeUrl = activeUrl;
        this.store = store;
        this.source = source;
    }

    /** The configured URL with {@code state=clear&window=1h} added to its query. */
    public static URI clearUrl(URI active) {
        String query = active.getRawQuery();
        String path = active.getRawPath() == null ? "" : active.getRawPath();
        return URI.create(active.getScheme() + "://" + active.getRawAuthority() + path + "?"
                + (query == null || query.isEmpty() ? "" : query + "&") + CLEAR_QUERY);
    }

    /**
     * Reads both lists and stores what is new; the two lists fail alone (the other is still stored).
     *
     * @param calls counts each ThousandEyes call
     * @throws TeException after storing what it could, when a list could not be read or stored
     */
    public Outcome poll(Instant now, Deadline deadline, Runnable calls, JsonLog log) {
        List<String> failures = new ArrayList<>();
        int[] counts = new int[3];
        read(activeUrl, "active", deadline, calls, failures).ifPresent(alerts -> {
            for (JsonNode alert : alerts) {
                store(alert, true, now, counts, failures, log);
            }
        });
        read(clearUrl(activeUrl), "cleared", deadline, calls, failures).ifPresent(alerts -> {
            for (JsonNode alert : alerts) {
                store(alert, false, now, counts, failures, log);
            }
        });
        if (!failures.isEmpty()) {
            throw new TeException(String.join("; ", failures.stream().distinct().toList()));
        }
        return new Outcome(counts[0], counts[1], counts[2]);
    }

    private Optional<List<JsonNode>> read(URI url, String which, Deadline deadline, Runnable calls, List<String> failures) {
        try {
            calls.run();
            byte[] body = api.get(url, source, deadline);
            JsonNode answer;
            try {
                answer = Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new TeException(source + ": the " + which + " alert list is not valid JSON");
            }
            JsonNode alerts = answer == null ? null : answer.path("alerts");
            if (alerts == null || alerts.isMissingNode() || alerts.isNull()) {
                return Optional.of(List.of()); // ThousandEyes: "If no alerts are active … an empty response is returned"
            }
            if (!alerts.isArray()) {
                throw new TeException(source + ": alerts in the " + which + " alert list is not an array");
            }
            List<JsonNode> list = new ArrayList<>();
            alerts.forEach(list::add);
            return Optional.of(list);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            failures.add(message.startsWith(source) ? message : source + ": " + message);
            return Optional.empty();
        }
    }

    private void store(JsonNode alert, boolean trigger, Instant now, int[] counts, List<String> failures, JsonLog log) {
        Optional<Alert> item = toAlert(alert, trigger);
        if (item.isEmpty()) {
            counts[2]++;
            log.warn("te alert poll skipped an alert it cannot store", "test", source,
                    "reason", "no id, or a value DynamoDB cannot hold");
            return;
        }
        Alert found = item.get();
        try {
            if (trigger) {
                store.save(found, now); // a refresh each poll: the alert keeps counting while active
                counts[0]++;
            } else if (store.claim(found.eventId(), now)) {
                try {
                    store.save(found, now);
                } catch (RuntimeException e) {
                    store.release(found.eventId());
                    throw e;
                }
                counts[1]++;
            }
        } catch (RuntimeException e) {
            failures.add(source + ": could not store " + found.eventId() + ": " + e.getMessage());
        }
    }

    /** The v7 alert in the webhook's item format, or empty when it has no id or cannot be stored. */
    public static Optional<Alert> toAlert(JsonNode alert, boolean trigger) {
        if (!alert.isObject() || !alert.path("id").isTextual() || alert.path("id").asText().isBlank()
                || alert.path("id").asText().length() > AlertParser.MAX_EVENT_ID_LENGTH
                || AlertParser.unstorable(alert, "alert").isPresent()) {
            return Optional.empty();
        }
        String id = alert.path("id").asText();
        List<String> agentNames = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (JsonNode detail : alert.path("details")) {
            agentNames.add(detail.path("name").asText(""));
            metrics.add(detail.path("start").path("metrics").asText(""));
        }
        Function<String, Optional<String>> text = field -> alert.path(field).isTextual()
                ? Optional.of(alert.path(field).asText()) : Optional.empty();
        JsonNode testName = alert.path("meta").path("testName");
        return Optional.of(new Alert("poll:" + id + ":" + (trigger ? "trigger" : "clear"), Optional.of(id), text.apply("alertType"),
                Optional.of(IntNode.valueOf(trigger ? 1 : 0)), Optional.empty(), Optional.empty(),
                testName.isTextual() ? Optional.of(testName.asText()) : Optional.empty(), agentNames, metrics,
                "agent".equalsIgnoreCase(alert.path("alertType").asText("")), (ObjectNode) alert));
    }
}
