package com.webexqoe.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.webexqoe.common.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Secrets Manager for the local run ({@code GetSecretValue}, {@code PutSecretValue}). In demo mode
 * the secrets live in memory; in live mode they come from the user's secrets file, and a rotation
 * (mtgquality's new Webex token pair) is written back to that file atomically — a temporary file
 * beside it, then a rename — with permissions 0600.
 */
final class SecretsService implements ResponseDefinitionTransformerV2 {

    static final String NAME = "local-secrets";
    /** The file's optional object of non-secret settings (ThousandEyes URLs, TZ, …). */
    static final String ENVIRONMENT_KEY = "environment";

    private final ObjectNode document;
    private final Optional<Path> file;
    private final AtomicInteger versions = new AtomicInteger();

    private SecretsService(ObjectNode document, Optional<Path> file) {
        this.document = document;
        this.file = file;
    }

    static SecretsService inMemory(ObjectNode secrets) {
        return new SecretsService(secrets, Optional.empty());
    }

    /** Reads and checks the user's secrets file; a malformed one stops the start with its problem named. */
    static SecretsService fromFile(Path path, String... requiredSecrets) {
        JsonNode node;
        try {
            node = Json.read(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the file's text: name the place only.
            throw new StartupException("secrets file " + path + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new StartupException("cannot read secrets file " + path + ": " + e.getMessage(), e);
        }
        if (!node.isObject()) {
            throw new StartupException("secrets file " + path + " must hold a JSON object with the keys "
                    + String.join(" and ", requiredSecrets));
        }
        for (String name : requiredSecrets) {
            if (!node.path(name).isObject()) {
                throw new StartupException("secrets file " + path + " has no object \"" + name + "\" (see local-secrets.example.json)");
            }
        }
        if (node.has(ENVIRONMENT_KEY) && !node.get(ENVIRONMENT_KEY).isObject()) {
            throw new StartupException("secrets file " + path + ": \"" + ENVIRONMENT_KEY + "\" must be an object of settings");
        }
        return new SecretsService((ObjectNode) node, Optional.of(path));
    }

    /** The non-secret settings of a live-mode file, if any. */
    synchronized Optional<JsonNode> environment() {
        return Optional.ofNullable(document.get(ENVIRONMENT_KEY));
    }

    synchronized Optional<JsonNode> secret(String name) {
        return Optional.ofNullable(document.get(name));
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
        JsonNode request;
        try {
            request = Json.read(serveEvent.getRequest().getBodyAsString());
        } catch (JsonProcessingException e) {
            return AwsJson.error(400, "SerializationException", "request is not JSON");
        }
        String id = request.path("SecretId").asText();
        JsonNode secret = document.get(id);
        if (secret == null || !secret.isObject() || ENVIRONMENT_KEY.equals(id)) {
            return AwsJson.error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
        ObjectNode answer = Json.object()
                .put("ARN", "arn:aws:secretsmanager:" + LocalSystem.REGION + ":000000000000:secret:" + id + "-local")
                .put("Name", id)
                .put("VersionId", String.format("00000000-0000-0000-0000-%012d", versions.incrementAndGet()));
        answer.putArray("VersionStages").add("AWSCURRENT");
        if ("secretsmanager.PutSecretValue".equals(target)) {
            JsonNode written;
            try {
                written = Json.read(request.path("SecretString").asText());
            } catch (JsonProcessingException e) {
                return AwsJson.error(400, "InvalidParameterException", "SecretString is not JSON");
            }
            document.set(id, written);
            file.ifPresent(this::writeBack);
        } else {
            answer.put("SecretString", Json.write(secret)).put("CreatedDate", 1.7e9);
        }
        return AwsJson.ok(answer);
    }

    private void writeBack(Path path) {
        try {
            Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".secrets-", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows and the like: the file system's defaults apply.
            }
            Files.writeString(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document), StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rotated secret back to " + path, e);
        }
    }
}
