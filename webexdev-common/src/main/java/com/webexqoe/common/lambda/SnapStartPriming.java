package com.webexqoe.common.lambda;

import com.webexqoe.common.json.JsonText;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's SnapStart priming: steps run once before the snapshot is taken
 * ({@link #beforeCheckpoint}), so that the classes they load, the code they run and the objects
 * they build are in the snapshot instead of being paid for by the first invocation after each
 * restore. Steps must not touch AWS or the network (SDK calls go through
 * {@code PrimingGuard}, which stops them before sending), read secrets, or keep anything random,
 * time-based or secret. A step that fails is logged and skipped: priming only makes things faster,
 * it never fails a snapshot. Without a CRaC runtime (anywhere but SnapStart) nothing is called.
 */
public final class SnapStartPriming implements Resource {

    /** One priming step. */
    public record Step(String name, Runnable action) {
    }

    private final String function;
    private final List<Step> steps;
    private final PrintStream log;

    public SnapStartPriming(String function, List<Step> steps) {
        this(function, steps, System.out);
    }

    SnapStartPriming(String function, List<Step> steps, PrintStream log) {
        this.function = function;
        this.steps = List.copyOf(steps);
        this.log = log;
    }

    /** Registers with the CRaC global context (call from the handler's no-arg constructor; keep a reference). */
    public SnapStartPriming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    public List<Step> steps() {
        return steps;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: priming kept no connection, credential, secret, time or random value.
    }

    /** Runs every step; returns the names of those that failed (each logged in one line). */
    public List<String> prime() {
        long started = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Step step : steps) {
            try {
                step.action().run();
            } catch (RuntimeException e) {
                failed.add(step.name());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("function", function);
                line.put("level", "WARN");
                line.put("event", "priming step failed");
                line.put("step", step.name());
                line.put("error", e.getClass().getSimpleName());
                log.println(JsonText.object(line));
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("function", function);
        line.put("event", "primed for snapshot");
        line.put("steps", steps.size());
        line.put("failed", String.join(",", failed));
        line.put("millis", (System.nanoTime() - started) / 1_000_000);
        log.println(JsonText.object(line));
        return failed;
    }
}
