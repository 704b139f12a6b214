package com.webexqoe.core.page;

import com.webexqoe.core.score.HealthScore;
import com.webexqoe.core.score.ServerRegions;
import com.webexqoe.core.sources.CiscoApiItem;
import com.webexqoe.core.sources.StatusItem;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The Cisco section's JSON-API part (docs/behaviour.md#core-cisco): the rolled-up indicator, the
 * components that are not operational, the unresolved incidents with their impact, and the
 * maintenances; each with whether the region it names is the user's meeting region
 * ({@link ServerRegions}). Pure: status items in, the template's model out.
 */
public final class CiscoSection {

    /** What the page shows when no item names a region. */
    static final String NO_REGION = "–";

    private CiscoSection() {
    }

    public static PageModel.Cisco model(List<StatusItem> statuses, Optional<String> serverRegion, ZoneId zone) {
        Optional<StatusItem> summary = StatusItem.ofApiKind(statuses, CiscoApiItem.SUMMARY).stream().findFirst();
        List<PageModel.CiscoComponent> components = new ArrayList<>();
        for (StatusItem item : StatusItem.ofApiKind(statuses, CiscoApiItem.COMPONENT)) {
            CiscoApiItem api = item.api().orElseThrow();
            Optional<ServerRegions.Match> match = ServerRegions.match(api.placeTexts(), serverRegion);
            components.add(new PageModel.CiscoComponent(api.name(), api.group().orElse(NO_REGION), item.status().replace('_', ' '),
                    regionText(match), yours(match)));
        }
        List<PageModel.CiscoEvent> incidents = new ArrayList<>();
        List<PageModel.CiscoEvent> maintenances = new ArrayList<>();
        for (StatusItem item : newestFirst(statuses)) {
            CiscoApiItem api = item.api().orElseThrow();
            if (!api.event()) {
                continue;
            }
            boolean maintenance = api.kind().equals(CiscoApiItem.MAINTENANCE);
            Optional<ServerRegions.Match> match = ServerRegions.match(api.placeTexts(), serverRegion);
            PageModel.CiscoEvent row = new PageModel.CiscoEvent(api.name(),
                    item.url().flatMap(PageSettings::httpsUrl).map(URI::toString).orElse(null), item.status(),
                    !HealthScore.isFinal(item.status()), api.impact().orElse(NO_REGION),
                    api.components().isEmpty() ? NO_REGION : String.join(", ", api.components()),
                    api.updated().or(item::published).map(at -> shown(at, zone)).orElse(NO_REGION),
                    maintenance ? api.scheduledFor().map(at -> shown(at, zone)).orElse("?") + " – "
                            + api.scheduledUntil().map(at -> shown(at, zone)).orElse("?") : null,
                    regionText(match), yours(match));
            (api.kind().equals(CiscoApiItem.INCIDENT) ? incidents : maintenances).add(row);
        }
        return new PageModel.Cisco(summary.isPresent(),
                summary.map(item -> item.status() + " — " + item.api().orElseThrow().name()).orElse(null),
                summary.map(item -> item.status().equals("green") || item.status().equals("none")).orElse(true),
                components, incidents, maintenances);
    }

    private static String regionText(Optional<ServerRegions.Match> match) {
        return match.map(m -> String.join(", ", m.named()) + ": " + m.text()).orElse(NO_REGION);
    }

    private static boolean yours(Optional<ServerRegions.Match> match) {
        return match.map(ServerRegions.Match::yours).orElse(false);
    }

    private static List<StatusItem> newestFirst(List<StatusItem> statuses) {
        return statuses.stream().filter(item -> item.api().isPresent())
                .sorted(Comparator.comparing((StatusItem item) -> item.api().orElseThrow().updated().or(item::published)
                        .orElse(Instant.EPOCH)).reversed().thenComparing(StatusItem::title))
                .toList();
    }

    private static String shown(Instant at, ZoneId zone) {
        return DashboardPage.COMPACT_SHOWN.format(at.atZone(zone));
    }
}
