package com.webexqoe.te.webhook;

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

    static String basic(String userColonPassword) {
        return java.util.Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicCredentialsMatchOnlyTheExactPairSplitAtTheFirstColon() {
        assertThat(WebhookToken.basicMatches(basic("te:pa:ss"), "te", "pa:ss")).isTrue();
        assertThat(WebhookToken.basicMatches(basic("te:pa:ssx"), "te", "pa:ss")).isFalse();
        assertThat(WebhookToken.basicMatches(basic("tE:pa:ss"), "te", "pa:ss")).isFalse();
        assertThat(WebhookToken.basicMatches(basic("te"), "te", "")).as("no colon").isFalse();
        assertThat(WebhookToken.basicMatches("not base64!", "te", "pa:ss")).isFalse();
        WebhookToken.Credentials both = new WebhookToken.Credentials(Optional.of(TOKEN), Optional.of("te"), Optional.of("pa:ss"));
        assertThat(both.accepts(Optional.of("Basic " + basic("te:pa:ss")))).isTrue();
        assertThat(both.accepts(Optional.of("Bearer " + TOKEN))).isTrue();
        assertThat(both.accepts(Optional.of("Basic " + basic("te:" + TOKEN)))).isFalse();
        WebhookToken.Credentials basicOnly = WebhookToken.Credentials.basic("te", "pa:ss");
        assertThat(basicOnly.accepts(Optional.of("Bearer pa:ss"))).as("the wrong kind").isFalse();
        assertThat(basicOnly.challenge()).startsWith("Basic realm=");
        assertThat(WebhookToken.Credentials.none().open()).isTrue();
    }
}
