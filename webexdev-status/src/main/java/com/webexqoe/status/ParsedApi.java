package com.webexqoe.status;

import java.util.List;

/**
 * What one {@code index.json} yielded.
 *
 * @param items     the summary first, then the components, incidents and maintenances to store
 * @param dropped   entries left out because they were malformed (no name, wrong types), by list name
 * @param finished  resolved incidents and completed maintenances left out
 */
public record ParsedApi(List<ApiItem> items, java.util.Map<String, Integer> dropped, int finished) {

    public int droppedTotal() {
        return dropped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
