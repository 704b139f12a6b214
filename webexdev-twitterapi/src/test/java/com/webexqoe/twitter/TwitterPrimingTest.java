package com.webexqoe.twitter;

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
 * SnapStart priming parses a bundled X API answer and marshals the secret read, the two Comprehend
 * calls and the DynamoDB writes through the real clients, and sends nothing: every endpoint
 * (DynamoDB, Secrets Manager, Comprehend, the X API) is a server that records each request it
 * gets, and it gets none.
 */
class TwitterPrimingTest {

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
    void primingReadsNoSecretCallsNoComprehendAndWritesNoTable() {
        URI endpoint = URI.create(recorder.baseUrl());
        StandInEnv env = StandInEnv.create().dynamoDb(endpoint).secretsManager(endpoint).comprehend(endpoint)
                .set("DYNAMODB_TABLENAME", "webexdev-twitter")
                .set("SECRETMANAGER_NAME", "webexdev/secrets")
                .set("TWITTER_API_BASE_URL", recorder.baseUrl() + "/x");
        TwitterHandler handler = new TwitterHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore)
                .as("GetSecretValue, two Comprehend calls, PutItem and BatchWriteItem reached the guard").isEqualTo(5);
        assertThat(recorder.getAllServeEvents()).as("requests sent anywhere").isEmpty();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("parse the bundled X API answer", "marshal the secret read", "marshal the Comprehend calls",
                        "marshal the DynamoDB writes");
    }
}
