package com.webexqoe.te;

import com.webexqoe.common.secrets.SecretStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The webhook's shared secret: {@code TE_WEBHOOK_TOKEN} in the function's secret, which ThousandEyes'
 * "Token" authentication sends as {@code Authorization: Bearer <token>}. Compared in constant time
 * over SHA-256 digests, so neither the content nor the length of the expected token leaks.
 */
public final class WebhookToken {

    static final String TOKEN_KEY = "TE_WEBHOOK_TOKEN";

    private final SecretStore secrets;
    private final String secretName;

    public WebhookToken(SecretStore secrets, String secretName) {
        this.secrets = secrets;
        this.secretName = secretName;
    }

    /** The configured token, or empty when the endpoint is open. */
    public Optional<String> expected() {
        return secrets.get(secretName).optional(TOKEN_KEY);
    }

    /** Whether an {@code Authorization} header value carries {@code expected} as a bearer token. */
    static boolean matches(Optional<String> authorization, String expected) {
        String presented = "";
        if (authorization.isPresent()) {
            String value = authorization.get().trim();
            if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
                presented = value.substring(7).trim();
            }
        }
        return MessageDigest.isEqual(sha256(presented), sha256(expected)) && !presented.isEmpty();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
