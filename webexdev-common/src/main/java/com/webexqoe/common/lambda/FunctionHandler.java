package com.webexqoe.common.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.webexqoe.common.log.JsonLog;

import java.time.Clock;

/**
 * What every handler is besides its entry point: the service its wiring class built, the shared
 * run skeleton ({@link FunctionRun}: deadline, one log line, answer or rethrow) and the SnapStart
 * priming. A handler adds its constructors (the no-arg one Lambda calls registers the priming)
 * and {@code handleRequest}, which hands the event to {@link #run} and the service.
 */
public abstract class FunctionHandler<T> implements RequestStreamHandler {

    protected final T service;
    protected final FunctionRun run;
    private final SnapStartPriming priming;

    protected FunctionHandler(Wired<T> wired, JsonLog log) {
        this.service = wired.service();
        this.priming = wired.priming();
        this.run = new FunctionRun(log);
    }

    /** The JSON log every function writes to standard output (CloudWatch Logs in AWS). */
    protected static JsonLog stdoutLog(String function, Clock clock) {
        return new JsonLog(function, System.out, clock);
    }

    /** Registers this container's priming with CRaC (the no-arg constructor only: it is what Lambda builds). */
    protected final void registerPriming() {
        priming.register();
    }

    /** The SnapStart priming of this container. */
    public final SnapStartPriming priming() {
        return priming;
    }
}
