package com.webexqoe.status;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.StatusTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Cisco's {@code index.json} (https://status.webex.com/api, "Summary"), leniently
 * (docs/behaviour.md#status-api): unknown fields are ignored, missing ones tolerated, snake or
 * camel case accepted where Webex's samples mix them ({@code isGroup}, {@code group_id}). The
 * whole answer is refused when it is not a JSON object or one of its lists is not a list; a
 * single malformed entry (not an object, no name, a status that is not text) is dropped and counted.
 */
public final class StatusApiParser {

    /** Where an incident without a page of its own links to. */
    public static final String STATUS_PAGE = "https://status.webex.com";
    /** Incident statuses that are over (Statuspage: resolved, postmortem; Webex also writes completed). */
    static final Set<String> FINISHED = Set.of("resolved", "postmortem", "completed");
    static final String OPERATIONAL = "operational";
    static final String COMPONENTS = "components";
    static final String INCIDENTS = "incidents";
    static final String MAINTENANCES = "scheduled_maintenances";

    /** @throws StatusApiException when the bytes are not a JSON object of the documented shape */
    public ParsedApi parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.read(new ByteArrayInputStream(body));
        } catch (JacksonException e) {
            throw new StatusApiException("status API answer is not JSON (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new StatusApiException("status API answer could not be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new StatusApiException("status API answer is not a JSON object but "
                    + (root == null || root.isMissingNode() ? "empty" : kind(root)), null);
        }
        List<JsonNode> components = list(root, COMPONENTS);
        List<JsonNode> incidents = list(root, INCIDENTS);
        List<JsonNode> maintenances = list(root, MAINTENANCES);
        JsonNode status = root.path("status");
        if (!status.isMissingNode() && !status.isNull() && !status.isObject()) {
            throw new StatusApiException("status API field \"status\" is not an object but " + kind(status), null);
        }

        Map<String, Integer> dropped = new LinkedHashMap<>();
        dropped.put(COMPONENTS, 0);
        dropped.put(INCIDENTS, 0);
        dropped.put(MAINTENANCES, 0);
        List<ApiItem> items = new ArrayList<>();
        items.add(summary(status));

        // Components first: incidents name their components by id, children name their group by id.
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        List<JsonNode> valid = new ArrayList<>();
        for (JsonNode component : components) {
            Optional<String> name = string(component, "name");
            Optional<String> state = string(component, "status");
            if (!component.isObject() || name.isEmpty() || state.isEmpty()) {
                dropped.merge(COMPONENTS, 1, Integer::sum);
                continue;
            }
            valid.add(component);
            text(component, "id").ifPresent(id -> byId.putIfAbsent(id, component));
        }
        Map<String, String> groupOf = groups(valid, byId);
        Set<String> titles = new LinkedHashSet<>();
        for (JsonNode component : valid) {
            String status1 = normal(text(component, "status").orElseThrow());
            if (status1.equals(OPERATIONAL)) {
                continue;
            }
            String name = text(component, "name").orElseThrow();
            String id = text(component, "id").orElse(name);
            String title = StatusTable.apiTitle(StatusTable.KIND_COMPONENT, id);
            if (!titles.add(title)) {
                continue;
            }
            items.add(new ApiItem(title, StatusTable.KIND_COMPONENT, name, status1, Optional.ofNullable(groupOf.get(id)),
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    time(component, "updated_at", "updatedAt"), Optional.empty(), Optional.empty()));
        }
        int finished = 0;
        for (String list : List.of(INCIDENTS, MAINTENANCES)) {
            String itemKind = list.equals(INCIDENTS) ? StatusTable.KIND_INCIDENT : StatusTable.KIND_MAINTENANCE;
            for (JsonNode event : list.equals(INCIDENTS) ? incidents : maintenances) {
                Optional<String> name = string(event, "name");
                Optional<String> state = string(event, "status");
                if (!event.isObject() || name.isEmpty() || state.isEmpty()) {
                    dropped.merge(list, 1, Integer::sum);
                    continue;
                }
                String status1 = normal(state.get());
                if (FINISHED.contains(status1) || time(event, "resolved_at", "resolvedAt").isPresent()) {
                    finished++;
                    continue;
                }
                String id = text(event, "id").orElse(name.get());
                String title = StatusTable.apiTitle(itemKind, id);
                if (!titles.add(title)) {
                    continue;
                }
                items.add(new ApiItem(title, itemKind, name.get(), status1, Optional.empty(), text(event, "impact").map(StatusApiParser::normal),
                        affected(event, byId), locations(event), link(event), time(event, "created_at", "createdAt"),
                        lastUpdate(event), time(event, "scheduled_for", "start_at", "startAt"),
                        time(event, "scheduled_until", "end_at", "endAt")));
            }
        }
        return new ParsedApi(List.copyOf(items), Map.copyOf(dropped), finished);
    }

    private static ApiItem summary(JsonNode status) {
        String indicator = text(status, "indicator").map(StatusApiParser::normal).orElse("unknown");
        String description = text(status, "description").orElse(indicator);
        return new ApiItem(StatusTable.API_SUMMARY_TITLE, StatusTable.KIND_SUMMARY, description, indicator, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Child id → group name: from a group's {@code components[]} id list, or the child's {@code group_id}. */
    private static Map<String, String> groups(List<JsonNode> components, Map<String, JsonNode> byId) {
        Map<String, String> groupOf = new HashMap<>();
        for (JsonNode component : components) {
            JsonNode flag = component.has("isGroup") ? component.get("isGroup") : component.path("group");
            boolean group = flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && flag.asText().trim().equalsIgnoreCase("Y");
            String name = text(component, "name").orElseThrow();
            if (group && component.path("components").isArray()) {
                for (JsonNode child : component.get("components")) {
                    if (child.isTextual()) {
                        groupOf.putIfAbsent(child.asText(), name);
                    }
                }
            }
        }
        for (JsonNode component : components) {
            Optional<String> id = text(component, "id");
            Optional<String> parent = text(component, "group_id").or(() -> text(component, "groupId"));
            if (id.isPresent() && parent.isPresent() && byId.containsKey(parent.get())) {
                groupOf.putIfAbsent(id.get(), text(byId.get(parent.get()), "name").orElseThrow());
            }
        }
        return groupOf;
    }

    /** The names of the affected components: objects with a name, ids of known components, and the updates' affect_components. */
    private static List<String> affected(JsonNode event, Map<String, JsonNode> byId) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode component : iterable(event.path("components"))) {
            if (component.isTextual() && byId.containsKey(component.asText())) {
                text(byId.get(component.asText()), "name").ifPresent(names::add);
            } else {
                text(component, "name").ifPresent(names::add);
            }
        }
        for (JsonNode update : iterable(event.path("incident_updates"))) {
            for (JsonNode component : iterable(update.path("affect_components"))) {
                text(component, "component_name").or(() -> text(component, "name")).ifPresent(names::add);
            }
        }
        return List.copyOf(names);
    }

    private static Optional<String> locations(JsonNode event) {
        JsonNode locations = event.path("locations");
        if (locations.isArray()) {
            List<String> parts = new ArrayList<>();
            locations.forEach(part -> {
                if (part.isTextual() && !part.asText().isBlank()) {
                    parts.add(part.asText().trim());
                }
            });
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
        }
        return text(event, "locations");
    }

    /** The incident's own page when the API gives an https one (Statuspage's {@code shortlink}), else the status page. */
    private static Optional<String> link(JsonNode event) {
        for (String field : List.of("shortlink", "url", "link")) {
            Optional<String> value = text(event, field).filter(StatusApiParser::isHttps);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.of(STATUS_PAGE);
    }

    private static boolean isHttps(String value) {
        try {
            URI uri = URI.create(value.trim());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Instant> lastUpdate(JsonNode event) {
        Optional<Instant> newest = time(event, "updated_at", "updatedAt");
        for (JsonNode update : iterable(event.path("incident_updates"))) {
            Optional<Instant> at = time(update, "updated_at", "created_at", "display_at");
            if (at.isPresent() && (newest.isEmpty() || at.get().isAfter(newest.get()))) {
                newest = at;
            }
        }
        return newest;
    }

    private static List<JsonNode> list(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new StatusApiException("status API field \"" + field + "\" is not a list but " + kind(node), null);
        }
        List<JsonNode> entries = new ArrayList<>();
        node.forEach(entries::add);
        return entries;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node : List.of();
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual() && !value.asText().isBlank()) {
            return Optional.of(value.asText().trim());
        }
        return value.isNumber() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Text only: a name or status of another type makes its entry malformed. */
    static Optional<String> string(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().trim()) : Optional.empty();
    }

    /** The first of the fields that holds an ISO-8601 time; an unreadable time counts as absent. */
    static Optional<Instant> time(JsonNode node, String... fields) {
        for (String field : fields) {
            Optional<String> value = text(node, field);
            if (value.isPresent()) {
                try {
                    return Optional.of(OffsetDateTime.parse(value.get()).toInstant());
                } catch (DateTimeParseException e) {
                    // lenient: try the next field
                }
            }
        }
        return Optional.empty();
    }

    /** {@code In Progress}, {@code in_progress} → {@code in progress}; {@code degraded_performance} is kept as the API names it. */
    static String normal(String status) {
        String lower = status.trim().toLowerCase(Locale.ROOT);
        return lower.equals("in_progress") ? "in progress" : lower;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "a list" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
