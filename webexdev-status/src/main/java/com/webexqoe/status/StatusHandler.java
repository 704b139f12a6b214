package com.webexqoe.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.lambda.FunctionHandler;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.log.JsonLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry point of {@code webexdev-status}: {@code com.webexqoe.status.StatusHandler::handleRequest},
 * run every 5 minutes by an EventBridge schedule (any event, or none, starts a run). The wiring is
 * {@link StatusWiring}; the run is {@link StatusCollector}.
 */
public final class StatusHandler extends FunctionHandler<StatusCollector> {

    static final String FUNCTION = "webexdev-status";

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public StatusHandler() {
        this(Env.system(), Clock.systemUTC());
        registerPriming();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public StatusHandler(Env env, Clock clock) {
        super(StatusWiring.wired(env, clock), stdoutLog(FUNCTION, clock));
    }

    public StatusHandler(StatusCollector collector, JsonLog log) {
        super(Wired.unprimed(FUNCTION, collector), log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // Any event (the schedule's, a manual test invoke's) starts a run; its content is not needed.
        run.handle(input, output, context, "status run", service.source(),
                invocation -> service.collect(invocation.deadline()));
    }
}
