package com.webexqoe.te;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.FunctionHandler;
import com.webexqoe.common.lambda.LambdaEvents;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.te.poll.TePoller;
import com.webexqoe.te.webhook.AlertWebhook;
import com.webexqoe.te.webhook.WebhookRequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lambda entry point of {@code webexdev-te}: {@code com.webexqoe.te.TeHandler::handleRequest}. A
 * dispatcher over two triggers told apart by the event: an EventBridge schedule ({@code "source":
 * "aws.events"}) runs the ThousandEyes poll ({@link TePoller}); anything else is the alert webhook
 * ({@link AlertWebhook}), as an API Gateway REST proxy event for {@code POST /tecloudagent} or as
 * the alert JSON itself. The wiring is {@link TeWiring}.
 */
public final class TeHandler extends FunctionHandler<TeHandler.Parts> {

    static final String FUNCTION = "webexdev-te";
    static final String WEBHOOK_SOURCE = "POST /tecloudagent";

    /** The two services, each built when its trigger first comes (a webhook call never builds the poller). */
    record Parts(Supplier<TePoller> poller, Supplier<AlertWebhook> webhook) {
    }

    /** What Lambda calls: production adapters from the environment. */
    public TeHandler() {
        this(Env.system(), Clock.systemUTC());
        registerPriming();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public TeHandler(Env env, Clock clock) {
        this(new TeWiring(env, clock), stdoutLog(FUNCTION, clock));
    }

    TeHandler(TeWiring wiring, JsonLog log) {
        super(wiring.wired(), log);
    }

    public TeHandler(Supplier<TePoller> poller, Supplier<AlertWebhook> webhook, JsonLog log) {
        super(Wired.unprimed(FUNCTION, new Parts(poller, webhook)), log);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        byte[] event = readAll(input);
        Optional<JsonNode> parsed = readJson(event);
        InputStream replay = new ByteArrayInputStream(event);
        if (parsed.isPresent() && LambdaEvents.isScheduled(parsed.get())) {
            run.handle(replay, output, context, "te poll", "ThousandEyes API",
                    invocation -> service.poller().get().poll(invocation.deadline(), invocation.log()));
        } else {
            run.handle(replay, output, context, "te webhook", WEBHOOK_SOURCE,
                    invocation -> service.webhook().get().handle(WebhookRequest.from(event, parsed), invocation.log()));
        }
    }

    static Optional<JsonNode> readJson(byte[] event) {
        try {
            JsonNode node = Json.MAPPER.readTree(event);
            return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty(); // only a raw webhook body can be that; the webhook answers it
        }
    }

    private static byte[] readAll(InputStream input) {
        try {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invocation event", e);
        }
    }
}
