package com.webexqoe.te.poll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Route graphs in the node-link form the dashboard's graph script draws (docs/behaviour.md#te-poll):
 * {@code {"directed":true,"multigraph":false,"graph":{},"nodes":[…],"links":[…]}}. A route whose
 * highest hop number is n gives nodes 0…n-1 named {@code hop1…hopn}; a number the route has no hop
 * for (a {@code *} in traceroute) is an {@code inactive} node whose values are all null; links join
 * each node to the next. A route without hops gives no graph (there is nothing to draw).
 */
public final class RouteGraphBuilder {

    private static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

    /** The graph file's content: one graph per route with hops, in the routes' order. */
    public byte[] file(List<Route> routes) {
        ArrayNode graphs = NODES.arrayNode();
        for (Route route : routes) {
            graph(route).ifPresent(graphs::add);
        }
        try {
            return Json.MAPPER.writeValueAsBytes(graphs);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One route's graph, or empty when the route has no hops. */
    public Optional<ObjectNode> graph(Route route) {
        if (route.hops().isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, Hop> byNumber = new HashMap<>();
        int last = 0;
        for (Hop hop : route.hops()) {
            byNumber.putIfAbsent(hop.number(), hop); // a repeated number: the first report wins
            last = Math.max(last, hop.number());
        }
        ArrayNode nodes = NODES.arrayNode();
        ArrayNode links = NODES.arrayNode();
        for (int i = 0; i < last; i++) {
            Hop hop = byNumber.get(i + 1);
            ObjectNode node = nodes.addObject();
            node.put("id", i);
            node.put("name", "hop" + (i + 1));
            node.put("nc", hop == null ? "inactive" : "active");
            if (hop == null) {
                node.putNull("rt");
                node.putNull("ip");
                node.putNull("nw");
                node.putNull("lc");
            } else {
                hop.responseTime().ifPresentOrElse(rt -> node.put("rt", rt), () -> node.putNull("rt"));
                putText(node, "ip", hop.ipAddress());
                putText(node, "nw", hop.network());
                putText(node, "lc", hop.location());
            }
            if (i + 1 < last) {
                links.addObject().put("source", i).put("target", i + 1);
            }
        }
        ObjectNode graph = NODES.objectNode();
        graph.put("directed", true);
        graph.put("multigraph", false);
        graph.putObject("graph");
        graph.set("nodes", nodes);
        graph.set("links", links);
        return Optional.of(graph);
    }

    private static void putText(ObjectNode node, String name, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(name, v), () -> node.putNull(name));
    }
}
