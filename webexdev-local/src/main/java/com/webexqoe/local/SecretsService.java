package com.webexqoe.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.standins.SecretsState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Secrets Manager for the local run ({@code GetSecretValue}, {@code PutSecretValue}). In demo mode
 * the secrets live in memory; in live mode they come from the user's secrets file, and a rotation
 * (mtgquality's new Webex token pair) is written back to that file atomically — a temporary file
 * beside it, then a rename — with permissions 0600.
 */
final class SecretsService {

    /** The file's optional object of non-secret settings (ThousandEyes URLs, TZ, …). */
    static final String ENVIRONMENT_KEY = "environment";

    private final ObjectNode document;
    private final Optional<Path> file;

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

    /**
     * The Secrets Manager stand-in serving these secrets (every top-level object but
     * {@code environment}); a write is kept in the document and, in live mode, written back to the file.
     */
    synchronized SecretsState state() {
        SecretsState state = new SecretsState(this::written);
        document.fields().forEachRemaining(field -> {
            if (!ENVIRONMENT_KEY.equals(field.getKey()) && field.getValue().isObject()) {
                state.set(field.getKey(), Json.write(field.getValue()));
            }
        });
        return state;
    }

    private synchronized void written(String name, String secretString) {
        try {
            document.set(name, Json.read(secretString));
        } catch (JsonProcessingException e) {
            // A secret string that is not JSON is kept by the stand-in but not put in the file.
            return;
        }
        file.ifPresent(this::writeBack);
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
