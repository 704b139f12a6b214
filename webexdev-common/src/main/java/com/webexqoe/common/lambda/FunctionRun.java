package com.webexqoe.common.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.JsonText;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The skeleton every handler shares: read the event, run the work within the invocation's
 * deadline, log one line with its outcome, the request id and the duration, and answer — or,
 * when the work failed, log the error and rethrow it so that Lambda counts the invocation as
 * failed (metrics, retries). Work that stored part of its data before failing throws after
 * storing it.
 */
public final class FunctionRun {

    /** What one invocation hands its work. */
    public record Invocation(byte[] event, Deadline deadline, JsonLog log, String requestId) {
    }

    /** What the work reports: logged, and answered as JSON unless it answers otherwise. */
    public interface Result {
        /** Counts and names for the log line (and, by default, the answer). */
        Map<String, Object> fields();

        /** The invocation's answer, JSON text. */
        default String answer() {
            return JsonText.object(fields());
        }
    }

    @FunctionalInterface
    public interface Work {
        Result run(Invocation invocation);
    }

    /** Deadline for work called without a Lambda context (tests calling the handler directly). */
    static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofSeconds(12);

    private final JsonLog log;

    public FunctionRun(JsonLog log) {
        this.log = log;
    }

    public JsonLog log() {
        return log;
    }

    /**
     * Runs {@code work} for one invocation.
     *
     * @param action what the run does, for the log ("status run")
     * @param source where its data comes from, for the log (a URL without credentials, or a name)
     */
    public void handle(InputStream input, OutputStream output, Context context, String action, String source, Work work) {
        long started = System.nanoTime();
        String requestId = context == null ? null : context.getAwsRequestId();
        JsonLog runLog = log.withRequestId(requestId);
        Result result;
        try {
            byte[] event = readAll(input);
            result = work.run(new Invocation(event, Deadline.of(context, BUDGET_WITHOUT_CONTEXT, log.clock()), runLog, requestId));
        } catch (RuntimeException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("source", source);
            fields.put("error", describe(e));
            fields.put("durationMs", elapsedMillis(started));
            runLog.error(action + " failed", fields);
            throw e;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", source);
        fields.putAll(result.fields());
        fields.put("durationMs", elapsedMillis(started));
        runLog.info(action + " done", fields);
        LambdaEvents.write(output, result.answer());
    }

    /** An expected failure by its message (written to name the problem, never a secret); others by type and message. */
    public static String describe(RuntimeException e) {
        return e instanceof WebexdevException ? e.getMessage() : e.toString();
    }

    private static byte[] readAll(InputStream input) {
        try {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invocation event", e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
