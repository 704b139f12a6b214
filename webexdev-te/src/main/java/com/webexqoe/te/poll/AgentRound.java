package com.webexqoe.te.poll;

/** A v7 path-vis result that still needs its detail call: which agent, which round. */
public record AgentRound(String agentId, String roundId) {
}
