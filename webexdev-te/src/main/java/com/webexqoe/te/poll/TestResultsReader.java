package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.te.TeException;

import java.util.ArrayList;
import java.util.List;

/**
 * Network metrics and HTTP server results, v6 or v7, as the flat per-agent objects the polling
 * table holds (pure; no I/O). v6 lists them under {@code net.metrics[]} / {@code web.httpServer[]}
 * with {@code agentName} on each; v7 under {@code results[]} with a nested {@code agent} object.
 * Values are copied as the API sent them: numbers exact, {@code date} in the API's own format
 * (v6 {@code "2013-11-13 02:33:05"}, v7 ISO-8601 UTC); a field the API left out stays out.
 */
public final class TestResultsReader {

    /** The per-agent network metrics the polling item keeps (docs/behaviour.md#te-poll). */
    static final List<String> METRIC_FIELDS = List.of("date", "loss", "avgLatency", "minLatency", "maxLatency", "jitter");

    /** The per-agent HTTP server results the polling item keeps. */
    static final List<String> RESPONSE_FIELDS = List.of("date", "responseTime", "responseCode", "dnsTime", "connectTime",
            "sslTime", "waitTime", "receiveTime", "totalTime", "fetchTime", "wireSize", "throughput", "numRedirects",
            "redirectTime", "errorType", "serverIp");

    public List<ObjectNode> metrics(JsonNode response) {
        return read(response, "net", "metrics", METRIC_FIELDS, "network metrics");
    }

    public List<ObjectNode> responses(JsonNode response) {
        return read(response, "web", "httpServer", RESPONSE_FIELDS, "HTTP server results");
    }

    private static List<ObjectNode> read(JsonNode response, String v6Group, String v6List, List<String> fields, String what) {
        if (!response.isObject()) {
            throw new TeException("unexpected " + what + " answer: not a JSON object");
        }
        JsonNode v6 = response.path(v6Group).path(v6List);
        JsonNode rows = v6.isMissingNode() ? response.path("results") : v6;
        String where = v6.isMissingNode() ? "results" : v6Group + "." + v6List;
        if (rows.isMissingNode()) {
            throw new TeException("unexpected " + what + " answer: neither " + v6Group + "." + v6List + " (v6) nor results (v7)");
        }
        if (!rows.isArray()) {
            throw new TeException("unexpected " + what + " answer: " + where + " is not an array");
        }
        List<ObjectNode> out = new ArrayList<>();
        int i = 0;
        for (JsonNode row : rows) {
            if (!row.isObject()) {
                throw new TeException("unexpected " + what + " answer: " + where + "[" + i + "] is not an object");
            }
            ObjectNode flat = Json.object();
            JsonNode agentName = v6.isMissingNode() ? row.path("agent").path("agentName") : row.path("agentName");
            if (agentName.isValueNode() && !agentName.isNull()) {
                flat.put("agentName", agentName.asText());
            }
            for (String field : fields) {
                JsonNode value = row.get(field);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    flat.set(field, value);
                }
            }
            out.add(flat);
            i++;
        }
        return out;
    }
}
