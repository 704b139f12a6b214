package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One ThousandEyes alert notification of {@code webexdev-te} (docs/behaviour.md#te-webhook): from
 * a classic or custom webhook, or from the te poll's v7 alert list.
 *
 * @param receivedAt the item's {@code datetime} (local receive time) as an instant
 * @param trigger    {@code active} = 1: the alert started or is still active (0: it cleared)
 * @param metrics    each agent's {@code metricsAtStart}, e.g. {@code "Response Time: 980 ms"}
 * @param alertId    the alert's own id, shared by a trigger and its clear; empty when the item has none
 * @param agentAlert a notification about a ThousandEyes agent itself (offline, say), not about the path
 */
public record Alert(String eventId, Instant receivedAt, String type, boolean trigger, List<String> agentNames,
                    List<String> metrics, String testName, String ruleExpression, Optional<String> alertId,
                    boolean agentAlert) {

    /** A test alert without an alert id (items written before alert ids were stored). */
    public Alert(String eventId, Instant receivedAt, String type, boolean trigger, List<String> agentNames,
                 List<String> metrics, String testName, String ruleExpression) {
        this(eventId, receivedAt, type, trigger, agentNames, metrics, testName, ruleExpression, Optional.empty(), false);
    }
}
