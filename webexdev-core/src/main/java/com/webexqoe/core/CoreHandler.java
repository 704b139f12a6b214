package com.webexqoe.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.lambda.FunctionHandler;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.log.JsonLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry point of {@code webexdev-core}: {@code com.webexqoe.core.CoreHandler::handleRequest},
 * run every minute by an EventBridge schedule (any event starts a run). Reads exactly the
 * variables {@code FunctionVariables.CORE} lists. The wiring is {@link CoreWiring}; the run is
 * {@link DashboardRun}.
 */
public final class CoreHandler extends FunctionHandler<DashboardRun> {

    static final String FUNCTION = "webexdev-core";

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public CoreHandler() {
        this(Env.system(), Clock.systemUTC());
        registerPriming();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public CoreHandler(Env env, Clock clock) {
        this(env, clock, stdoutLog(FUNCTION, clock));
    }

    private CoreHandler(Env env, Clock clock, JsonLog log) {
        super(CoreWiring.wired(env, clock, log), log);
    }

    public CoreHandler(DashboardRun dashboard, JsonLog log) {
        super(Wired.unprimed(FUNCTION, dashboard), log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // Any event (the schedule's, a manual test invoke's) starts a run; its content is not needed.
        run.handle(input, output, context, "dashboard run", service.source(),
                invocation -> service.run(invocation.deadline()));
    }
}
