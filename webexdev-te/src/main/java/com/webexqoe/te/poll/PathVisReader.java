package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.te.TeException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ThousandEyes path visualisation answers (pure; no I/O).
 *
 * <ul>
 *   <li>v6 ({@code GET /v6/net/path-vis/…}, what the original read): {@code net.pathVis[]} per agent,
 *       each with {@code routes[].hops[]}.</li>
 *   <li>v7 list ({@code GET /v7/test-results/{testId}/path-vis}): {@code results[]} per agent and round,
 *       with {@code agent.agentId}, {@code roundId} and {@code pathTraces[]} without hops.</li>
 *   <li>v7 detail ({@code …/path-vis/agent/{agentId}/round/{roundId}}): {@code results[].pathTraces[].hops[]}.</li>
 * </ul>
 * Hop fields ({@code hop}, {@code ipAddress}, {@code network}, {@code location}, {@code responseTime})
 * are the same in both versions, so the same data gives the same routes.
 */
public final class PathVisReader {

    /** Traceroute's TTL is one byte: a hop number past it is not a hop. */
    static final int MAX_HOP = 255;

    public PathVisListing listing(JsonNode response) {
        if (!response.isObject()) {
            throw malformed("the answer is not a JSON object");
        }
        JsonNode pathVis = response.path("net").path("pathVis");
        if (!pathVis.isMissingNode()) {
            return new PathVisListing.Routes("v6", v6Routes(array(pathVis, "net.pathVis")));
        }
        JsonNode results = response.path("results");
        if (results.isMissingNode()) {
            throw malformed("the answer has neither net.pathVis (v6) nor results (v7)");
        }
        array(results, "results");
        if (allTracesHaveHops(results)) {
            return new PathVisListing.Routes("v7", detailRoutes(response));
        }
        return new PathVisListing.Rounds(rounds(results));
    }

    /** The routes of a v7 detail answer, in the order of its results and their path traces. */
    public List<Route> detailRoutes(JsonNode response) {
        if (!response.isObject()) {
            throw malformed("the detail answer is not a JSON object");
        }
        List<Route> routes = new ArrayList<>();
        int r = 0;
        for (JsonNode result : array(response.path("results"), "results")) {
            String where = "results[" + r++ + "]";
            JsonNode traces = result.path("pathTraces");
            if (traces.isMissingNode() || traces.isNull()) {
                continue;
            }
            int t = 0;
            for (JsonNode trace : array(traces, where + ".pathTraces")) {
                routes.add(route(trace, where + ".pathTraces[" + t++ + "]"));
            }
        }
        return routes;
    }

    private List<Route> v6Routes(JsonNode pathVis) {
        List<Route> routes = new ArrayList<>();
        int a = 0;
        for (JsonNode agent : pathVis) {
            String where = "net.pathVis[" + a++ + "]";
            JsonNode agentRoutes = agent.path("routes");
            if (agentRoutes.isMissingNode() || agentRoutes.isNull()) {
                continue; // the summary form (endpoints only) names no hops
            }
            int i = 0;
            for (JsonNode route : array(agentRoutes, where + ".routes")) {
                routes.add(route(route, where + ".routes[" + i++ + "]"));
            }
        }
        return routes;
    }

    private static boolean allTracesHaveHops(JsonNode results) {
        boolean any = false;
        for (JsonNode result : results) {
            for (JsonNode trace : result.path("pathTraces")) {
                if (!trace.path("hops").isArray()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** One detail call per agent, for its latest round, in the order the agents first appear. */
    private static List<AgentRound> rounds(JsonNode results) {
        Map<String, String> latest = new LinkedHashMap<>();
        int r = 0;
        for (JsonNode result : results) {
            String where = "results[" + r++ + "]";
            JsonNode agentId = result.path("agent").path("agentId");
            JsonNode roundId = result.path("roundId");
            if (!(agentId.isTextual() || agentId.isIntegralNumber()) || agentId.asText().isBlank()) {
                throw malformed(where + " has no agent.agentId");
            }
            if (!roundId.isIntegralNumber() && !(roundId.isTextual() && roundId.asText().matches("\\d{1,19}"))) {
                throw malformed(where + " has no integer roundId");
            }
            latest.merge(agentId.asText(), roundId.asText(),
                    (a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)) >= 0 ? a : b);
        }
        List<AgentRound> rounds = new ArrayList<>();
        latest.forEach((agent, round) -> rounds.add(new AgentRound(agent, round)));
        return rounds;
    }

    private static Route route(JsonNode route, String where) {
        List<Hop> hops = new ArrayList<>();
        JsonNode list = route.path("hops");
        if (list.isMissingNode() || list.isNull()) {
            return new Route(hops);
        }
        int h = 0;
        for (JsonNode hop : array(list, where + ".hops")) {
            hops.add(hop(hop, where + ".hops[" + h++ + "]"));
        }
        return new Route(hops);
    }

    private static Hop hop(JsonNode hop, String where) {
        if (!hop.isObject()) {
            throw malformed(where + " is not an object");
        }
        JsonNode number = hop.path("hop");
        if (!number.canConvertToInt() || !number.isIntegralNumber() || number.intValue() < 1 || number.intValue() > MAX_HOP) {
            throw malformed(where + ".hop is not a hop number from 1 to " + MAX_HOP);
        }
        JsonNode rt = hop.path("responseTime");
        Optional<BigDecimal> responseTime;
        if (rt.isMissingNode() || rt.isNull()) {
            responseTime = Optional.empty();
        } else if (rt.isNumber()) {
            responseTime = Optional.of(rt.decimalValue());
        } else {
            throw malformed(where + ".responseTime is not a number");
        }
        return new Hop(number.intValue(), responseTime, text(hop, "ipAddress", where), text(hop, "network", where),
                text(hop, "location", where));
    }

    private static Optional<String> text(JsonNode hop, String field, String where) {
        JsonNode value = hop.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw malformed(where + "." + field + " is not text");
        }
        return Optional.of(value.asText());
    }

    private static JsonNode array(JsonNode node, String where) {
        if (!node.isArray()) {
            throw malformed(where + " is not an array");
        }
        return node;
    }

    private static TeException malformed(String what) {
        return new TeException("unexpected path-vis answer: " + what);
    }
}
