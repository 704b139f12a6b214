package com.webexqoe.common.secrets;

import com.webexqoe.common.aws.PrimingGuard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.Json;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON secrets from Secrets Manager. {@link #get} caches per container for a few minutes (docs/behaviour.md#secrets)
 * so a warm function does not pay a round trip per run; {@link #getFresh} bypasses the cache
 * (a secret that rotates, or a token that was just refused); {@link #update} writes back only
 * the keys it is given and keeps the rest of the JSON document exactly.
 */
public final class SecretStore {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private record Cached(Secret secret, Instant fetchedAt) {
    }

    private final SecretsManagerClient client;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SecretStore(SecretsManagerClient client, Clock clock, Duration ttl) {
        this.client = client;
        this.clock = clock;
        this.ttl = ttl;
    }

    public SecretStore(SecretsManagerClient client) {
        this(client, Clock.systemUTC(), DEFAULT_TTL);
    }

    /** The secret, from this container's cache when it is younger than the TTL. */
    public Secret get(String name) {
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) {
            return cached.secret();
        }
        return getFresh(name);
    }

    /** The secret as Secrets Manager holds it now (and cached for later {@link #get} calls). */
    public Secret getFresh(String name) {
        Instant now = clock.instant();
        Secret secret = fetch(name);
        cache.put(name, new Cached(secret, now));
        return secret;
    }

    /** Forgets the cached copy, e.g. after a cached token was refused with 401. */
    public void invalidate(String name) {
        cache.remove(name);
    }

    /**
     * Writes a new version in which the given keys have the given text values; every other key
     * and value of the current document (read fresh, not from the cache) stays exactly as it was.
     *
     * @return the secret as written
     */
    public Secret update(String name, Map<String, String> changes) {
        ObjectNode document = (ObjectNode) parseDocument(name, fetchString(name));
        changes.forEach(document::put);
        String json = writeDocument(name, document);
        try {
            client.putSecretValue(request -> request.secretId(name).secretString(json));
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw unreachable(name, e);
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            throw failed(name, e);
        }
        Secret written = parse(name, json);
        cache.put(name, new Cached(written, clock.instant()));
        return written;
    }

    private String fetchString(String name) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(name));
        } catch (ResourceNotFoundException e) {
            throw new WebexdevException("secret " + name + " does not exist in Secrets Manager", e);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw unreachable(name, e);
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            throw failed(name, e);
        }
        return response.secretString();
    }

    private Secret fetch(String name) {
        return parse(name, fetchString(name));
    }

    static Secret parse(String name, String secretString) {
        JsonNode node = parseDocument(name, secretString);
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                values.put(field.getKey(), value.isValueNode() ? value.asText() : writeDocument(name, value));
            }
        });
        return new Secret(name, values, secretString);
    }

    private static JsonNode parseDocument(String name, String secretString) {
        if (secretString == null || secretString.isBlank()) {
            throw new WebexdevException("secret " + name + " has no value yet (fill it in Secrets Manager)");
        }
        JsonNode node;
        try {
            node = Json.read(secretString);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the value: leave it out.
            throw new WebexdevException("secret " + name + " is not valid JSON");
        }
        if (!node.isObject()) {
            throw new WebexdevException("secret " + name + " is not a JSON object of key/value pairs");
        }
        return node;
    }

    private static String writeDocument(String name, JsonNode document) {
        try {
            return Json.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write secret " + name + " as JSON", e);
        }
    }

    /** Unreachable, hung or refusing: the SDK's message names neither the service nor the secret. */
    private static WebexdevException unreachable(String name, RuntimeException e) {
        if (String.valueOf(e.getMessage()).startsWith("Unable to unmarshall response")) {
            // The JSON parser's message may quote what it read, and this answer carries the secret's
            // value: neither its message nor the exception itself goes any further.
            return new WebexdevException("Secrets Manager secret " + name + ": the answer could not be read");
        }
        return new WebexdevException("Secrets Manager secret " + name + " unreachable: " + e.getMessage(), e);
    }

    /** A service error by its status and error code only: its message is the server's text. */
    private static WebexdevException failed(String name, software.amazon.awssdk.awscore.exception.AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return new WebexdevException("Secrets Manager secret " + name + ": HTTP " + e.statusCode()
                + (code == null || code.isBlank() ? "" : " (" + code + ")"), e);
    }

    /**
     * SnapStart priming: marshals and signs a GetSecretValue of {@code name} through the real
     * client, stopped by {@code PrimingGuard} before it is sent, and parses a constant JSON object
     * the way a secret is parsed. No secret value is read, cached or kept.
     */
    public void prime(String name) {
        PrimingGuard.prime("GetSecretValue", () -> client.getSecretValue(r -> r.secretId(name)
                .overrideConfiguration(PrimingGuard.MARK)));
        try {
            Json.MAPPER.readTree("{\"key\":\"value\",\"other\":\"value\"}");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
