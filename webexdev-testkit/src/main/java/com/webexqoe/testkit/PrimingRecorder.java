package com.webexqoe.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared part of every function's SnapStart priming test: one server that records each
 * request it gets, with DynamoDB, S3, Secrets Manager, Comprehend and any API the test points at it, and the
 * check that priming sent it nothing. What a function's priming must run (its steps, how many
 * SDK calls reached {@code PrimingGuard}) stays in that function's test.
 * <pre>
 * &#64;RegisterExtension final PrimingRecorder recorder = new PrimingRecorder();
 * ... new Handler(Env.of(recorder.env().set(...).toMap()), clock) ...
 * recorder.assertNothingSent();
 * </pre>
 */
public final class PrimingRecorder implements BeforeEachCallback, AfterEachCallback {

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

    @Override
    public void beforeEach(ExtensionContext context) {
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
    }

    /** The recorder's base URL, e.g. {@code http://localhost:52011}, for a function's API URLs. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** An environment with the four AWS endpoints on the recorder (and the stand-ins' region and keys). */
    public StandInEnv env() {
        URI endpoint = URI.create(server.baseUrl());
        return StandInEnv.create().dynamoDb(endpoint).s3(endpoint).secretsManager(endpoint).comprehend(endpoint);
    }

    /** Priming reached no service: not AWS, not the function's API. */
    public void assertNothingSent() {
        assertThat(server.getAllServeEvents()).extracting(ServeEvent::getRequest)
                .as("requests sent anywhere by priming").isEmpty();
    }
}
