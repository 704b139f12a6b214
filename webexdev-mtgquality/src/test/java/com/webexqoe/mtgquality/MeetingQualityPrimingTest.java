package com.webexqoe.mtgquality;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.webexqoe.common.aws.PrimingGuard;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart priming maps a bundled qualities page and marshals the two secret reads and the
 * DynamoDB writes through the real clients, and sends nothing: every endpoint (DynamoDB, Secrets
 * Manager, the Webex APIs) is a server that records each request it gets, and it gets none.
 */
class MeetingQualityPrimingTest {

    private final WireMockServer recorder = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        recorder.start();
    }

    @AfterEach
    void stop() {
        recorder.stop();
    }

    @Test
    void primingReadsNoSecretAndWritesNoTable() {
        URI endpoint = URI.create(recorder.baseUrl());
        StandInEnv env = StandInEnv.create().dynamoDb(endpoint).secretsManager(endpoint)
                .set("DYNAMODB_TABLENAME", "webexdev-mtgquality")
                .set("SECRETMANAGER_NAME", "webexdev/secrets")
                .set("SECRETMANAGER_TOKEN_NAME", "webexdev/mtgquality-token")
                .set("WEBEX_API_BASE_URL", recorder.baseUrl() + "/v1")
                .set("WEBEX_ANALYTICS_BASE_URL", recorder.baseUrl() + "/analytics/v1");
        MeetingQualityHandler handler = new MeetingQualityHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore)
                .as("two GetSecretValue, PutItem and BatchWriteItem reached the guard").isEqualTo(4);
        assertThat(recorder.getAllServeEvents()).as("requests sent anywhere").isEmpty();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("map the bundled qualities page", "marshal the secret reads", "marshal the DynamoDB writes");
    }
}
