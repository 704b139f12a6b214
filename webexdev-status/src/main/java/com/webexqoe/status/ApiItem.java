package com.webexqoe.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One thing Cisco's status JSON API reports that the page needs (docs/behaviour.md#status-api):
 * the summary, a component that is not operational, an unresolved incident, or an active or
 * upcoming maintenance. Stored under {@link #title()}, which starts with {@code api:}.
 *
 * @param kind       one of {@code StatusTable.KIND_*}
 * @param name       the component's or incident's name; the summary's description
 * @param status     lower case, underscores as spaces kept as Cisco sends them ({@code degraded_performance},
 *                   {@code investigating}, {@code in progress}); the summary's indicator
 * @param group      a component's group name
 * @param components names of the components an incident or maintenance affects
 * @param published  when the incident or maintenance was created
 * @param updated    its last update
 */
public record ApiItem(String title, String kind, String name, String status, Optional<String> group,
                      Optional<String> impact, List<String> components, Optional<String> locations,
                      Optional<String> url, Optional<Instant> published, Optional<Instant> updated,
                      Optional<Instant> scheduledFor, Optional<Instant> scheduledUntil) {

    public ApiItem {
        components = List.copyOf(components);
    }
}
