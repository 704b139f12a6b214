package com.webexqoe.status;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.lambda.ClasspathResource;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.lambda.Wired;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The production objects of {@code webexdev-status}, from the environment, and their SnapStart priming. */
final class StatusWiring {

    private StatusWiring() {
    }

    static Wired<StatusCollector> wired(Env env, Clock clock) {
        String tableName = env.required(EnvVars.DYNAMODB_TABLENAME);
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        DynamoTable table = new DynamoTable(DynamoClients.create(aws), tableName);
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        StatusFeed feed = new HttpStatusFeed(http, env.url(EnvVars.STATUS_RSS_URL, EnvVars.STATUS_RSS_URL_DEFAULT));
        StatusFeed api = HttpStatusFeed.api(http, env.url(EnvVars.STATUS_API_BASE_URL, EnvVars.STATUS_API_BASE_URL_DEFAULT));
        StatusFeedParser parser = new StatusFeedParser();
        StatusApiParser apiParser = new StatusApiParser();
        StatusCollector collector = new StatusCollector(feed, parser, Optional.of(api), apiParser,
                new DynamoStatusStore(table), clock);
        // SnapStart: parse the bundled feed (Rome, the XML parser), marshal the writes (stopped before sending).
        SnapStartPriming priming = new SnapStartPriming(StatusHandler.FUNCTION, List.of(
                new SnapStartPriming.Step("parse the bundled feed", () -> parser.parse(ClasspathResource.read("/priming/status-feed.xml"))),
                new SnapStartPriming.Step("parse the bundled index.json", () -> apiParser.parse(ClasspathResource.read("/priming/status-index.json"))),
                new SnapStartPriming.Step("marshal the DynamoDB writes", () -> table.primeWrites(DynamoStatusStore.primingItem()))));
        return new Wired<>(collector, priming);
    }
}
