package com.webexqoe.standins;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, for a function JVM that runs Lambda's runtime
 * interface client: hands it the queued events one at a time (with the request id, deadline,
 * function ARN and trace headers Lambda sends), parks its poll while there is nothing to hand out,
 * and completes each event's future with the answer or error it posts. An init error fails every
 * event not yet answered. The local runner ({@code ./run-local}) and the benchmarks both run their
 * functions through it.
 */
public final class RuntimeApi implements AutoCloseable {

    /** What came back for one event: when it was handed out, when the answer arrived, and the answer. */
    public record Outcome(long handedOutNanos, long arrivedNanos, boolean error, String body) {
        /** From hand-out to answer. */
        public double millis() {
            return (arrivedNanos - handedOutNanos) / 1e6;
        }
    }

    private record Pending(String requestId, byte[] event, long deadlineMillis, CompletableFuture<Outcome> result) {
    }

    private static final String PREFIX = "/2018-06-01/runtime";
    private static final long DEFAULT_DEADLINE_MILLIS = 60_000;

    private final String functionArn;
    private final HttpServer server;
    private final ExecutorService threads;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Pending current;
    private volatile long handedOut;
    private volatile String initError;
    private volatile boolean closed;

    /** A Runtime API for the benchmarks' function ({@code bench}, us-east-1). */
    public RuntimeApi() {
        this("bench", "us-east-1");
    }

    public RuntimeApi(String function, String region) {
        this.functionArn = "arn:aws:lambda:" + region + ":000000000000:function:" + function;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local Runtime API for " + function + ": " + e.getMessage(), e);
        }
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, function + "-runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** A Runtime API with these events queued, for a JVM that is started afterwards. */
    public static RuntimeApi withEvents(List<String> events, List<CompletableFuture<Outcome>> results) {
        RuntimeApi api = new RuntimeApi();
        for (String event : events) {
            results.add(api.submit(event));
        }
        return api;
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event with a deadline a minute after now; the future completes when the function answers it. */
    public CompletableFuture<Outcome> submit(String eventJson) {
        return submit(eventJson, System.currentTimeMillis() + DEFAULT_DEADLINE_MILLIS);
    }

    /** Queues an event with this deadline (epoch ms, sent as {@code Lambda-Runtime-Deadline-Ms}). */
    public CompletableFuture<Outcome> submit(String eventJson, long deadlineMillis) {
        Pending pending = new Pending(UUID.randomUUID().toString(), eventJson.getBytes(StandardCharsets.UTF_8),
                deadlineMillis, new CompletableFuture<>());
        queue.add(pending);
        return pending.result();
    }

    /** Takes a queued event back (it timed out before the function asked for it). */
    public void withdraw(CompletableFuture<Outcome> result) {
        queue.removeIf(pending -> pending.result() == result);
    }

    /** The init error the function posted since the last {@link #clearInitError()}, if any. */
    public Optional<String> initError() {
        return Optional.ofNullable(initError);
    }

    /** Forgets the init error (a new JVM starts). */
    public void clearInitError() {
        initError = null;
    }

    /** Fails the event being handled and every queued one with this error document (the JVM died). */
    public void failUnanswered(String errorBody) {
        long now = System.nanoTime();
        List<Pending> all = new ArrayList<>();
        queue.drainTo(all);
        Pending waiting = current;
        if (waiting != null) {
            all.add(0, waiting);
        }
        all.forEach(pending -> pending.result().complete(new Outcome(now, now, true, errorBody)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/invocation/next")) {
            handOut(exchange);
            return;
        }
        reply(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
        String text = new String(body, StandardCharsets.UTF_8);
        Pending waiting = current;
        if (path.endsWith("/init/error")) {
            initError = text;
            failUnanswered(text);
        } else if (waiting != null && path.contains(waiting.requestId())) {
            waiting.result().complete(new Outcome(handedOut, arrived, path.endsWith("/error"), text));
        }
    }

    private void handOut(HttpExchange exchange) throws IOException {
        Pending next = null;
        while (next == null && !closed) {
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
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        handedOut = System.nanoTime();
        reply(exchange, 200, next.event());
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
