package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.te.TeException;
import com.webexqoe.te.alert.AlertStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduled poll (docs/behaviour.md#te-poll): path visualisation of the three tests into the graph files (and
 * the MMP answer into the day's raw file), network metrics and HTTP server results into one item
 * of the polling table, and the v7 alert lists into the alerts table ({@link AlertPoll}). The six
 * sources run side by side and fail alone: a failed test leaves its
 * graph file as it was (never an empty or partial array), the others are stored, and the poll
 * then ends in error naming what failed.
 */
public final class TePoller {

    /** Polling items expire after this long (DynamoDB TTL). */
    static final Duration RETENTION = PollingTable.RETENTION;
    static final String NET_SOURCE = "network metrics (" + EnvVars.API_URL_MMP_NET + ")";
    static final String HTTP_SOURCE = "HTTP server results (" + EnvVars.API_URL_HTTP_WEB + ")";
    static final String ALERTS_SOURCE = "alerts (" + EnvVars.API_URL_ALERTS + ")";

    /** What one poll did. */
    public record Result(Map<PathVisTest, Integer> graphs, Optional<Integer> metrics, Optional<Integer> responses,
                         boolean itemStored, int calls, List<String> failures, Optional<AlertPoll.Outcome> alerts)
            implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (PathVisTest test : PathVisTest.values()) {
                fields.put("graphs" + test.label(), graphs.containsKey(test) ? graphs.get(test) : "failed");
            }
            fields.put("metrics", metrics.<Object>map(n -> n).orElse("failed"));
            fields.put("responses", responses.<Object>map(n -> n).orElse("failed"));
            fields.put("pollingItemStored", itemStored);
            fields.put("alertTriggers", alerts.<Object>map(AlertPoll.Outcome::triggers).orElse("failed"));
            fields.put("alertClears", alerts.<Object>map(AlertPoll.Outcome::clears).orElse("failed"));
            fields.put("thousandEyesCalls", calls);
            fields.put("failed", failures.size());
            return fields;
        }
    }

    private record Graphs(int routes) {
    }

    private final ThousandEyesApi api;
    private final PollUrls urls;
    private final GraphStore graphStore;
    private final PollingStore pollingStore;
    private final LocalTimes times;
    private final PathVisReader pathVis = new PathVisReader();
    private final RouteGraphBuilder graphs = new RouteGraphBuilder();
    private final TestResultsReader results = new TestResultsReader();
    private final AlertPoll alertPoll;

    public TePoller(ThousandEyesApi api, PollUrls urls, GraphStore graphStore, PollingStore pollingStore, LocalTimes times,
                    AlertStore alertStore) {
        this.alertPoll = new AlertPoll(api, urls.alerts(), alertStore, ALERTS_SOURCE);
        this.api = api;
        this.urls = urls;
        this.graphStore = graphStore;
        this.pollingStore = pollingStore;
        this.times = times;
    }

    /**
     * @throws TeException after storing what it could, when any source failed
     */
    public Result poll(Deadline deadline, JsonLog log) {
        Instant now = times.now();
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable, "te-poll");
            thread.setDaemon(true);
            return thread;
        });
        Map<PathVisTest, Integer> stored = new EnumMap<>(PathVisTest.class);
        List<String> failures = new ArrayList<>();
        Optional<List<ObjectNode>> metrics;
        Optional<List<ObjectNode>> responses;
        Optional<AlertPoll.Outcome> alerts;
        try {
            Map<PathVisTest, Future<Graphs>> graphTasks = new EnumMap<>(PathVisTest.class);
            for (PathVisTest test : PathVisTest.values()) {
                graphTasks.put(test, pool.submit(() -> graphs(test, now, deadline, calls)));
            }
            Future<List<ObjectNode>> netTask = pool.submit(() -> results.metrics(fetch(urls.net(), NET_SOURCE, deadline, calls)));
            Future<List<ObjectNode>> httpTask = pool.submit(() -> results.responses(fetch(urls.http(), HTTP_SOURCE, deadline, calls)));
            Future<AlertPoll.Outcome> alertTask = pool.submit(() -> alertPoll.poll(now, deadline, calls::incrementAndGet, log));

            for (PathVisTest test : PathVisTest.values()) {
                outcome(graphTasks.get(test), test.source(), failures, log).ifPresent(g -> stored.put(test, g.routes()));
            }
            metrics = outcome(netTask, NET_SOURCE, failures, log);
            responses = outcome(httpTask, HTTP_SOURCE, failures, log);
            alerts = outcome(alertTask, ALERTS_SOURCE, failures, log);
        } finally {
            pool.shutdownNow();
        }

        boolean itemStored = false;
        if (metrics.isPresent() || responses.isPresent()) {
            try {
                pollingStore.save(new PollingRecord(times.format(now, LocalTimes.SECONDS), times.day(now), metrics, responses,
                        PollingTable.SCHEMA.expiresAt(now)));
                itemStored = true;
            } catch (RuntimeException e) {
                failed("polling table (" + EnvVars.DYNAMODB_TABLENAME_PO + ")", e, failures, log);
            }
        }
        Result result = new Result(stored, metrics.map(List::size), responses.map(List::size), itemStored, calls.get(),
                List.copyOf(failures), alerts);
        if (!failures.isEmpty()) {
            log.info("te poll stored what it could", result.fields());
            throw new TeException("ThousandEyes poll incomplete, failed: " + String.join("; ", failures));
        }
        return result;
    }

    /** One test's graph file (and, for MMP, the raw file), written only when every call of the test succeeded. */
    private Graphs graphs(PathVisTest test, Instant now, Deadline deadline, AtomicInteger calls) {
        URI listUrl = urls.pathVis(test);
        byte[] listBody = get(listUrl, test.source(), deadline, calls);
        JsonNode list = parse(listBody, test.source());
        PathVisListing listing = pathVis.listing(list);
        List<Route> routes;
        byte[] raw;
        if (listing instanceof PathVisListing.Routes direct) {
            routes = direct.routes();
            raw = listBody;
        } else {
            routes = new ArrayList<>();
            ObjectNode rawDocument = Json.object();
            rawDocument.set("list", list);
            ArrayNode details = rawDocument.putArray("details");
            for (AgentRound round : ((PathVisListing.Rounds) listing).rounds()) {
                String source = test.source() + " agent " + round.agentId() + " round " + round.roundId();
                JsonNode detail = parse(get(detailUrl(listUrl, round), source, deadline, calls), source);
                try {
                    routes.addAll(pathVis.detailRoutes(detail));
                } catch (TeException e) {
                    throw new TeException(source + ": " + e.getMessage(), e);
                }
                details.addObject().put("agentId", round.agentId()).put("roundId", round.roundId()).set("response", detail);
            }
            raw = Json.write(rawDocument).getBytes(StandardCharsets.UTF_8);
        }
        graphStore.put(test.fileKey(), graphs.file(routes));
        if (test == PathVisTest.MMP) {
            graphStore.put(rawFileKey(now), raw);
        }
        return new Graphs(routes.size());
    }

    /** {@code <yyyy-MM-dd>.json}, the local date of the poll. */
    String rawFileKey(Instant now) {
        return times.day(now) + ".json";
    }

    /**
     * The v7 detail URL: the configured list URL's path plus {@code /agent/{agentId}/round/{roundId}},
     * keeping its query string (an {@code aid} selects the account group).
     */
    static URI detailUrl(URI list, AgentRound round) {
        String path = list.getRawPath() == null ? "" : list.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String detail = path + "/agent/" + segment(round.agentId()) + "/round/" + segment(round.roundId());
        String query = list.getRawQuery();
        return URI.create(list.getScheme() + "://" + list.getRawAuthority() + detail + (query == null ? "" : "?" + query));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode fetch(URI url, String source, Deadline deadline, AtomicInteger calls) {
        return parse(get(url, source, deadline, calls), source);
    }

    private byte[] get(URI url, String source, Deadline deadline, AtomicInteger calls) {
        calls.incrementAndGet();
        return api.get(url, source, deadline);
    }

    private static JsonNode parse(byte[] body, String source) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new TeException(source + ": empty answer");
            }
            return node;
        } catch (IOException e) {
            // The parser's message quotes the body: name the problem only.
            throw new TeException(source + ": the answer is not valid JSON");
        }
    }

    private static <T> Optional<T> outcome(Future<T> task, String source, List<String> failures, JsonLog log) {
        try {
            return Optional.of(task.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            RuntimeException failure = cause instanceof RuntimeException runtime ? runtime : new TeException(String.valueOf(cause), cause);
            failed(source, failure, failures, log);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TeException("interrupted while polling ThousandEyes", e);
        }
    }

    private static void failed(String source, RuntimeException e, List<String> failures, JsonLog log) {
        String message = FunctionRun.describe(e);
        // Messages from the fetcher and the readers already start with the source; do not say it twice.
        String entry = message.startsWith(source) ? message : source + ": " + message;
        failures.add(entry);
        log.error("te source failed", "test", source, "error", entry);
    }
}
