package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One item of {@code webexdev-status} (docs/behaviour.md#status): a feed item, or — with
 * {@link #api()} — an item of Cisco's status JSON API (docs/behaviour.md#status-api).
 *
 * @param lastSeen when the status function last stored it ({@code expiresAt} minus its 30-day TTL)
 */
public record StatusItem(String title, Optional<String> url, String status, Optional<Instant> published,
                         Optional<Instant> lastSeen, Optional<CiscoApiItem> api) {

    /** A feed item. */
    public StatusItem(String title, Optional<String> url, String status, Optional<Instant> published, Optional<Instant> lastSeen) {
        this(title, url, status, published, lastSeen, Optional.empty());
    }

    /** A feed item: not an {@code api:} item (one whose API part is unreadable is neither: it is left out). */
    public boolean fromFeed() {
        return api.isEmpty() && !title.startsWith(com.webexqoe.common.schema.StatusTable.API_PREFIX);
    }

    /** The items of Cisco's status API of this kind ({@code CiscoApiItem.COMPONENT}, …), by title. */
    public static List<StatusItem> ofApiKind(List<StatusItem> statuses, String kind) {
        return statuses.stream().filter(item -> item.api().filter(api -> api.kind().equals(kind)).isPresent())
                .sorted(java.util.Comparator.comparing(StatusItem::title)).toList();
    }
}
