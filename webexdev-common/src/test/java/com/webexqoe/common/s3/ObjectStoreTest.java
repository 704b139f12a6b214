package com.webexqoe.common.s3;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.S3ProxyExtension;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectStoreTest {

    @RegisterExtension
    static final S3ProxyExtension s3 = new S3ProxyExtension();

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
}
