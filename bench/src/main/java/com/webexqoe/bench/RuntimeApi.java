package com.webexqoe.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda Runtime API (2018-06-01) on loopback for the benchmarks: hands the runtime interface
 * client the events it is given, one at a time, records when each was handed out and when its
 * result (or error) arrived, and parks the client's poll when there is nothing to hand out.
 */
final class RuntimeApi implements AutoCloseable {

    /** What came back for one event: when it was handed out, when the answer arrived, and the answer. */
    record Outcome(long handedOutNanos, long arrivedNanos, boolean error, String body) {
        double millis() {
            return (arrivedNanos - handedOutNanos) / 1e6;
        }
    }

    private record Pending(String requestId, byte[] event, CompletableFuture<Outcome> result) {
    }

    private static final String PREFIX = "/2018-06-01/runtime";

    private final HttpServer server;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Pending current;
    private volatile long handedOut;

    RuntimeApi() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** A Runtime API with these events queued, for a JVM that is started afterwards. */
    static RuntimeApi withEvents(List<String> events, List<CompletableFuture<Outcome>> results) throws IOException {
        RuntimeApi api = new RuntimeApi();
        for (String event : events) {
            results.add(api.submit(event));
        }
        return api;
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the future completes when the function answers it. */
    CompletableFuture<Outcome> submit(String eventJson) {
        Pending pending = new Pending(UUID.randomUUID().toString(), eventJson.getBytes(StandardCharsets.UTF_8),
                new CompletableFuture<>());
        queue.add(pending);
        return pending.result();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/invocation/next")) {
            Pending next = null;
            while (next == null && closed.getCount() > 0) {
                try {
                    next = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (next == null) {
                exchange.close();
                return;
            }
            current = next;
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:us-east-1:000000000000:function:bench");
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            handedOut = System.nanoTime();
            reply(exchange, 200, next.event());
            return;
        }
        boolean error = path.endsWith("/error");
        reply(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
        Pending waiting = current;
        String text = new String(body, StandardCharsets.UTF_8);
        if (path.endsWith("/init/error")) {
            List<Pending> all = new ArrayList<>();
            queue.drainTo(all);
            if (waiting != null) {
                all.add(0, waiting);
            }
            all.forEach(p -> p.result().complete(new Outcome(arrived, arrived, true, text)));
        } else if (waiting != null && path.contains(waiting.requestId())) {
            waiting.result().complete(new Outcome(handedOut, arrived, error, text));
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
