package com.webexqoe.common.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
 * JSON secrets from Secrets Manager, cached per container for a few minutes (SPEC 3) so a warm
 * function does not pay a round trip per run; a write replaces the cached copy at once.
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

    public Secret get(String name) {
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) {
            return cached.secret();
        }
        Secret secret = fetch(name);
        cache.put(name, new Cached(secret, now));
        return secret;
    }

    /** Writes a new version of a JSON secret (token rotation) and caches it. */
    public void put(Secret secret) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(secret.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write secret " + secret.name() + " as JSON", e);
        }
        client.putSecretValue(request -> request.secretId(secret.name()).secretString(json));
        cache.put(secret.name(), new Cached(secret, clock.instant()));
    }

    private Secret fetch(String name) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(request -> request.secretId(name));
        } catch (ResourceNotFoundException e) {
            throw new WebexdevException("secret " + name + " does not exist in Secrets Manager", e);
        }
        return parse(name, response.secretString());
    }

    static Secret parse(String name, String secretString) {
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
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        });
        return new Secret(name, values);
    }
}
