package com.webexqoe.local;

import com.webexqoe.standins.RuntimeApi;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function as Lambda runs it: its own JVM, its own class path (the function's shaded jar and
 * the Lambda runtime interface client) and its own environment, taking events from a local Lambda
 * Runtime API (2018-06-01, {@link RuntimeApi}). Like a Lambda container it handles one invocation at a time and stays
 * warm between them; a JVM that died or timed out is replaced at the next invocation.
 */
final class LambdaProcess implements AutoCloseable {

    /** How an invocation ended: the function's answer, or its error document. */
    record Outcome(boolean error, String body, long millis) {
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path logFile;
    private final Duration timeout;
    private final RuntimeApi api;
    private volatile boolean closed;
    private volatile Process process;

    LambdaProcess(String name, List<String> command, Map<String, String> env, Path logFile, Duration timeout) {
        this.name = name;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.logFile = logFile;
        this.timeout = timeout;
        try {
            this.api = new RuntimeApi(name, LocalSystem.REGION);
        } catch (UncheckedIOException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    /** The running JVM, if any (tests check that none is left after shutdown). */
    synchronized Optional<ProcessHandle> processHandle() {
        return process == null ? Optional.empty() : Optional.of(process.toHandle());
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
        long started = System.nanoTime();
        ensureRunning();
        CompletableFuture<RuntimeApi.Outcome> result = api.submit(eventJson, System.currentTimeMillis() + timeout.toMillis());
        try {
            RuntimeApi.Outcome outcome = result.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return new Outcome(outcome.error(), outcome.body(), elapsed(started));
        } catch (TimeoutException e) {
            // Lambda ends a function that runs past its timeout; so does this.
            api.withdraw(result);
            stopProcess();
            return new Outcome(true, "{\"errorMessage\":\"" + name + " timed out after " + timeout.toSeconds() + " s\"}",
                    elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(true, "{\"errorMessage\":\"interrupted\"}", elapsed(started));
        } catch (ExecutionException e) {
            return new Outcome(true, "{\"errorMessage\":\"" + e.getCause().getMessage() + "\"}", elapsed(started));
        }
    }

    private void ensureRunning() {
        if (process != null && process.isAlive()) {
            return;
        }
        api.clearInitError();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", name);
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StartupException("cannot start the JVM of " + name + ": " + e.getMessage(), e);
        }
        Process started = process;
        // A JVM that dies (an init error, a crash) fails the invocation it was given, and any it
        // never took, at once rather than at the timeout.
        started.onExit().thenRun(() -> api.failUnanswered(api.initError()
                .orElse("{\"errorMessage\":\"" + name + " exited with code " + started.exitValue() + "\"}")));
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
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
        api.close();
    }
}
