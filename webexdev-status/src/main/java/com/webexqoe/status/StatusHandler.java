package com.webexqoe.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.lambda.ClasspathResource;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.log.JsonLog;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * Lambda entry point of {@code webexdev-status}: {@code com.webexqoe.status.StatusHandler::handleRequest},
 * run every 5 minutes by an EventBridge schedule (any event, or none, starts a run).
 */
public final class StatusHandler implements RequestStreamHandler {

    static final String FUNCTION = "webexdev-status";

    private final StatusCollector collector;
    private final FunctionRun run;
    private final SnapStartPriming priming;

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public StatusHandler() {
        this(Env.system(), Clock.systemUTC());
        priming.register();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public StatusHandler(Env env, Clock clock) {
        this(wired(env, clock), new JsonLog(FUNCTION, System.out, clock));
    }

    public StatusHandler(StatusCollector collector, JsonLog log) {
        this(new Wired(collector, new SnapStartPriming(FUNCTION, List.of())), log);
    }

    private StatusHandler(Wired wired, JsonLog log) {
        this.collector = wired.collector();
        this.priming = wired.priming();
        this.run = new FunctionRun(log);
    }

    /** The production objects and the SnapStart priming that warms them. */
    record Wired(StatusCollector collector, SnapStartPriming priming) {
    }

    static StatusCollector wire(Env env, Clock clock) {
        return wired(env, clock).collector();
    }

    static Wired wired(Env env, Clock clock) {
        String tableName = env.required(EnvVars.DYNAMODB_TABLENAME);
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        DynamoTable table = new DynamoTable(DynamoClients.create(aws), tableName);
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        StatusFeed feed = new HttpStatusFeed(http, env.url(EnvVars.STATUS_RSS_URL, EnvVars.STATUS_RSS_URL_DEFAULT));
        StatusFeed api = HttpStatusFeed.api(http, env.url(EnvVars.STATUS_API_BASE_URL, EnvVars.STATUS_API_BASE_URL_DEFAULT));
        StatusFeedParser parser = new StatusFeedParser();
        StatusApiParser apiParser = new StatusApiParser();
        StatusCollector collector = new StatusCollector(feed, parser, java.util.Optional.of(api), apiParser,
                new DynamoStatusStore(table), clock);
        // SnapStart: parse the bundled feed (Rome, the XML parser), marshal the writes (stopped before sending).
        SnapStartPriming priming = new SnapStartPriming(FUNCTION, List.of(
                new SnapStartPriming.Step("parse the bundled feed", () -> parser.parse(ClasspathResource.read("/priming/status-feed.xml"))),
                new SnapStartPriming.Step("parse the bundled index.json", () -> apiParser.parse(ClasspathResource.read("/priming/status-index.json"))),
                new SnapStartPriming.Step("marshal the DynamoDB writes", () -> table.primeWrites(DynamoStatusStore.primingItem()))));
        return new Wired(collector, priming);
    }

    /** The SnapStart priming of this container (registered by the no-arg constructor). */
    SnapStartPriming priming() {
        return priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // Any event (the schedule's, a manual test invoke's) starts a run; its content is not needed.
        run.handle(input, output, context, "status run", collector.source(),
                invocation -> collector.collect(invocation.deadline()));
    }
}
