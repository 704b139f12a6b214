package com.webexqoe.te.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A ThousandEyes alert notification that passed validation: a classic webhook's, a custom webhook's
 * (Integrations 2.0) or one the alert poll read from API v7 {@code /alerts} (docs/behaviour.md#te-webhook).
 *
 * @param eventId        identifies the notification, so that a redelivery has the same one: the classic
 *                       {@code eventId}, the custom {@code id}, or {@code poll:<alert id>:trigger|clear}
 * @param alertId        the alert's own id, which a trigger and its clear share: the classic
 *                       {@code alert.alertId} (a UUID, or a number in older notifications), the custom
 *                       {@code alert.id}, the v7 {@code id}; always text
 * @param type           {@code alert.type} ("HTTP Server", "Network", "Agent", …; v7: {@code alertType})
 * @param active         {@code alert.active} as sent (1 active, 0 cleared; ThousandEyes' v6 list also
 *                       used 2 for a disabled rule), or 1/0 from the event type, the custom {@code type}
 *                       or the v7 state when the body has none
 * @param ruleExpression {@code alert.ruleExpression}
 * @param ruleName       {@code alert.ruleName} (custom: {@code alert.rule.name})
 * @param testName       {@code alert.testName} (custom: {@code alert.test.name})
 * @param agentNames     each {@code alert.agents[].agentName}, or the agent notification's {@code agentName}
 * @param metrics        each agent's {@code metricsAtStart}, free text as sent ("" when absent)
 * @param agentAlert     a notification about an agent itself (offline, say), not about a test's target
 * @param body           the whole notification
 */
public record Alert(String eventId, Optional<String> alertId, Optional<String> type, Optional<JsonNode> active,
                    Optional<String> ruleExpression, Optional<String> ruleName, Optional<String> testName,
                    List<String> agentNames, List<String> metrics, boolean agentAlert, ObjectNode body) {

    public Alert {
        agentNames = List.copyOf(agentNames);
        metrics = List.copyOf(metrics);
    }

    /** A classic test alert without an alert id or rule name (the shape before alert ids were read). */
    public Alert(String eventId, Optional<String> type, Optional<JsonNode> active, Optional<String> ruleExpression,
                 Optional<String> testName, List<String> agentNames, List<String> metrics, ObjectNode body) {
        this(eventId, Optional.empty(), type, active, ruleExpression, Optional.empty(), testName, agentNames, metrics, false, body);
    }
}
