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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static Map<String, Object> model(List<StatusItem> statuses, Optional<String> serverRegion, ZoneId zone) {
        Map<String, Object> model = new LinkedHashMap<>();
        Optional<StatusItem> summary = StatusItem.ofApiKind(statuses, CiscoApiItem.SUMMARY).stream().findFirst();
        model.put("hasApi", summary.isPresent());
        model.put("indicator", summary.map(item -> item.status() + " — " + item.api().orElseThrow().name()).orElse(null));
        model.put("indicatorOk", summary.map(item -> item.status().equals("green") || item.status().equals("none")).orElse(true));

        List<Map<String, Object>> components = new ArrayList<>();
        for (StatusItem item : StatusItem.ofApiKind(statuses, CiscoApiItem.COMPONENT)) {
            CiscoApiItem api = item.api().orElseThrow();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", api.name());
            row.put("group", api.group().orElse(NO_REGION));
            row.put("status", item.status().replace('_', ' '));
            region(row, api.placeTexts(), serverRegion);
            components.add(row);
        }
        model.put("components", components);

        List<Map<String, Object>> incidents = new ArrayList<>();
        List<Map<String, Object>> maintenances = new ArrayList<>();
        for (StatusItem item : newestFirst(statuses)) {
            CiscoApiItem api = item.api().orElseThrow();
            if (!api.event()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", api.name());
            row.put("href", item.url().flatMap(PageSettings::httpsUrl).map(URI::toString).orElse(null));
            row.put("status", item.status());
            row.put("open", !HealthScore.isFinal(item.status()));
            row.put("impact", api.impact().orElse(NO_REGION));
            row.put("components", api.components().isEmpty() ? NO_REGION : String.join(", ", api.components()));
            row.put("updated", api.updated().or(item::published).map(at -> shown(at, zone)).orElse(NO_REGION));
            if (api.kind().equals(CiscoApiItem.MAINTENANCE)) {
                row.put("window", api.scheduledFor().map(at -> shown(at, zone)).orElse("?") + " – "
                        + api.scheduledUntil().map(at -> shown(at, zone)).orElse("?"));
            }
            region(row, api.placeTexts(), serverRegion);
            (api.kind().equals(CiscoApiItem.INCIDENT) ? incidents : maintenances).add(row);
        }
        model.put("incidents", incidents);
        model.put("maintenances", maintenances);
        return model;
    }

    private static void region(Map<String, Object> row, List<String> texts, Optional<String> serverRegion) {
        Optional<ServerRegions.Match> match = ServerRegions.match(texts, serverRegion);
        row.put("region", match.map(m -> String.join(", ", m.named()) + ": " + m.text()).orElse(NO_REGION));
        row.put("yours", match.map(ServerRegions.Match::yours).orElse(false));
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
