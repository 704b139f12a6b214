package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.LocalStack;
import com.webexqoe.common.schema.QualityTable;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation and the happy path against LocalStack's DynamoDB and Secrets Manager (the real
 * PutSecretValue semantics), with Webex on WireMock. Runs where Docker is available; elsewhere
 * JUnit reports it as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class MeetingQualityHandlerLocalStackTest {

    private static LocalStackContainer localstack;

    @RegisterExtension
    static final WireMockExtension webex = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String MEETING = "9b1e7c44d0a34f6e8f2c5a7d3b9e1c28_I_284714488821002245";

    @BeforeAll
    static void start() {
        localstack = new LocalStackContainer(LocalStack.IMAGE).withServices("dynamodb", "secretsmanager");
        localstack.start();
    }

    @AfterAll
    static void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Test
    void rotatesTheTokenSecretAndStoresTheMeetingInLocalStack() throws Exception {
        Region region = Region.of(localstack.getRegion());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(localstack.getEndpoint())
                .region(region).credentialsProvider(credentials).build();
        SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(localstack.getEndpoint())
                .region(region).credentialsProvider(credentials).build();
        String table = QualityTable.SCHEMA.tableName();
        dynamo.createTable(QualityTable.SCHEMA.createTableRequest());
        secrets.createSecret(r -> r.name("webexdev/secrets").secretString(
                "{\"CLIENT_ID\":\"client-id\",\"CLIENT_SECRET\":\"client-secret\",\"hostEmail\":\"hana.sato@example.com\"}"));
        secrets.createSecret(r -> r.name("webexdev/mtgquality-token").secretString(
                "{\"ACCESS_TOKEN\":\"old-access\",\"REFRESH_TOKEN\":\"old-refresh\",\"note\":\"kept\"}"));

        webex.stubFor(post(urlPathEqualTo("/v1/access_token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("webex-oauth/access-token-refreshed.json"))));
        webex.stubFor(get(urlPathEqualTo("/v1/meetings")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.text("webex-meetings/meetings-in-progress-page-2.json"))));
        webex.stubFor(get(urlPathEqualTo("/analytics/v1/meeting/qualities")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.text("webex-analytics/qualities-personal-room-with-guest.json"))));
        Env env = Env.of(StandInEnv.create()
                .set("AWS_REGION", localstack.getRegion())
                .set("AWS_ACCESS_KEY_ID", localstack.getAccessKey())
                .set("AWS_SECRET_ACCESS_KEY", localstack.getSecretKey())
                .dynamoDb(localstack.getEndpoint())
                .secretsManager(localstack.getEndpoint())
                .set("DYNAMODB_TABLENAME", table)
                .set("SECRETMANAGER_NAME", "webexdev/secrets")
                .set("SECRETMANAGER_TOKEN_NAME", "webexdev/mtgquality-token")
                .set("WEBEX_API_BASE_URL", webex.baseUrl() + "/v1")
                .set("WEBEX_ANALYTICS_BASE_URL", webex.baseUrl() + "/analytics/v1")
                .toMap());

        JsonNode answer = Json.read(LambdaInvoker.invokeWithResource(
                new MeetingQualityHandler(env, Clock.fixed(Instant.parse("2026-11-28T04:50:00Z"), ZoneOffset.UTC)),
                "webexdev-mtgquality", "/events/console-test-event.json"));

        assertThat(answer.get("recordsStored").asInt()).isEqualTo(2);
        JsonNode secret = Json.read(secrets.getSecretValue(r -> r.secretId("webexdev/mtgquality-token")).secretString());
        assertThat(secret.get("ACCESS_TOKEN").asText()).startsWith("NEWACCESS-");
        assertThat(secret.get("REFRESH_TOKEN").asText()).startsWith("NEWREFRESH-");
        assertThat(secret.get("note").asText()).isEqualTo("kept");
        assertThat(dynamo.scanPaginator(r -> r.tableName(table)).items().stream()
                .map(item -> item.get("meetingid").s() + " " + item.get("useremail").s()))
                .containsExactlyInAnyOrder(MEETING + " hana.sato@example.com", MEETING + " guest:" + MEETING + "_9");
    }
}
