package com.webexqoe.core;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.standins.StandIns;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.standins.S3ProxyServer;
import com.webexqoe.testkit.StandInEnv;
import com.webexqoe.testkit.faults.DeadEndpoints;
import com.webexqoe.testkit.faults.FaultRun;
import com.webexqoe.testkit.faults.HttpFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.webexqoe.core.CoreScenario.BUCKET;
import static com.webexqoe.core.CoreScenario.NOW;
import static com.webexqoe.core.CoreScenario.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of every dependency of the core function through its real entry point: the bucket's
 * write of {@code index.html} failing in each way (a WireMock proxy in front of S3Proxy, faulting
 * only that PUT), the bucket and the tables gone or hung, Secrets Manager failing. The previous
 * page stays byte for byte whenever the new one could not be written; a page written without a
 * source is a whole page saying so; the run ends before its deadline naming what failed; and the
 * next run writes the page.
 */
class CoreFaultsTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();
    /**
     * In front of a dedicated S3Proxy that checks no signature (a proxy in between changes the
     * signed headers): passes every request through unless a fault is stubbed.
     */
    @RegisterExtension
    static final WireMockExtension s3Front = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    static S3ProxyServer unsigned;
    static S3Client unsignedClient;

    @BeforeAll
    static void unsignedS3() {
        unsigned = S3ProxyServer.unsigned();
        unsignedClient = unsigned.client();
    }

    @AfterAll
    static void stopUnsignedS3() throws Exception {
        unsigned.close();
    }

    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(10);
    static final String PREVIOUS_PAGE = "<!DOCTYPE html><html><body>the previous page</body></html>";
    static final String CLIENT_SECRET = "SECRET-core-client-secret-7f3a";
    static final String TE_TOKEN = "SECRET-core-te-token-2c9d";
    static final List<String> SECRETS = List.of(CLIENT_SECRET, TE_TOKEN, StandIns.SECRET_KEY);
    static final byte[] EVENT = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8);

    CoreScenario scenario;

    @BeforeEach
    void world() {
        scenario = new CoreScenario(dynamo, s3, aws);
        scenario.createAll();
        givenSecret();
        scenario.seedIncident();
        if (unsignedClient.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            unsignedClient.createBucket(r -> r.bucket(BUCKET));
        }
        unsignedClient.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().forEach(object ->
                unsignedClient.deleteObject(r -> r.bucket(BUCKET).key(object.key())));
        for (S3Client client : List.of(s3.client(), unsignedClient)) {
            client.putObject(r -> r.bucket(BUCKET).key("index.html").contentType("text/html; charset=utf-8"),
                    RequestBody.fromString(PREVIOUS_PAGE));
        }
        s3Front.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(unsignedBase())));
    }

    static void givenSecret() {
        aws.givenSecret(SECRET, Map.of("userEmail", "User@Example.com", "hostEmail", "host@example.com",
                "CLIENT_SECRET", CLIENT_SECRET, "TE_OAUTHBEARER_TOKEN_V7", TE_TOKEN));
    }

    StandInEnv env() {
        return scenario.env().s3(java.net.URI.create(s3Front.baseUrl()));
    }

    FaultRun run(StandInEnv env, Duration timeout) {
        return FaultRun.invoke(() -> new CoreHandler(Env.of(env.toMap()), Clock.fixed(NOW, ZoneOffset.UTC)), CoreHandler.FUNCTION,
                EVENT, timeout);
    }

    static String unsignedBase() {
        return unsigned.endpoint().toString();
    }

    /** The page in the bucket the run wrote to: through the front, or S3Proxy's own when the front is not used. */
    String page() {
        return unsignedClient.getObjectAsBytes(r -> r.bucket(BUCKET).key("index.html")).asUtf8String();
    }

    String signedPage() {
        return scenario.object("index.html");
    }

    /** The next run, all stand-ins well, writes a whole new page. */
    void nextRunWritesThePage() {
        s3Front.resetAll();
        s3Front.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(unsignedBase())));
        givenSecret();
        run(env(), LAMBDA_TIMEOUT).leaksNothing(SECRETS).succeeded();
        assertThat(page()).isNotEqualTo(PREVIOUS_PAGE).startsWith("<!DOCTYPE html>").contains("</html>");
        StringBuilder objects = new StringBuilder();
        unsignedClient.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents()
                .forEach(object -> objects.append(object.key()).append(unsignedClient.getObjectAsBytes(r -> r.bucket(BUCKET)
                        .key(object.key())).asUtf8String()));
        for (String secret : SECRETS) {
            assertThat(objects.toString()).as("every object of the bucket").doesNotContain(secret);
        }
    }

    @Test
    void theProxyPassesAWholeRunThrough() {
        nextRunWritesThePage();
    }

    /**
     * The faults of a write's answer. (A malformed chunk after a 200 status line is not one: a
     * PutObject answer has no body, so the SDK takes the 200 as the write's success, as it must.)
     */
    @ParameterizedTest(name = "S3 PutObject index.html: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "HTTP_429_WITHOUT_HEADER", "HTTP_429_WITH_RESET_HEADER",
            "CONNECTION_RESET", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE", "FOREIGN_REDIRECT"})
    void aFailedPageWriteKeepsThePreviousPageByteForByte(HttpFault fault) {
        s3Front.stubFor(put(urlPathEqualTo("/" + BUCKET + "/index.html")).atPriority(1)
                .willReturn(fault.response(new byte[0], "application/xml", "Retry-After")));

        FaultRun failed = run(env(), LAMBDA_TIMEOUT);

        failed.endedInTime().failedNaming("S3 bucket " + BUCKET).leaksNothing(SECRETS);
        assertThat(page()).isEqualTo(PREVIOUS_PAGE);
        nextRunWritesThePage();
    }

    @Test
    void aBucketOnAClosedPortFailsFastNamingIt() {
        FaultRun failed = run(scenario.env().s3(DeadEndpoints.closedPort()), LAMBDA_TIMEOUT);

        failed.endedInTime().failedNaming("S3 bucket " + BUCKET).leaksNothing(SECRETS);
        assertThat(signedPage()).isEqualTo(PREVIOUS_PAGE);
        nextRunWritesThePage();
    }

    @Test
    void aHungBucketFailsBeforeTheDeadline() {
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            FaultRun failed = run(scenario.env().s3(hung.endpoint()), LAMBDA_TIMEOUT);

            failed.endedInTime().failedNaming("S3 bucket " + BUCKET).leaksNothing(SECRETS);
        }
        assertThat(signedPage()).isEqualTo(PREVIOUS_PAGE);
    }

    @Test
    void tablesOnAClosedPortGiveAWholePageSayingSoAndAnErrorNamingThem() {
        FaultRun failed = run(env().dynamoDb(DeadEndpoints.closedPort()), LAMBDA_TIMEOUT);

        failed.endedInTime().failedNaming("page written without", "DynamoDB table").leaksNothing(SECRETS);
        assertThat(page()).startsWith("<!DOCTYPE html>").contains("</html>");
        nextRunWritesThePage();
    }

    /** The function's own timeout in the template: 30 s. */
    @Test
    void hungTablesEndTheRunBeforeTheFunctionsTimeout() {
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            FaultRun failed = run(env().dynamoDb(hung.endpoint()), Duration.ofSeconds(30));

            failed.endedInTime().failedNaming("DynamoDB table").leaksNothing(SECRETS);
            assertThat(failed.elapsed()).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(page()).startsWith("<!DOCTYPE html>").contains("</html>");
    }

    @ParameterizedTest(name = "Secrets Manager: {0}")
    @EnumSource(value = HttpFault.class, names = {"HTTP_500", "HTTP_429_WITHOUT_HEADER", "CONNECTION_RESET", "EMPTY_RESPONSE",
            "RANDOM_DATA_THEN_CLOSE", "EMPTY_BODY", "TRUNCATED_BODY", "NON_JSON_BODY", "FOREIGN_REDIRECT"})
    void aSecretsManagerFaultGivesAWholePageWithoutTheHomeSectionAndNamesTheSecret(HttpFault fault) {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(AwsJsonStub.GET_SECRET_VALUE))
                .willReturn(fault.response("{}".getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.1", "Retry-After")));

        FaultRun failed = run(env(), LAMBDA_TIMEOUT);

        failed.endedInTime().failedNaming("page written without", "secret " + SECRET).leaksNothing(SECRETS);
        assertThat(page()).startsWith("<!DOCTYPE html>").contains("</html>");
        nextRunWritesThePage();
    }
}
