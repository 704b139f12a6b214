package com.webexqoe.testkit;

import com.webexqoe.standins.StandIns;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Invokes a stream handler the way the Lambda runtime does: event bytes in, result bytes out,
 * with a context that carries a request id and a deadline.
 */
public final class LambdaInvoker {

    private LambdaInvoker() {
    }

    /** Invokes with an event from the test classpath (e.g. {@code /events/scheduled-event.json}). */
    public static String invokeWithResource(RequestStreamHandler handler, String functionName, String eventResource) {
        return invoke(handler, functionName, TestResources.bytes(eventResource));
    }

    public static String invoke(RequestStreamHandler handler, String functionName, String eventJson) {
        return invoke(handler, functionName, eventJson.getBytes(StandardCharsets.UTF_8));
    }

    private static String invoke(RequestStreamHandler handler, String functionName, byte[] event) {
        return invoke(handler, functionName, event, java.time.Duration.ofSeconds(15));
    }

    /**
     * Invokes with a context whose deadline is {@code timeout} from now (the function's Lambda
     * timeout): fault tests use a short one to prove a run ends before Lambda would kill it.
     */
    public static String invoke(RequestStreamHandler handler, String functionName, byte[] event, java.time.Duration timeout) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output,
                    new TestContext(functionName, UUID.randomUUID().toString(), System.currentTimeMillis() + timeout.toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    private record TestContext(String functionName, String requestId, long deadlineMillis) implements Context {

        TestContext(String functionName) {
            this(functionName, UUID.randomUUID().toString(), System.currentTimeMillis() + 15_000);
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + functionName;
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:" + StandIns.REGION + ":000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.print(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
