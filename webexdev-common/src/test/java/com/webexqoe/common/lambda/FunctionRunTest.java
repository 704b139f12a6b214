package com.webexqoe.common.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionRunTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T01:00:00Z"));
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final FunctionRun run = new FunctionRun(new JsonLog("webexdev-test",
            new PrintStream(logBytes, true, StandardCharsets.UTF_8), clock));

    private record Stored(int stored) implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stored", stored);
            return fields;
        }
    }

    private List<JsonNode> logLines() {
        return logBytes.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return Json.read(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON log line: " + line, e);
            }
        }).toList();
    }

    @Test
    void aRunGetsTheEventAndADeadlineFromTheContextLogsOneLineAndAnswers() {
        AtomicReference<FunctionRun.Invocation> seen = new AtomicReference<>();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        run.handle(new ByteArrayInputStream("{\"source\":\"aws.events\"}".getBytes(StandardCharsets.UTF_8)), answer,
                new FixedContext("req-1", 15_000), "test run", "the source", invocation -> {
                    seen.set(invocation);
                    return new Stored(3);
                });

        assertThat(new String(seen.get().event(), StandardCharsets.UTF_8)).isEqualTo("{\"source\":\"aws.events\"}");
        assertThat(seen.get().deadline().remaining()).isEqualTo(Duration.ofMillis(15_000).minus(Deadline.RESERVE));
        assertThat(answer.toString(StandardCharsets.UTF_8)).isEqualTo("{\"stored\":3}");
        JsonNode line = logLines().get(0);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("message").asText()).isEqualTo("test run done");
        assertThat(line.get("requestId").asText()).isEqualTo("req-1");
        assertThat(line.get("source").asText()).isEqualTo("the source");
        assertThat(line.get("stored").asInt()).isEqualTo(3);
        assertThat(line.has("durationMs")).isTrue();
    }

    @Test
    void aFailedRunIsLoggedWithItsMessageAndRethrownWithoutAnAnswer() {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        assertThatThrownBy(() -> run.handle(new ByteArrayInputStream(new byte[0]), answer, new FixedContext("req-2", 9_000),
                "test run", "the source", invocation -> {
                    throw new WebexdevException("ThousandEyes path-vis MMP: HTTP 500 after 4 attempts");
                }))
                .isInstanceOf(WebexdevException.class);

        assertThat(answer.size()).isZero();
        JsonNode line = logLines().get(0);
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("message").asText()).isEqualTo("test run failed");
        assertThat(line.get("error").asText()).isEqualTo("ThousandEyes path-vis MMP: HTTP 500 after 4 attempts");
        assertThat(line.get("requestId").asText()).isEqualTo("req-2");
    }

    /** The parts of Lambda's context the run reads. */
    private record FixedContext(String requestId, int remainingMillis) implements com.amazonaws.services.lambda.runtime.Context {
        @Override public String getAwsRequestId() { return requestId; }
        @Override public String getLogGroupName() { return "/aws/lambda/webexdev-test"; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return "webexdev-test"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:webexdev-test"; }
        @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return remainingMillis; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() { return null; }
    }
}
