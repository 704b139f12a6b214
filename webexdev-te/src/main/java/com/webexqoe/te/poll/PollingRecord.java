package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * One poll's metrics, an item of {@code webexdev-te-polling} (docs/behaviour.md#te-poll). A list whose test failed
 * is empty (left out of the item), not an empty list.
 *
 * @param datetime  local time {@code yyyy-MM-dd'T'HH:mm:ss}, the key
 * @param day       local {@code yyyy-MM-dd}, for the {@code byDay} index
 * @param metrics   per-agent network metrics
 * @param responses per-agent HTTP server results
 * @param expiresAt TTL, epoch seconds
 */
public record PollingRecord(String datetime, String day, Optional<List<ObjectNode>> metrics,
                            Optional<List<ObjectNode>> responses, long expiresAt) {
}
