package com.webexqoe.mtgquality;

import com.amazonaws.services.lambda.runtime.Context;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.FunctionHandler;
import com.webexqoe.common.lambda.LambdaEvents;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.log.JsonLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry point of {@code webexdev-mtgquality}:
 * {@code com.webexqoe.mtgquality.MeetingQualityHandler::handleRequest}. Invoked by hand (console
 * test event, {@code aws lambda invoke}, the local runner's {@code POST /invoke/webexdev-mtgquality})
 * while a meeting is in progress, and weekly by an EventBridge schedule: a scheduled event
 * ({@code "source": "aws.events"}) only rotates the token pair (the keep-alive), any other event
 * (the hand invoke; its content is not read further) runs the whole collection
 * (docs/behaviour.md#mtgquality).
 * The wiring is {@link MeetingQualityWiring}; the run is {@link MeetingQualityCollector}.
 */
public final class MeetingQualityHandler extends FunctionHandler<MeetingQualityCollector> {

    static final String FUNCTION = "webexdev-mtgquality";

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public MeetingQualityHandler() {
        this(Env.system(), Clock.systemUTC());
        registerPriming();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public MeetingQualityHandler(Env env, Clock clock) {
        super(MeetingQualityWiring.wired(env, clock), stdoutLog(FUNCTION, clock));
    }

    public MeetingQualityHandler(MeetingQualityCollector collector, JsonLog log) {
        super(Wired.unprimed(FUNCTION, collector), log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        run.handle(input, output, context, "meeting quality run", service.source(), invocation ->
                scheduled(invocation.event())
                        ? service.keepAlive(invocation.deadline(), invocation.log())
                        : service.collect(invocation.deadline(), invocation.log()));
    }

    /**
     * Whether the event is EventBridge's scheduled event. A hand invoke may send anything (the
     * console's test event, {@code {}}, nothing); what is not JSON counts as a hand invoke.
     */
    static boolean scheduled(byte[] event) {
        if (event.length == 0) {
            return false;
        }
        try {
            return LambdaEvents.isScheduled(Json.MAPPER.readTree(event));
        } catch (IOException notJson) {
            return false;
        }
    }
}
