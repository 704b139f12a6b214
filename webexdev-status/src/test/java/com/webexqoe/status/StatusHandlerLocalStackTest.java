package com.webexqoe.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.LocalStack;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status scenario against LocalStack's DynamoDB, with TTL switched on as the template does.
 * Runs where Docker is available; elsewhere JUnit reports it as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class StatusHandlerLocalStackTest {

    /** Made in {@link #start()}: its constructor already needs Docker, and this class loads without it. */
    private static LocalStackContainer localstack;

    @RegisterExtension
    static final WireMockExtension feedServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeAll
    static void start() {
        localstack = new LocalStackContainer(LocalStack.IMAGE).withServices("dynamodb");
        localstack.start();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Test
    void storesTheFeedInLocalStackDynamoDbWithTtlEnabled() {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .build();
        String table = StatusTable.SCHEMA.tableName();
        dynamo.createTable(StatusTable.SCHEMA.createTableRequest());
        dynamo.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)));
        feedServer.stubFor(get(urlEqualTo("/history.rss"))
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("history-incidents-and-maintenance.xml"))));
        Env env = Env.of(StandInEnv.create()
                .set("AWS_REGION", localstack.getRegion())
                .set("AWS_ACCESS_KEY_ID", localstack.getAccessKey())
                .set("AWS_SECRET_ACCESS_KEY", localstack.getSecretKey())
                .dynamoDb(localstack.getEndpoint())
                .set("DYNAMODB_TABLENAME", table)
                .set("STATUS_RSS_URL", feedServer.baseUrl() + "/history.rss")
                .set("STATUS_API_BASE_URL", feedServer.baseUrl() + "/api")
                .toMap());

        LambdaInvoker.invokeWithResource(new StatusHandler(env, Clock.fixed(Instant.parse("2026-11-27T09:15:00Z"), ZoneOffset.UTC)),
                "webexdev-status", "/events/scheduled-event.json");

        var items = dynamo.scanPaginator(r -> r.tableName(table)).items().stream().toList();
        assertThat(items).hasSize(4);
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("title").s()).isEqualTo("Scheduled maintenance - Webex Calling London");
            assertThat(item.get("Status").s()).isEqualTo("in progress");
        });
        // What the function did for TTL: every item expires 30 days after this run saw it.
        long expected = Instant.parse("2026-11-27T09:15:00Z").plus(java.time.Duration.ofDays(30)).getEpochSecond();
        assertThat(items).allSatisfy(item -> assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(expected)));
    }
}
