package com.webexqoe.twitter;

import com.amazonaws.services.lambda.runtime.Context;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.lambda.FunctionHandler;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.log.JsonLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry point of {@code webexdev-twitterapi}: {@code com.webexqoe.twitter.TwitterHandler::handleRequest},
 * run by an EventBridge schedule (any event, or none, starts a run). The wiring is
 * {@link TwitterWiring}; the run is {@link TwitterCollector}.
 */
public final class TwitterHandler extends FunctionHandler<TwitterCollector> {

    static final String FUNCTION = "webexdev-twitterapi";
    /** The log's source: the route is decided per invocation from the secret, and logged in the result. */
    static final String SOURCE = "X recent search for Webex";

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public TwitterHandler() {
        this(Env.system(), Clock.systemUTC());
        registerPriming();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public TwitterHandler(Env env, Clock clock) {
        super(TwitterWiring.wired(env, clock), stdoutLog(FUNCTION, clock));
    }

    public TwitterHandler(TwitterCollector collector, JsonLog log) {
        super(Wired.unprimed(FUNCTION, collector), log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // Any event (the schedule's, a manual test invoke's) starts a run; its content is not needed.
        run.handle(input, output, context, "twitter run", SOURCE,
                invocation -> service.collect(invocation.deadline(), invocation.log()));
    }
}
