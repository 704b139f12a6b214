package com.webexqoe.twitter;

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
 * SnapStart priming parses a bundled X API answer and marshals the secret read, the two Comprehend
 * calls and the DynamoDB writes through the real clients, and sends nothing: every endpoint
 * (DynamoDB, Secrets Manager, Comprehend, the X API) is a server that records each request it
 * gets, and it gets none.
 */
class TwitterPrimingTest {

    @RegisterExtension
    final PrimingRecorder recorder = new PrimingRecorder();

    @Test
    void primingReadsNoSecretCallsNoComprehendAndWritesNoTable() {
        StandInEnv env = recorder.env()
                .set("DYNAMODB_TABLENAME", "webexdev-twitter")
                .set("SECRETMANAGER_NAME", "webexdev/secrets")
                .set("TWITTER_API_BASE_URL", recorder.baseUrl() + "/x");
        TwitterHandler handler = new TwitterHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore)
                .as("GetSecretValue, two Comprehend calls, PutItem and BatchWriteItem reached the guard").isEqualTo(5);
        recorder.assertNothingSent();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("parse the bundled X API answer", "marshal the secret read", "marshal the Comprehend calls",
                        "marshal the DynamoDB writes");
    }
}
