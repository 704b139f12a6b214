package com.webexqoe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live mode's Secrets Manager: served from the user's file, rotations written back to it safely. */
class SecretsServiceTest {

    @TempDir
    Path dir;

    private WireMockServer server;

    /** The service behind WireMock as the local run serves it, read through the functions' own SecretStore. */
    private SecretStore serve(SecretsService service) {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(service.state()));
        server.start();
        for (String target : List.of("secretsmanager.GetSecretValue", "secretsmanager.PutSecretValue")) {
            server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                    .willReturn(aResponse().withTransformers(com.webexqoe.standins.SecretsState.NAME)));
        }
        Env env = Env.of(StandInEnv.create().secretsManager(java.net.URI.create(server.baseUrl())).toMap());
        return new SecretStore(SecretsManagerClients.create(AwsClientSettings.fromEnv(env)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRotationIsWrittenBackToTheFileKeepingEverythingElse() throws Exception {
        Path file = dir.resolve("local-secrets.json");
        Files.writeString(file, """
                {"webexdev/secrets": {"CLIENT_ID": "id-1", "CLIENT_SECRET": "s-1"},
                 "webexdev/mtgquality-token": {"ACCESS_TOKEN": "a-1", "REFRESH_TOKEN": "r-1", "expires_in": 1209599},
                 "environment": {"API_URL_MMP": "https://api.thousandeyes.com/v7/test-results/1/path-vis"}}""");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SecretsService service = SecretsService.fromFile(file, LocalSystem.SECRETS, LocalSystem.TOKEN_SECRET);

        SecretStore store = serve(service);

        store.update(LocalSystem.TOKEN_SECRET, Map.of("ACCESS_TOKEN", "a-2", "REFRESH_TOKEN", "r-2"));

        JsonNode onDisk = Json.read(Files.readString(file));
        assertThat(onDisk.path(LocalSystem.TOKEN_SECRET).path("ACCESS_TOKEN").asText()).isEqualTo("a-2");
        assertThat(onDisk.path(LocalSystem.TOKEN_SECRET).path("expires_in").isNumber()).isTrue();
        assertThat(onDisk.path(LocalSystem.SECRETS).path("CLIENT_SECRET").asText()).isEqualTo("s-1");
        assertThat(onDisk.path("environment").path("API_URL_MMP").asText()).endsWith("/path-vis");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.getFresh(LocalSystem.TOKEN_SECRET).required("REFRESH_TOKEN")).isEqualTo("r-2");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void theEnvironmentObjectIsNoSecretAndAMissingSecretIsNotFound() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"webexdev/secrets\": {}, \"webexdev/mtgquality-token\": {}, \"environment\": {}}");
        SecretsService service = SecretsService.fromFile(file, LocalSystem.SECRETS, LocalSystem.TOKEN_SECRET);

        SecretStore store = serve(service);

        assertThatThrownBy(() -> store.get("environment")).hasMessage("secret environment does not exist in Secrets Manager");
        assertThatThrownBy(() -> store.get("other")).hasMessage("secret other does not exist in Secrets Manager");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> SecretsService.fromFile(file, LocalSystem.SECRETS, LocalSystem.TOKEN_SECRET))
                .hasMessageStartingWith("secrets file " + file + " must hold a JSON object");
    }
}
