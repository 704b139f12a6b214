package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A ThousandEyes alert notification (classic webhook payload) that passed validation.
 *
 * @param eventId        {@code eventId}: identifies the notification, so a redelivery has the same one
 * @param type           {@code alert.type} ("HTTP Server", "Network", …)
 * @param active         {@code alert.active} as sent (1 active, 2 cleared, …)
 * @param ruleExpression {@code alert.ruleExpression}
 * @param testName       {@code alert.testName}
 * @param agentNames     each {@code alert.agents[].agentName}
 * @param metrics        each agent's {@code metricsAtStart}, free text as sent ("" when absent)
 * @param body           the whole notification
 */
public record Alert(String eventId, Optional<String> type, Optional<JsonNode> active, Optional<String> ruleExpression,
                    Optional<String> testName, List<String> agentNames, List<String> metrics, ObjectNode body) {

    public Alert {
        agentNames = List.copyOf(agentNames);
        metrics = List.copyOf(metrics);
    }
}
