package com.webexqoe.twitter;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.aws.PrimingGuard;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.lambda.ClasspathResource;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.common.lambda.Wired;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import com.webexqoe.common.time.LocalTimes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.ComprehendClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/** The production objects of {@code webexdev-twitterapi}, from the environment, and their SnapStart priming. */
final class TwitterWiring {

    private TwitterWiring() {
    }

    static Wired<TwitterCollector> wired(Env env, Clock clock) {
        // Reads exactly FunctionVariables.TWITTERAPI (X_QUERY, X_MAX_RESULTS, X_DAILY_READ_BUDGET through XSearchSettings).
        String tableName = env.required(EnvVars.DYNAMODB_TABLENAME);
        String secretName = env.required(EnvVars.SECRETMANAGER_NAME);
        LocalTimes times = new LocalTimes(clock, env.zone());
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        XSearchSettings search = XSearchSettings.fromEnv(env);
        DynamoDbClient dynamo = DynamoClients.create(aws);
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
        SnapStartPriming priming = new SnapStartPriming(TwitterHandler.FUNCTION, List.of(
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
        return new Wired<>(collector, priming);
    }
}
