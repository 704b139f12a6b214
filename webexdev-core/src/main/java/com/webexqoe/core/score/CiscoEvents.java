package com.webexqoe.core.score;

import com.webexqoe.core.sources.CiscoApiItem;
import com.webexqoe.core.sources.StatusItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The open Cisco events of the S term (docs/behaviour.md#core-score), from both sources: a feed
 * item published in the window whose status is not final, and an API incident or maintenance
 * whose last update is in the window and whose status is not final. A feed title and an API
 * name that are equal after trimming and case-folding are one event. Components and the
 * summary are never events (a degraded component is shown, not scored). Pure.
 */
public final class CiscoEvents {

    /** One open event, with where it was seen. */
    public record Event(String name, String status, Optional<String> impact, Instant at, boolean inFeed, boolean inApi,
                        List<String> placeTexts, Optional<String> url, boolean maintenance) {

        String sources() {
            return inFeed && inApi ? "feed and status API" : inApi ? "status API" : "feed";
        }
    }

    private CiscoEvents() {
    }

    /** The key two sources share: trimmed, inner spaces collapsed, case-folded. */
    static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Newest first. */
    public static List<Event> open(List<StatusItem> statuses, Instant now, Duration window) {
        Map<String, Event> events = new LinkedHashMap<>();
        for (StatusItem item : statuses) {
            Optional<Event> event = event(item, now, window);
            event.ifPresent(e -> events.merge(key(e.name()), e, CiscoEvents::merge));
        }
        List<Event> open = new ArrayList<>(events.values());
        open.sort(Comparator.comparing(Event::at).reversed().thenComparing(Event::name));
        return open;
    }

    private static Optional<Event> event(StatusItem item, Instant now, Duration window) {
        if (HealthScore.isFinal(item.status())) {
            return Optional.empty();
        }
        if (item.fromFeed()) {
            return item.published().filter(at -> HealthScore.inWindow(at, now, window))
                    .map(at -> new Event(item.title(), item.status(), Optional.empty(), at, true, false, List.of(item.title()), item.url(),
                            item.title().toLowerCase(Locale.ROOT).contains("maintenance")));
        }
        return item.api().filter(CiscoApiItem::event).flatMap(api -> api.updated().or(item::published)
                .filter(at -> HealthScore.inWindow(at, now, window))
                .map(at -> new Event(api.name(), item.status(), api.impact(), at, false, true, api.placeTexts(), item.url(),
                        api.kind().equals(CiscoApiItem.MAINTENANCE))));
    }

    /** One event seen in both: the API's status and impact (the current snapshot), the feed's own page, the newer time. */
    private static Event merge(Event a, Event b) {
        Event api = a.inApi() ? a : b;
        Event feed = a.inApi() ? b : a;
        List<String> places = new ArrayList<>(api.placeTexts());
        places.addAll(feed.placeTexts());
        return new Event(api.name(), api.status(), api.impact().or(feed::impact), a.at().isAfter(b.at()) ? a.at() : b.at(),
                a.inFeed() || b.inFeed(), a.inApi() || b.inApi(), places, feed.url().or(api::url), api.maintenance());
    }

    /** The components Cisco lists as not operational, "name (group)", for the headline and the "where" line. */
    public static List<String> degraded(List<StatusItem> statuses) {
        return StatusItem.ofApiKind(statuses, CiscoApiItem.COMPONENT).stream()
                .map(item -> item.api().orElseThrow())
                .map(api -> api.name() + api.group().map(group -> " (" + group + ")").orElse(""))
                .toList();
    }
}
