package com.webexqoe.local;

import com.webexqoe.standins.RuntimeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Runtime API stand-in that ./run-local and the benchmarks run their functions through, driven
 * the way the runtime interface client drives Lambda's: GET next, POST the response or the error.
 */
class RuntimeApiTest {

    private static final String BASE = "/2018-06-01/runtime";
    private final RuntimeApi api = new RuntimeApi("webexdev-core", "ap-northeast-1");
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        api.close();
    }

    private HttpResponse<String> next() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + BASE + "/invocation/next")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + BASE + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void handsOutEachEventWithLambdasHeadersAndCompletesItWithTheAnswer() throws Exception {
        CompletableFuture<RuntimeApi.Outcome> first = api.submit("{\"n\":1}", 1_900_000_000_000L);
        CompletableFuture<RuntimeApi.Outcome> second = api.submit("{\"n\":2}");

        HttpResponse<String> event = next();
        assertThat(event.body()).isEqualTo("{\"n\":1}");
        assertThat(event.headers().firstValue("Lambda-Runtime-Deadline-Ms")).hasValue("1900000000000");
        assertThat(event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .hasValue("arn:aws:lambda:ap-northeast-1:000000000000:function:webexdev-core");
        String requestId = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        assertThat(post("/invocation/" + requestId + "/response", "{\"health\":\"75.7\"}")).isEqualTo(202);

        RuntimeApi.Outcome outcome = first.get(5, TimeUnit.SECONDS);
        assertThat(outcome.error()).isFalse();
        assertThat(outcome.body()).isEqualTo("{\"health\":\"75.7\"}");
        assertThat(outcome.millis()).isGreaterThanOrEqualTo(0);
        assertThat(second).isNotDone();

        String secondId = next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        post("/invocation/" + secondId + "/error", "{\"errorMessage\":\"boom\"}");
        assertThat(second.get(5, TimeUnit.SECONDS).error()).isTrue();
        assertThat(second.get().body()).contains("boom");
    }

    @Test
    void anInitErrorFailsEveryUnansweredEventAndIsKeptUntilCleared() throws Exception {
        CompletableFuture<RuntimeApi.Outcome> first = api.submit("{}");
        CompletableFuture<RuntimeApi.Outcome> second = api.submit("{}");

        post("/init/error", "{\"errorMessage\":\"DYNAMODB_TABLENAME is not set\"}");

        assertThat(first.get(5, TimeUnit.SECONDS).error()).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS).body()).contains("DYNAMODB_TABLENAME is not set");
        assertThat(api.initError()).hasValueSatisfying(error -> assertThat(error).contains("DYNAMODB_TABLENAME"));
        api.clearInitError();
        assertThat(api.initError()).isEmpty();
    }

    @Test
    void aWithdrawnEventIsNeverHandedOutAndADeadJvmFailsTheRest() throws Exception {
        CompletableFuture<RuntimeApi.Outcome> late = api.submit("{\"late\":true}");
        CompletableFuture<RuntimeApi.Outcome> kept = api.submit("{\"kept\":true}");
        api.withdraw(late);

        assertThat(next().body()).isEqualTo("{\"kept\":true}");
        api.failUnanswered("{\"errorMessage\":\"webexdev-core exited with code 1\"}");

        assertThat(kept.get(5, TimeUnit.SECONDS).body()).contains("exited with code 1");
        assertThat(late).isNotDone();
    }
}
