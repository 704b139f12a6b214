package com.webexqoe.twitter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.aws.PrimingGuard;
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
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import com.webexqoe.common.time.LocalTimes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.ComprehendClientBuilder;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;

/**
 * Lambda entry point of {@code webexdev-twitterapi}: {@code com.webexqoe.twitter.TwitterHandler::handleRequest},
 * run by an EventBridge schedule (any event, or none, starts a run).
 */
public final class TwitterHandler implements RequestStreamHandler {

    static final String FUNCTION = "webexdev-twitterapi";
    /** The log's source: the route is decided per invocation from the secret, and logged in the result. */
    static final String SOURCE = "X recent search for Webex";

    private final TwitterCollector collector;
    private final FunctionRun run;
    private final SnapStartPriming priming;

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public TwitterHandler() {
        this(Env.system(), Clock.systemUTC());
        priming.register();
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public TwitterHandler(Env env, Clock clock) {
        this(wired(env, clock), new JsonLog(FUNCTION, System.out, clock));
    }

    public TwitterHandler(TwitterCollector collector, JsonLog log) {
        this(new Wired(collector, new SnapStartPriming(FUNCTION, List.of())), log);
    }

    private TwitterHandler(Wired wired, JsonLog log) {
        this.collector = wired.collector();
        this.priming = wired.priming();
        this.run = new FunctionRun(log);
    }

    /** The production objects and the SnapStart priming that warms them. */
    record Wired(TwitterCollector collector, SnapStartPriming priming) {
    }

    static TwitterCollector wire(Env env, Clock clock) {
        return wired(env, clock).collector();
    }

    static Wired wired(Env env, Clock clock) {
        // Reads exactly FunctionVariables.TWITTERAPI (X_QUERY, X_MAX_RESULTS, X_DAILY_READ_BUDGET through XSearchSettings).
        String tableName = env.required(EnvVars.DYNAMODB_TABLENAME);
        String secretName = env.required(EnvVars.SECRETMANAGER_NAME);
        LocalTimes times = new LocalTimes(clock, env.zone());
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        XSearchSettings search = XSearchSettings.fromEnv(env);
        software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = DynamoClients.create(aws);
        DynamoTable table = new DynamoTable(dynamo, tableName);
        SecretStore secrets = new SecretStore(SecretsManagerClients.create(aws));
        ComprehendClientBuilder comprehendBuilder = aws.configure(ComprehendClient.builder(), AwsClientSettings.Service.COMPREHEND);
        // Comprehend exists in fewer regions than SnapStart: the stack may live elsewhere (docs/deploy.md).
        env.optional(EnvVars.COMPREHEND_REGION).map(Region::of).ifPresent(comprehendBuilder::region);
        ComprehendClient comprehend = comprehendBuilder.build();
        SearchRoute route = new SecretSearchRoute(secrets, secretName, http,
                env.url(EnvVars.TWITTER_API_BASE_URL, EnvVars.TWITTER_API_BASE_URL_DEFAULT), clock);
        TwitterCollector collector = new TwitterCollector(route, new ComprehendTextAnalysis(comprehend),
                new DynamoPostStore(table, times), new DynamoXLedger(dynamo, table), search, clock);
        // SnapStart: parse a bundled X API v2 answer; marshal the secret read, the Comprehend calls and the
        // DynamoDB writes (each stopped before sending).
        SnapStartPriming priming = new SnapStartPriming(FUNCTION, List.of(
                new SnapStartPriming.Step("parse the bundled X API answer", () -> XApiV2Parser.parse(ClasspathResource.read("/priming/x-search-recent.json"))),
                new SnapStartPriming.Step("marshal the secret read", () -> secrets.prime(secretName)),
                new SnapStartPriming.Step("marshal the Comprehend calls", () -> {
                    PrimingGuard.prime("BatchDetectDominantLanguage", () -> comprehend.batchDetectDominantLanguage(r -> r
                            .textList("Webex priming text", "Webex priming text").overrideConfiguration(PrimingGuard.MARK)));
                    PrimingGuard.prime("BatchDetectSentiment", () -> comprehend.batchDetectSentiment(r -> r
                            .textList("Webex priming text", "Webex priming text").languageCode("en")
                            .overrideConfiguration(PrimingGuard.MARK)));
                }),
                new SnapStartPriming.Step("marshal the DynamoDB writes", () -> table.primeWrites(DynamoPostStore.primingItem()))));
        return new Wired(collector, priming);
    }

    /** The SnapStart priming of this container (registered by the no-arg constructor). */
    SnapStartPriming priming() {
        return priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // Any event (the schedule's, a manual test invoke's) starts a run; its content is not needed.
        run.handle(input, output, context, "twitter run", SOURCE,
                invocation -> collector.collect(invocation.deadline(), invocation.log()));
    }
}
