package com.webexqoe.core;

import java.time.Instant;
import java.util.Optional;

/**
 * One item of {@code webexdev-status} (docs/behaviour.md#status).
 *
 * @param lastSeen when the status function last stored it ({@code expiresAt} minus its 30-day TTL)
 */
public record StatusItem(String title, Optional<String> url, String status, Optional<Instant> published,
                         Optional<Instant> lastSeen) {
}
