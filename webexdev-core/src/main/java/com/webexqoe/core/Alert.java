package com.webexqoe.core;

import java.time.Instant;
import java.util.List;

/**
 * One ThousandEyes alert notification of {@code webexdev-te} (docs/behaviour.md#te-webhook).
 *
 * @param receivedAt the item's {@code datetime} (local receive time) as an instant
 * @param trigger    {@code active} = 1: the alert started (0: it cleared)
 * @param metrics    each agent's {@code metricsAtStart}, e.g. {@code "Response Time: 980 ms"}
 */
public record Alert(String eventId, Instant receivedAt, String type, boolean trigger, List<String> agentNames,
                    List<String> metrics, String testName, String ruleExpression) {
}
