package com.webexqoe.mtgquality;

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
 * SnapStart priming maps a bundled qualities page and marshals the two secret reads and the
 * DynamoDB writes through the real clients, and sends nothing: every endpoint (DynamoDB, Secrets
 * Manager, the Webex APIs) is a server that records each request it gets, and it gets none.
 */
class MeetingQualityPrimingTest {

    @RegisterExtension
    final PrimingRecorder recorder = new PrimingRecorder();

    @Test
    void primingReadsNoSecretAndWritesNoTable() {
        StandInEnv env = recorder.env()
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
        recorder.assertNothingSent();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("map the bundled qualities page", "marshal the secret reads", "marshal the DynamoDB writes");
    }
}
