package com.webexqoe.core;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart priming renders an empty page into memory and marshals the five tables' reads, the
 * secret read and the page's S3 calls through the real clients, and sends nothing: every endpoint
 * (DynamoDB, S3, Secrets Manager) is a server that records each request it gets, and it gets none.
 */
class CorePrimingTest {

    @RegisterExtension
    final PrimingRecorder recorder = new PrimingRecorder();

    @Test
    void primingRendersInMemoryReadsNoTableOrSecretAndWritesNoObject() {
        primes(Map.of(), 8, List.of());
    }

    @Test
    void withTheHealthTableTheHistorysBatchGetAndConditionalPutArePrimedToo() {
        primes(Map.of("DYNAMODB_TABLENAME_HEALTH", "webexdev-health"), 10, List.of("marshal the health history's calls"));
    }

    private void primes(Map<String, String> more, int stopped, List<String> moreSteps) {
        StandInEnv env = recorder.env()
                .set("S3_BUCKET_NAME", "webexdev-bucket")
                .set("SECRETMANAGER_NAME", "webexdev/secrets")
                .set("DYNAMODB_TABLENAME_STATUS", "webexdev-status")
                .set("DYNAMODB_TABLENAME_TE", "webexdev-te")
                .set("DYNAMODB_TABLENAME_TEPOLLING", "webexdev-te-polling")
                .set("DYNAMODB_TABLENAME_TWITTER", "webexdev-twitter")
                .set("DYNAMODB_TABLENAME_MTGQA", "webexdev-mtgquality")
                .set("TZ", "Asia/Tokyo");
        more.forEach(env::set);
        CoreHandler handler = new CoreHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore)
                .as("a Scan, four Queries, GetSecretValue, HeadObject and PutObject (and the history's two) reached the guard")
                .isEqualTo(stopped);
        recorder.assertNothingSent();
        List<String> steps = new java.util.ArrayList<>(List.of("render an empty page into memory", "marshal the DynamoDB reads",
                "marshal the secret read", "marshal the S3 calls"));
        steps.addAll(moreSteps);
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name).containsExactlyElementsOf(steps);
    }
}
