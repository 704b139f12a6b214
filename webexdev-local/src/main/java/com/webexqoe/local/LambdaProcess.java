package com.webexqoe.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function as Lambda runs it: its own JVM, its own class path (the function's shaded jar and
 * the Lambda runtime interface client) and its own environment, taking events from a local Lambda
 * Runtime API (2018-06-01). Like a Lambda container it handles one invocation at a time and stays
 * warm between them; a JVM that died or timed out is replaced at the next invocation.
 */
final class LambdaProcess implements AutoCloseable {

    /** How an invocation ended: the function's answer, or its error document. */
    record Outcome(boolean error, String body, long millis) {
    }

    private record Pending(String requestId, byte[] event, long deadlineMillis, CompletableFuture<Outcome> result,
                           long startedNanos) {
    }

    private static final String PREFIX = "/2018-06-01/runtime";

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path logFile;
    private final Duration timeout;
    private final HttpServer server;
    private final ExecutorService serverThreads;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Pending current;
    private volatile String initError;
    private volatile boolean closed;
    private volatile Process process;

    LambdaProcess(String name, List<String> command, Map<String, String> env, Path logFile, Duration timeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.logFile = logFile;
        this.timeout = timeout;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new StartupException("cannot open the local Runtime API for " + name + ": " + e.getMessage(), e);
        }
        this.serverThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name + "-runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverThreads);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    String name() {
        return name;
    }

    /** The running JVM, if any (tests check that none is left after shutdown). */
    synchronized java.util.Optional<ProcessHandle> processHandle() {
        return process == null ? java.util.Optional.empty() : java.util.Optional.of(process.toHandle());
    }

    /** Starts the JVM now, so the first scheduled run does not wait for it. */
    synchronized void start() {
        ensureRunning();
    }

    /** Runs one invocation and waits for its answer (invocations of one function never overlap). */
    synchronized Outcome invoke(String eventJson) {
        if (closed) {
            return new Outcome(true, "{\"errorMessage\":\"the local run is stopping\"}", 0);
        }
        ensureRunning();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Pending pending = new Pending(UUID.randomUUID().toString(), eventJson.getBytes(StandardCharsets.UTF_8), deadline,
                new CompletableFuture<>(), System.nanoTime());
        queue.add(pending);
        try {
            return pending.result().get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Lambda ends a function that runs past its timeout; so does this.
            queue.remove(pending);
            stopProcess();
            return new Outcome(true, "{\"errorMessage\":\"" + name + " timed out after " + timeout.toSeconds() + " s\"}",
                    elapsed(pending));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(true, "{\"errorMessage\":\"interrupted\"}", elapsed(pending));
        } catch (ExecutionException e) {
            return new Outcome(true, "{\"errorMessage\":\"" + e.getCause().getMessage() + "\"}", elapsed(pending));
        } finally {
            current = null;
        }
    }

    private void ensureRunning() {
        if (process != null && process.isAlive()) {
            return;
        }
        initError = null;
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", name);
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StartupException("cannot start the JVM of " + name + ": " + e.getMessage(), e);
        }
        Process started = process;
        // A JVM that dies (an init error, a crash) fails the invocation it was given at once.
        started.onExit().thenRun(() -> {
            String error = initError != null ? initError
                    : "{\"errorMessage\":\"" + name + " exited with code " + started.exitValue() + "\"}";
            Pending waiting = current;
            if (waiting != null && !waiting.result().isDone()) {
                waiting.result().complete(new Outcome(true, error, elapsed(waiting)));
            }
            // An event the JVM never took (it died during init) fails now rather than at the timeout.
            for (Pending queued = queue.poll(); queued != null; queued = queue.poll()) {
                queued.result().complete(new Outcome(true, error, elapsed(queued)));
            }
        });
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/invocation/next")) {
            Pending next = null;
            while (!closed && next == null) {
                try {
                    next = queue.poll(200, TimeUnit.MILLISECONDS);
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
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                    "arn:aws:lambda:" + LocalSystem.REGION + ":000000000000:function:" + name);
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply(exchange, 200, next.event());
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Pending waiting = current;
        if (path.endsWith("/init/error")) {
            initError = text;
        } else if (waiting != null && path.contains(waiting.requestId())) {
            waiting.result().complete(new Outcome(path.endsWith("/error"), text, elapsed(waiting)));
        }
        reply(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static long elapsed(Pending pending) {
        return (System.nanoTime() - pending.startedNanos()) / 1_000_000;
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void stopProcess() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly();
                running.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    @Override
    public void close() {
        closed = true;
        // Not under the invocation lock: killing the JVM is what ends a running invocation.
        stopProcess();
        server.stop(0);
        serverThreads.shutdownNow();
    }
}
