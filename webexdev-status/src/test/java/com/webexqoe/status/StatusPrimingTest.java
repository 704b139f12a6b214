package com.webexqoe.status;

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
 * SnapStart priming runs the feed parser and marshals the DynamoDB writes through the real
 * client, and sends nothing: every endpoint (DynamoDB, the feed) is a server that records each
 * request it gets, and it gets none.
 */
class StatusPrimingTest {

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
    void primingMarshalsTheWritesAndParsesTheBundledFeedWithoutSendingAnything() {
        URI endpoint = URI.create(recorder.baseUrl());
        StandInEnv env = StandInEnv.create().dynamoDb(endpoint)
                .set("DYNAMODB_TABLENAME", "webexdev-status")
                .set("STATUS_RSS_URL", recorder.baseUrl() + "/history.rss")
                .set("STATUS_API_BASE_URL", recorder.baseUrl() + "/api");
        StatusHandler handler = new StatusHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore).as("PutItem and BatchWriteItem reached the guard").isEqualTo(2);
        assertThat(recorder.getAllServeEvents()).as("requests sent anywhere").isEmpty();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("parse the bundled feed", "parse the bundled index.json", "marshal the DynamoDB writes");
    }
}
