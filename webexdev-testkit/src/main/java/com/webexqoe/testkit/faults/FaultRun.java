package com.webexqoe.testkit.faults;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.webexqoe.testkit.LambdaInvoker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One invocation of a handler's real entry point with a short Lambda deadline, everything it
 * wrote to standard output and error captured (the handlers' {@code JsonLog} writes to
 * {@code System.out}, so the handler must be built inside {@link #invoke}), and its outcome:
 * the answer or the exception, and how long it took.
 */
public final class FaultRun {

    private final String answer;
    private final RuntimeException error;
    private final String output;
    private final Duration elapsed;
    private final Duration timeout;

    private FaultRun(String answer, RuntimeException error, String output, Duration elapsed, Duration timeout) {
        this.answer = answer;
        this.error = error;
        this.output = output;
        this.elapsed = elapsed;
        this.timeout = timeout;
    }

    /**
     * Builds the handler (so that its log goes to the capture) and invokes it once with
     * {@code event} and a Lambda deadline {@code timeout} from now.
     */
    public static FaultRun invoke(Supplier<? extends RequestStreamHandler> handler, String function, byte[] event, Duration timeout) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        long started = System.nanoTime();
        String answer = null;
        RuntimeException error = null;
        try {
            answer = LambdaInvoker.invoke(handler.get(), function, event, timeout);
        } catch (RuntimeException e) {
            error = e;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        String output = captured.toString(StandardCharsets.UTF_8);
        out.print(output); // still in the test's report
        return new FaultRun(answer, error, output, elapsed, timeout);
    }

    public String answer() {
        return answer;
    }

    public RuntimeException error() {
        return error;
    }

    public String output() {
        return output;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The messages of the exception and of every cause, one a line. */
    public String messages() {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(t.getClass().getName() + ": " + t.getMessage());
            for (Throwable suppressed : t.getSuppressed()) {
                messages.add(suppressed.getClass().getName() + ": " + suppressed.getMessage());
            }
        }
        return String.join("\n", messages);
    }

    /** The whole stack trace, causes included, as it would be printed. */
    public String stackTrace() {
        if (error == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Ended before the Lambda deadline. */
    public FaultRun endedInTime() {
        assertThat(elapsed).as("run time against the Lambda timeout " + timeout).isLessThan(timeout);
        return this;
    }

    /** Failed, with a top-level message naming the dependency (each of {@code names}, case-insensitively). */
    public FaultRun failedNaming(String... names) {
        assertThat(error).as("the invocation's error (answer was " + answer + ")").isNotNull();
        for (String name : names) {
            assertThat(error.getMessage()).as("error message").containsIgnoringCase(name);
        }
        return this;
    }

    /** Succeeded; the answer is returned for further checks. */
    public String succeeded() {
        assertThat(error).as("error of a run that should succeed: " + messages()).isNull();
        return answer;
    }

    /**
     * None of {@code secrets} in the log, the answer, the error's messages (causes included) or
     * its stack trace; no fault body ({@link HttpFault#BODY_MARKER}) in the log, the answer or the
     * error's own message. (A cause may be an AWS SDK exception, whose message is the service's
     * error text by design: that is what Lambda reports as the cause, and it holds no secret.)
     */
    public FaultRun leaksNothing(Collection<String> secrets) {
        String everything = output + "\n" + answer + "\n" + messages() + "\n" + stackTrace();
        for (String secret : secrets) {
            assertThat(everything).as("log, answer and error chain of the run").doesNotContain(secret);
        }
        String visible = output + "\n" + answer + "\n" + (error == null ? "" : error.getMessage());
        assertThat(visible).as("log, answer and error message of the run").doesNotContain(HttpFault.BODY_MARKER);
        return this;
    }
}
