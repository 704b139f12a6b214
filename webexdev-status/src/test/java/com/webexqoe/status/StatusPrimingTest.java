package com.webexqoe.status;

import com.webexqoe.common.aws.PrimingGuard;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.lambda.SnapStartPriming;
import com.webexqoe.testkit.PrimingRecorder;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart priming runs the feed parser and marshals the DynamoDB writes through the real
 * client, and sends nothing: every endpoint (DynamoDB, the feed) is a server that records each
 * request it gets, and it gets none.
 */
class StatusPrimingTest {

    @RegisterExtension
    final PrimingRecorder recorder = new PrimingRecorder();

    @Test
    void primingMarshalsTheWritesAndParsesTheBundledFeedWithoutSendingAnything() {
        StandInEnv env = recorder.env()
                .set("DYNAMODB_TABLENAME", "webexdev-status")
                .set("STATUS_RSS_URL", recorder.baseUrl() + "/history.rss")
                .set("STATUS_API_BASE_URL", recorder.baseUrl() + "/api");
        StatusHandler handler = new StatusHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore).as("PutItem and BatchWriteItem reached the guard").isEqualTo(2);
        recorder.assertNothingSent();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("parse the bundled feed", "parse the bundled index.json", "marshal the DynamoDB writes");
    }
}
