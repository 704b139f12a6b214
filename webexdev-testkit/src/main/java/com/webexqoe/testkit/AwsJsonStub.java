package com.webexqoe.testkit;

import com.webexqoe.standins.SecretsState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * JUnit extension: AWS services without a local stand-in (Secrets Manager, Comprehend) served by
 * WireMock speaking their JSON 1.1 protocol: {@code POST /}, {@code X-Amz-Target: <Service>.<Operation>},
 * {@code Content-Type: application/x-amz-json-1.1}; errors as 400 with {@code __type}.
 * One server per test class, reset before each test.
 */
public final class AwsJsonStub extends WireMockExtension {

    public static final String GET_SECRET_VALUE = SecretsState.GET_SECRET_VALUE;
    public static final String PUT_SECRET_VALUE = SecretsState.PUT_SECRET_VALUE;

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SecretsState secrets;

    public AwsJsonStub() {
        this(new SecretsState());
    }

    private AwsJsonStub(SecretsState secrets) {
        super(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(secrets)));
        this.secrets = secrets;
    }

    @Override
    protected void onBeforeEach(WireMockRuntimeInfo wireMockRuntimeInfo) {
        secrets.clear();
    }

    public URI endpoint() {
        return URI.create(getRuntimeInfo().getHttpBaseUrl());
    }

    /** Answers one operation with a JSON body (any request body). */
    public void answer(String target, String json) {
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE).withBody(json)));
    }

    /** Fails one operation with an HTTP status and an AWS error type. */
    public void fail(String target, int status, String errorType, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("__type", errorType).put("message", message);
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", CONTENT_TYPE).withBody(body.toString())));
    }

    /**
     * A JSON secret, served by a stateful Secrets Manager: GetSecretValue answers the current
     * value, PutSecretValue replaces it (so the next Get sees the new version).
     */
    public void givenSecret(String name, Map<String, ?> values) {
        String secretString;
        try {
            secretString = MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        givenSecretString(name, secretString);
    }

    /** A secret whose SecretString is given as is (to test malformed secrets, or exact JSON). */
    public void givenSecretString(String name, String secretString) {
        secrets.set(name, secretString);
        serveSecrets();
    }

    /** No such secret: Secrets Manager's ResourceNotFoundException. */
    public void givenNoSecret(String name) {
        secrets.remove(name);
        serveSecrets();
    }

    /** The secret's current SecretString, as the last PutSecretValue (or the test) left it. */
    public Optional<String> secretString(String name) {
        return secrets.current(name);
    }

    private void serveSecrets() {
        for (String target : List.of(GET_SECRET_VALUE, PUT_SECRET_VALUE)) {
            stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                    .willReturn(aResponse().withTransformers(SecretsState.NAME)));
        }
    }

    /** The JSON bodies of the requests made to one operation, in order. */
    public List<JsonNode> requests(String target) {
        return findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(AwsJsonStub::parse)
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
