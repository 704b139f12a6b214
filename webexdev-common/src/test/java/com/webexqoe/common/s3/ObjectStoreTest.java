package com.webexqoe.common.s3;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

class ObjectStoreTest {

    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();
    /** An S3 endpoint that records what the client sends. */
    @RegisterExtension
    static final WireMockExtension recorder = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /**
     * An upload is one plain body, byte for byte, not the SDK's aws-chunked frames with a trailing
     * checksum (S3Proxy answered those before reading the trailer and the client's write failed).
     */
    @Test
    void uploadsSendThePlainBodyInOnePiece() {
        recorder.stubFor(put(urlPathEqualTo("/webexdev-dashboard/data/graph.json")).willReturn(aResponse().withStatus(200)));
        Env env = Env.of(StandInEnv.create().s3(URI.create(recorder.baseUrl())).toMap());
        ObjectStore store = new ObjectStore(S3Clients.create(AwsClientSettings.fromEnv(env)), "webexdev-dashboard");
        byte[] body = "{\"nodes\":[]}".repeat(20_000).getBytes(StandardCharsets.UTF_8);

        store.put("data/graph.json", body, "application/json", "max-age=60", Map.of("sha256", "abc"));

        List<LoggedRequest> puts = recorder.findAll(putRequestedFor(urlPathEqualTo("/webexdev-dashboard/data/graph.json")));
        assertThat(puts).hasSize(1);
        LoggedRequest sent = puts.get(0);
        assertThat(sent.getBodyAsString()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        // integrity kept: the whole payload is signed, and its CRC32 travels in a header
        assertThat(sent.getHeader("x-amz-content-sha256")).isEqualTo(sha256Hex(body));
        assertThat(sent.getHeader("x-amz-checksum-crc32")).isEqualTo(crc32Base64(body));
        assertThat(sent.containsHeader("x-amz-decoded-content-length")).isFalse();
        assertThat(sent.containsHeader("x-amz-trailer")).isFalse();
        assertThat(sent.getHeader("x-amz-meta-sha256")).isEqualTo("abc");
    }

    @Test
    void putsObjectsWithContentTypeAndCacheControlThroughPathStyleClient() {
        s3.createBucket("webexdev-dashboard");
        Env env = Env.of(StandInEnv.create().s3(s3.endpoint()).toMap());
        ObjectStore store = new ObjectStore(S3Clients.create(AwsClientSettings.fromEnv(env)), "webexdev-dashboard");
        String page = "<!doctype html><title>Webex QoE Dashboard</title><p>天気 ☀</p>";

        store.putText("index.html", page, "text/html; charset=utf-8", "max-age=60");

        var stored = s3.get("webexdev-dashboard", "index.html");
        assertThat(stored.asUtf8String()).isEqualTo(page);
        // S3Proxy echoes the type without the space after ';' (FACTS.md).
        assertThat(stored.response().contentType().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(stored.response().cacheControl()).isEqualTo("max-age=60");
    }

    @Test
    void pathStyleIsOnOnlyWhenTheEndpointIsOverridden() {
        Env overridden = Env.of(StandInEnv.create().s3(s3.endpoint()).toMap());
        Env real = Env.of(StandInEnv.create().toMap());

        assertThat(AwsClientSettings.fromEnv(overridden).endpointOverride(AwsClientSettings.Service.S3)).contains(s3.endpoint());
        assertThat(AwsClientSettings.fromEnv(real).endpointOverride(AwsClientSettings.Service.S3)).isEmpty();
        assertThat(S3Clients.create(AwsClientSettings.fromEnv(overridden)).serviceClientConfiguration().endpointOverride())
                .contains(s3.endpoint());
    }

    @Test
    void headTellsMetadataOrAbsenceAndGetReadsBack() {
        s3.createBucket("webexdev-assets");
        Env env = Env.of(StandInEnv.create().s3(s3.endpoint()).toMap());
        ObjectStore store = new ObjectStore(S3Clients.create(AwsClientSettings.fromEnv(env)), "webexdev-assets");

        store.put("style.css", "body{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/css", "max-age=300",
                java.util.Map.of("sha256", "abc123"));

        assertThat(store.head("style.css")).get().satisfies(info -> {
            assertThat(info.metadata()).containsEntry("sha256", "abc123");
            assertThat(info.contentType()).isEqualTo("text/css");
            assertThat(info.length()).isEqualTo(6);
        });
        assertThat(store.head("missing.css")).isEmpty();
        assertThat(store.get("style.css")).get().extracting(String::new).isEqualTo("body{}");
        assertThat(store.get("missing.css")).isEmpty();
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String crc32Base64(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
