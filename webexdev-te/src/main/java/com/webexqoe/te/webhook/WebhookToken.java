package com.webexqoe.te.webhook;

import com.webexqoe.common.secrets.SecretStore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The webhook's credentials in the function's secret, the two kinds ThousandEyes' webhooks offer
 * besides None and OAuth: {@code TE_WEBHOOK_TOKEN} for "Token" ({@code Authorization: Bearer <token>}),
 * {@code TE_WEBHOOK_USERNAME} + {@code TE_WEBHOOK_PASSWORD} for "Basic" ({@code Authorization: Basic
 * base64(user:password)}, RFC 7617). Compared in constant time over SHA-256 digests, so neither the
 * content nor the length of an expected value leaks.
 */
public final class WebhookToken {

    static final String TOKEN_KEY = "TE_WEBHOOK_TOKEN";
    static final String USERNAME_KEY = "TE_WEBHOOK_USERNAME";
    static final String PASSWORD_KEY = "TE_WEBHOOK_PASSWORD";

    /**
     * What the secret configures; an empty value counts as not set.
     *
     * @param token    the bearer token
     * @param username the Basic user name (configured when it or the password is set)
     * @param password the Basic password
     */
    public record Credentials(Optional<String> token, Optional<String> username, Optional<String> password) {

        public static Credentials none() {
            return new Credentials(Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Credentials bearer(String token) {
            return new Credentials(Optional.of(token), Optional.empty(), Optional.empty());
        }

        public static Credentials basic(String username, String password) {
            return new Credentials(Optional.empty(), Optional.of(username), Optional.of(password));
        }

        boolean basicConfigured() {
            return username.isPresent() || password.isPresent();
        }

        /** No credentials at all: the endpoint is open. */
        public boolean open() {
            return token.isEmpty() && !basicConfigured();
        }

        /** The {@code WWW-Authenticate} challenge of a 401: the kinds configured. */
        String challenge() {
            if (token.isPresent() && basicConfigured()) {
                return "Bearer, Basic realm=\"webexdev-te\", charset=\"UTF-8\"";
            }
            return basicConfigured() ? "Basic realm=\"webexdev-te\", charset=\"UTF-8\"" : "Bearer";
        }

        /** Whether an {@code Authorization} header value carries a configured credential of its kind. */
        boolean accepts(Optional<String> authorization) {
            String value = authorization.map(String::trim).orElse("");
            String scheme = value.contains(" ") ? value.substring(0, value.indexOf(' ')).toLowerCase(Locale.ROOT) : "";
            String presented = value.contains(" ") ? value.substring(value.indexOf(' ') + 1).trim() : "";
            if (scheme.equals("bearer") && token.isPresent()) {
                return matches(authorization, token.get());
            }
            if (scheme.equals("basic") && basicConfigured()) {
                return basicMatches(presented, username.orElse(""), password.orElse(""));
            }
            return false;
        }
    }

    private final SecretStore secrets;
    private final String secretName;

    public WebhookToken(SecretStore secrets, String secretName) {
        this.secrets = secrets;
        this.secretName = secretName;
    }

    /** The configured token, or empty when none is. */
    public Optional<String> expected() {
        return credentials().token();
    }

    /** Every credential the secret configures. */
    public Credentials credentials() {
        com.webexqoe.common.secrets.Secret secret = secrets.get(secretName);
        return new Credentials(nonEmpty(secret.optional(TOKEN_KEY)), nonEmpty(secret.optional(USERNAME_KEY)),
                nonEmpty(secret.optional(PASSWORD_KEY)));
    }

    private static Optional<String> nonEmpty(Optional<String> value) {
        return value.filter(text -> !text.isEmpty());
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

    /** The Basic credentials {@code base64(user:password)} against the expected pair; both compared, always. */
    static boolean basicMatches(String presented, String username, String password) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(presented), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? "" : decoded.substring(0, colon);
        String pass = colon < 0 ? "" : decoded.substring(colon + 1);
        boolean userMatches = MessageDigest.isEqual(sha256(user), sha256(username));
        boolean passwordMatches = MessageDigest.isEqual(sha256(pass), sha256(password));
        return userMatches & passwordMatches & colon >= 0;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
