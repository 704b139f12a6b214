package com.webexqoe.status;

import java.time.Instant;
import java.util.Optional;

/**
 * One item of Cisco's status feed.
 *
 * @param title     the item title, the table's key
 * @param link      the item's page on status.webex.com
 * @param status    the first {@code <strong>} word of the description ("resolved", "in progress"…),
 *                  or {@link #UNKNOWN_STATUS}
 * @param published the item's pubDate
 */
public record StatusEntry(String title, Optional<String> link, String status, Optional<Instant> published) {

    public static final String UNKNOWN_STATUS = "unknown";
}
