package com.webexqoe.te;

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
 * SnapStart priming reads a scheduled event, parses the bundled alert and marshals the secret
 * read, the writes of both tables and the S3 writes through the real clients, and sends nothing:
 * every endpoint (DynamoDB, S3, Secrets Manager, ThousandEyes) is a server that records each
 * request it gets, and it gets none.
 */
class TePrimingTest {

    @RegisterExtension
    final PrimingRecorder recorder = new PrimingRecorder();

    @Test
    void primingReadsNoSecretWritesNothingAndCallsNoApi() {
        String base = recorder.baseUrl() + "/te/";
        StandInEnv env = recorder.env()
                .set("DYNAMODB_TABLENAME", "webexdev-te")
                .set("DYNAMODB_TABLENAME_PO", "webexdev-te-polling")
                .set("S3_BUCKET_NAME", "webexdev-bucket")
                .set("SECRETMANAGER_NAME", "webexdev/secrets")
                .set("API_URL_MMP", base + "mmp")
                .set("API_URL_WZ", base + "wz")
                .set("API_URL_CD", base + "cb")
                .set("API_URL_MMP_NET", base + "net")
                .set("API_URL_HTTP_WEB", base + "http")
                .set("TZ", "Asia/Tokyo");
        TeHandler handler = new TeHandler(Env.of(env.toMap()),
                Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));
        int stoppedBefore = PrimingGuard.stoppedCount();

        assertThat(handler.priming().prime()).as("failed steps").isEmpty();

        assertThat(PrimingGuard.stoppedCount() - stoppedBefore)
                .as("GetSecretValue, PutItem and BatchWriteItem of two tables, HeadObject and PutObject reached the guard")
                .isEqualTo(7);
        recorder.assertNothingSent();
        assertThat(handler.priming().steps()).extracting(SnapStartPriming.Step::name)
                .containsExactly("read the events and parse the bundled alert", "marshal the secret read",
                        "marshal the DynamoDB writes", "marshal the S3 writes");
    }
}
