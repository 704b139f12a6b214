package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.te.poll.AlertPoll;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.LocalStack;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll and the webhook against LocalStack's DynamoDB (TTL on, as the template sets it), S3 and
 * Secrets Manager. Runs where Docker is available; elsewhere JUnit reports it as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class TeHandlerLocalStackTest {

    private static LocalStackContainer localstack;

    @RegisterExtension
    static final WireMockExtension te = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String SECRET = "webexdev/secrets";
    static final String BUCKET = "webexdev-dashboard";
    static final Instant NOW = Instant.parse("2026-11-27T15:20:00.123Z");

    @BeforeAll
    static void start() {
        localstack = new LocalStackContainer(LocalStack.IMAGE).withServices("dynamodb", "s3", "secretsmanager");
        localstack.start();
        DynamoDbClient dynamo = configure(DynamoDbClient.builder()).build();
        for (TableSchema table : List.of(AlertTable.SCHEMA, PollingTable.SCHEMA)) {
            dynamo.createTable(table.createTableRequest());
            dynamo.updateTimeToLive(r -> r.tableName(table.tableName())
                    .timeToLiveSpecification(ttl -> ttl.attributeName("expiresAt").enabled(true)));
        }
        configure(S3Client.builder()).forcePathStyle(true).build().createBucket(r -> r.bucket(BUCKET));
        configure(SecretsManagerClient.builder()).build().createSecret(r -> r.name(SECRET)
                .secretString("{\"TE_OAUTHBEARER_TOKEN_V7\":\"te-token\",\"TE_WEBHOOK_TOKEN\":\"whk-token\"}"));
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())));
    }

    static TeHandler handler() {
        String base = te.baseUrl() + "/v6/";
        Env env = Env.of(StandInEnv.create()
                .set("AWS_REGION", localstack.getRegion())
                .set("AWS_ACCESS_KEY_ID", localstack.getAccessKey())
                .set("AWS_SECRET_ACCESS_KEY", localstack.getSecretKey())
                .set("AWS_ENDPOINT_URL", localstack.getEndpoint().toString())
                .set("DYNAMODB_TABLENAME", AlertTable.SCHEMA.tableName())
                .set("DYNAMODB_TABLENAME_PO", PollingTable.SCHEMA.tableName())
                .set("S3_BUCKET_NAME", BUCKET)
                .set("SECRETMANAGER_NAME", SECRET)
                .set("API_URL_MMP", base + "mmp")
                .set("API_URL_WZ", base + "wz")
                .set("API_URL_CD", base + "cb")
                .set("API_URL_MMP_NET", base + "net")
                .set("API_URL_HTTP_WEB", base + "http")
                .set("API_URL_ALERTS", base + "alerts")
                .set("TZ", "Asia/Tokyo")
                .toMap());
        return new TeHandler(env, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aV6PollStoresTheGraphFilesAndTheMetricsItem() {
        String[][] answers = {{"mmp", "path-vis-v6-mmp-two-agents.json"}, {"wz", "path-vis-v6-wz.json"},
                {"cb", "path-vis-v6-cb.json"}, {"net", "metrics-v6-two-agents.json"}, {"http", "http-server-v6-two-agents.json"},
                {"alerts", "alerts-v7-none.json"}, {"alerts?" + AlertPoll.CLEAR_QUERY, "alerts-v7-none.json"}};
        for (String[] answer : answers) {
            te.stubFor(get(urlEqualTo("/v6/" + answer[0])).willReturn(aResponse().withStatus(200)
                    .withBody(Fixtures.bytes("thousandeyes/" + answer[1]))));
        }

        LambdaInvoker.invokeWithResource(handler(), "webexdev-te", "/events/scheduled-poll.json");

        S3Client s3 = configure(S3Client.builder()).forcePathStyle(true).build();
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("resource-wz.json")).asUtf8String())
                .isEqualTo(TeHandlerPollIntegrationTest.WZ_FILE);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("2026-11-28.json")).asByteArray())
                .isEqualTo(Fixtures.bytes("thousandeyes/path-vis-v6-mmp-two-agents.json"));
        List<Map<String, AttributeValue>> items = configure(DynamoDbClient.builder()).build()
                .scan(r -> r.tableName(PollingTable.SCHEMA.tableName())).items();
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("metrics").l().get(1).m().get("jitter").n()).isEqualTo("1.000000000000000001");
    }

    @Test
    void theWebhookStoresAnAlertOnceAndRefusesAWrongToken() throws Exception {
        String trigger = Fixtures.text("alerts/alert-trigger-http-server-response-time.json");

        JsonNode wrong = Json.read(LambdaInvoker.invoke(handler(), "webexdev-te",
                TeHandlerWebhookIntegrationTest.proxyEvent(trigger, Optional.of("Bearer nope"))));
        JsonNode first = Json.read(LambdaInvoker.invoke(handler(), "webexdev-te",
                TeHandlerWebhookIntegrationTest.proxyEvent(trigger, Optional.of("Bearer whk-token"))));
        JsonNode again = Json.read(LambdaInvoker.invoke(handler(), "webexdev-te",
                TeHandlerWebhookIntegrationTest.proxyEvent(trigger, Optional.of("Bearer whk-token"))));

        assertThat(wrong.get("statusCode").asInt()).isEqualTo(401);
        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.read(again.get("body").asText()).get("duplicate").asBoolean()).isTrue();
        List<Map<String, AttributeValue>> byDay = configure(DynamoDbClient.builder()).build()
                .query(q -> q.tableName(AlertTable.SCHEMA.tableName()).indexName("byDay")
                        .keyConditionExpression("#d = :d").expressionAttributeNames(Map.of("#d", "day"))
                        .expressionAttributeValues(Map.of(":d", AttributeValue.builder().s("2026-11-28").build()))).items();
        assertThat(byDay).hasSize(1);
        assertThat(byDay.get(0).get("metric").l()).extracting(AttributeValue::s)
                .containsExactly("Response Time: 980 ms", "Response Time: 1,204 ms");
    }
}
