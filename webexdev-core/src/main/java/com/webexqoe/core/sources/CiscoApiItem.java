package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the status JSON API adds to a status item (docs/behaviour.md#status-api).
 *
 * @param kind       {@code summary}, {@code component}, {@code incident} or {@code maintenance}
 * @param name       the component's, incident's or maintenance's name; the summary's description
 * @param components names of the components an incident or maintenance affects
 */
public record CiscoApiItem(String kind, String name, Optional<String> group, Optional<String> impact, List<String> components,
                           Optional<String> locations, Optional<Instant> updated, Optional<Instant> scheduledFor,
                           Optional<Instant> scheduledUntil) {

    public static final String SUMMARY = "summary";
    public static final String COMPONENT = "component";
    public static final String INCIDENT = "incident";
    public static final String MAINTENANCE = "maintenance";

    public CiscoApiItem {
        components = List.copyOf(components);
    }

    /** An incident or a maintenance: the kinds that can be an open event of the S term. */
    public boolean event() {
        return kind.equals(INCIDENT) || kind.equals(MAINTENANCE);
    }

    /** The texts that may name a region or cluster: the name, the locations, the components, the group. */
    public List<String> placeTexts() {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(name);
        locations.ifPresent(texts::add);
        texts.addAll(components);
        group.ifPresent(texts::add);
        return texts;
    }
}
