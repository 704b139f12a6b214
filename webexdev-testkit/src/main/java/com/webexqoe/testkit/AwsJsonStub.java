package com.webexqoe.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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

    public static final String GET_SECRET_VALUE = "secretsmanager.GetSecretValue";
    public static final String PUT_SECRET_VALUE = "secretsmanager.PutSecretValue";

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public AwsJsonStub() {
        super(WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()));
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

    /** A JSON secret, answered for GetSecretValue on its name; PutSecretValue on it succeeds. */
    public void givenSecret(String name, Map<String, String> values) {
        String secretString;
        try {
            secretString = MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        givenSecretString(name, secretString);
    }

    /** A secret whose SecretString is given as is (to test malformed secrets). */
    public void givenSecretString(String name, String secretString) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("ARN", "arn:aws:secretsmanager:" + StandIns.REGION + ":000000000000:secret:" + name + "-AbCdEf")
                .put("Name", name)
                .put("VersionId", "00000000-0000-0000-0000-000000000001")
                .put("SecretString", secretString)
                .put("CreatedDate", 1.7e9);
        body.putArray("VersionStages").add("AWSCURRENT");
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_SECRET_VALUE))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(name)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE).withBody(body.toString())));
        ObjectNode putAnswer = MAPPER.createObjectNode()
                .put("ARN", body.get("ARN").asText())
                .put("Name", name)
                .put("VersionId", "00000000-0000-0000-0000-000000000002");
        putAnswer.putArray("VersionStages").add("AWSCURRENT");
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PUT_SECRET_VALUE))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(name)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CONTENT_TYPE).withBody(putAnswer.toString())));
    }

    /** No such secret: Secrets Manager's ResourceNotFoundException. */
    public void givenNoSecret(String name) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("__type", "ResourceNotFoundException")
                .put("message", "Secrets Manager can't find the specified secret.");
        stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_SECRET_VALUE))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(name)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", CONTENT_TYPE).withBody(body.toString())));
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
