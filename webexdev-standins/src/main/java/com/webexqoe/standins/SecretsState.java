package com.webexqoe.standins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager inside a WireMock stand-in (the tests' {@link AwsJsonStub} and the local run):
 * {@code GetSecretValue} answers the current value, {@code PutSecretValue} replaces it, so a
 * token rotation can be asserted end to end; a listener hears every write (the local run writes
 * it back to the user's secrets file). Register it as an extension and route both operations to
 * the transformer {@link #NAME}.
 */
public final class SecretsState implements ResponseDefinitionTransformerV2 {

    /** The two Secrets Manager operations (X-Amz-Target) the functions call. */
    public static final String GET_SECRET_VALUE = "secretsmanager.GetSecretValue";
    public static final String PUT_SECRET_VALUE = "secretsmanager.PutSecretValue";

    public static final String NAME = "secrets-state";

    /** Hears a {@code PutSecretValue}: the secret's name and its new secret string. */
    @FunctionalInterface
    public interface WriteListener {
        void written(String name, String secretString);
    }

    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger versions = new AtomicInteger();
    private final WriteListener listener;

    public SecretsState(WriteListener listener) {
        this.listener = listener;
    }

    public SecretsState() {
        this((name, secretString) -> { });
    }

    public void clear() {
        secrets.clear();
    }

    public void set(String name, String secretString) {
        secrets.put(name, secretString);
    }

    public void remove(String name) {
        secrets.remove(name);
    }

    public Optional<String> current(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        String target = serveEvent.getRequest().getHeader("X-Amz-Target");
        JsonNode body;
        try {
            body = MAPPER.readTree(serveEvent.getRequest().getBodyAsString());
        } catch (IOException e) {
            return error(400, "SerializationException", "Start of structure or map found where not expected.");
        }
        String id = body.path("SecretId").asText();
        String arn = "arn:aws:secretsmanager:" + StandIns.REGION + ":000000000000:secret:" + id + "-AbCdEf";
        String version = String.format("00000000-0000-0000-0000-%012d", versions.incrementAndGet());
        if (!secrets.containsKey(id)) {
            return error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        ObjectNode answer = MAPPER.createObjectNode().put("ARN", arn).put("Name", id).put("VersionId", version);
        answer.putArray("VersionStages").add("AWSCURRENT");
        if (PUT_SECRET_VALUE.equals(target)) {
            String written = body.path("SecretString").asText();
            secrets.put(id, written);
            listener.written(id, written);
        } else {
            answer.put("SecretString", secrets.get(id)).put("CreatedDate", 1.7e9);
        }
        return ok(answer.toString());
    }

    private static ResponseDefinition ok(String json) {
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(200).withHeader("Content-Type", CONTENT_TYPE).withBody(json).build();
    }

    private static ResponseDefinition error(int status, String type, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("__type", type).put("message", message);
        return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
                .withStatus(status).withHeader("Content-Type", CONTENT_TYPE).withBody(body.toString()).build();
    }
}
