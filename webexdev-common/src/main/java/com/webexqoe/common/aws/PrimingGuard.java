package com.webexqoe.common.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SnapStart priming of the AWS clients without touching AWS: a request marked with
 * {@link #MARK} runs through the client's whole pipeline (marshalling, endpoint rules, auth scheme,
 * SigV4 signing, the other interceptors) and is stopped here, just before it would be sent. No
 * table is read or written, no secret is fetched, no connection is opened. Unmarked requests pass
 * untouched (one attribute lookup). Every client built by {@link AwsClientSettings} carries it.
 * Marked requests are signed with constant, invalid credentials (checked here), never the function's.
 */
public final class PrimingGuard implements ExecutionInterceptor {

    /** The execution attribute that marks a priming request. */
    public static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("webexdev.priming");

    /** The access key id of the constant credentials priming requests are signed with. */
    static final String PRIMING_KEY_ID = "PRIMINGNOTAKEY";

    /**
     * Request override configuration marking a request as priming. It also signs the request with
     * constant, invalid credentials, so that priming never resolves the function's own: under
     * SnapStart those come from the container credentials endpoint, and credentials resolved
     * before the snapshot would be kept in it.
     */
    public static final AwsRequestOverrideConfiguration MARK = AwsRequestOverrideConfiguration.builder()
            .putExecutionAttribute(PRIMING, Boolean.TRUE)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(PRIMING_KEY_ID, "priming")))
            .build();

    static final PrimingGuard INSTANCE = new PrimingGuard();

    private static final AtomicInteger STOPPED = new AtomicInteger();

    /** Thrown where a marked request would be sent. */
    public static final class Stopped extends RuntimeException {
        private Stopped(String operation) {
            super("priming request stopped before sending: " + operation, null, false, false);
        }
    }

    private PrimingGuard() {
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(PRIMING))) {
            String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse("");
            if (!authorization.contains("Credential=" + PRIMING_KEY_ID + "/")) {
                throw new IllegalStateException("a priming request was not signed with the priming credentials");
            }
            STOPPED.incrementAndGet();
            throw new Stopped(context.httpRequest().method() + " " + context.httpRequest().encodedPath());
        }
    }

    /**
     * Runs one marked SDK call, which must end stopped here; anything else (the call was sent,
     * or failed earlier) is an error naming it.
     */
    public static void prime(String what, Runnable markedCall) {
        try {
            markedCall.run();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Stopped) {
                    return;
                }
            }
            throw new IllegalStateException("priming " + what + " failed before the guard: " + e, e);
        }
        throw new IllegalStateException("priming " + what + " was not stopped: the request was sent");
    }

    /** How many marked requests were stopped in this JVM (tests check that priming reached the guard). */
    public static int stoppedCount() {
        return STOPPED.get();
    }
}
