package com.webexqoe.core.score;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The page's one verdict line (docs/behaviour.md#core-headline), which never disagrees with "where
 * is the problem": below the score's threshold it is the score's verdict; at or above it, "working
 * fine" only when nothing is wrong, else "Webex is mostly working — " and the strongest finding
 * (e.g. "Cisco reports an incident in APAC"). The score, its formula and thresholds are unchanged. Pure.
 */
public final class Headline {

    static final String MOSTLY = "Webex is mostly working — ";

    public enum State { FINE, MOSTLY, NOT_FINE }

    public record Line(State state, String text) {
        public boolean ok() {
            return state == State.FINE;
        }
    }

    private Headline() {
    }

    /**
     * @param openEvents   the S term's open Cisco events
     * @param degraded     names of the components Cisco lists as not operational (shown, not scored)
     * @param serverRegion the user's meeting server region, when known
     */
    public static Line of(HealthScore.Score score, HomeAssessment.Verdict home, List<CiscoEvents.Event> openEvents,
                          List<String> degraded, Optional<String> serverRegion) {
        if (!score.fine()) {
            return new Line(State.NOT_FINE, score.verdict());
        }
        List<String> findings = new ArrayList<>();
        if (score.service().value().signum() < 0 && !openEvents.isEmpty()) {
            findings.add(cisco(openEvents, serverRegion));
        }
        if (score.path().value().signum() < 0) {
            findings.add("ThousandEyes reports a network problem on the path to Webex");
        }
        if (home.warning()) {
            findings.add("your own meeting quality is poor");
        }
        if (score.social().warning()) {
            findings.add("many negative posts about Webex");
        }
        if (findings.isEmpty() && !degraded.isEmpty()) {
            findings.add("Cisco reports " + (degraded.size() == 1 ? degraded.get(0) + " degraded"
                    : degraded.size() + " degraded components"));
        }
        if (findings.isEmpty()) {
            return new Line(State.FINE, score.verdict());
        }
        return new Line(State.MOSTLY, MOSTLY + findings.get(0));
    }

    private static String cisco(List<CiscoEvents.Event> events, Optional<String> serverRegion) {
        List<CiscoEvents.Event> incidents = events.stream().filter(e -> !e.maintenance()).toList();
        List<CiscoEvents.Event> maintenances = events.stream().filter(CiscoEvents.Event::maintenance).toList();
        boolean[] yours = {false};
        List<String> parts = new ArrayList<>();
        if (!incidents.isEmpty()) {
            parts.add((incidents.size() == 1 ? "an incident" : incidents.size() + " incidents") + regions(incidents, serverRegion, yours));
        }
        if (!maintenances.isEmpty()) {
            parts.add((maintenances.size() == 1 ? "maintenance" : maintenances.size() + " maintenances") + " in progress"
                    + regions(maintenances, serverRegion, yours));
        }
        return "Cisco reports " + String.join(" and ", parts) + (yours[0] ? " (your meeting region)" : "");
    }

    /** " in APAC, EMEA" for the regions the events name; sets {@code yours[0]} when one is the user's. */
    private static String regions(List<CiscoEvents.Event> events, Optional<String> serverRegion, boolean[] yours) {
        Set<String> regions = new LinkedHashSet<>();
        for (CiscoEvents.Event event : events) {
            Optional<ServerRegions.Match> match = ServerRegions.match(event.placeTexts(), serverRegion);
            if (match.isPresent()) {
                regions.addAll(match.get().named());
                yours[0] |= match.get().yours();
            }
        }
        return regions.isEmpty() ? "" : " in " + String.join(", ", regions);
    }
}
