package com.webexqoe.te;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's token check: right, wrong, shorter, longer and empty tokens; and it is made
 * with {@code MessageDigest.isEqual} over SHA-256 digests (constant time, equal lengths), which
 * the class file must refer to.
 */
class WebhookTokenTest {

    static final String TOKEN = "SECRET-te-webhook-token-4e8b0d2f";

    @Test
    void onlyTheExactBearerTokenMatches() {
        assertThat(WebhookToken.matches(Optional.of("Bearer " + TOKEN), TOKEN)).isTrue();
        assertThat(WebhookToken.matches(Optional.of("bearer  " + TOKEN + " "), TOKEN)).isTrue();
        assertThat(WebhookToken.matches(Optional.of("Bearer " + TOKEN + "x"), TOKEN)).isFalse();
        assertThat(WebhookToken.matches(Optional.of("Bearer " + TOKEN.substring(1)), TOKEN)).isFalse();
        assertThat(WebhookToken.matches(Optional.of("Bearer " + TOKEN.substring(0, 5)), TOKEN)).isFalse();
        assertThat(WebhookToken.matches(Optional.of("Basic " + TOKEN), TOKEN)).isFalse();
        assertThat(WebhookToken.matches(Optional.of(TOKEN), TOKEN)).isFalse();
        assertThat(WebhookToken.matches(Optional.of("Bearer "), "")).as("an empty token never matches").isFalse();
        assertThat(WebhookToken.matches(Optional.empty(), TOKEN)).isFalse();
    }

    @Test
    void theComparisonIsMessageDigestIsEqualOverDigests() throws Exception {
        byte[] classFile;
        try (InputStream in = WebhookToken.class.getResourceAsStream("WebhookToken.class")) {
            classFile = in.readAllBytes();
        }
        String constants = new String(classFile, StandardCharsets.ISO_8859_1);
        assertThat(constants).as("WebhookToken's constant pool")
                .contains("java/security/MessageDigest").contains("isEqual").contains("SHA-256");
    }
}
