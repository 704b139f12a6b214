package com.webexqoe.mtgquality;

import com.webexqoe.common.secrets.Secret;
import com.webexqoe.common.secrets.SecretStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two secrets of docs/behaviour.md#secrets: {@code webexdev/secrets} ({@code CLIENT_ID}, {@code CLIENT_SECRET},
 * {@code hostEmail}) and {@code webexdev/mtgquality-token} ({@code ACCESS_TOKEN},
 * {@code REFRESH_TOKEN}).
 */
public record SecretsManagerTokenSecrets(SecretStore store, String settingsSecret, String tokenSecret) implements TokenSecrets {

    static final String CLIENT_ID = "CLIENT_ID";
    static final String CLIENT_SECRET = "CLIENT_SECRET";
    static final String HOST_EMAIL = "hostEmail";
    static final String ACCESS_TOKEN = "ACCESS_TOKEN";
    static final String REFRESH_TOKEN = "REFRESH_TOKEN";

    @Override
    public IntegrationSettings integration() {
        Secret secret = store.get(settingsSecret);
        return new IntegrationSettings(secret.required(CLIENT_ID), secret.required(CLIENT_SECRET), secret.required(HOST_EMAIL));
    }

    @Override
    public String currentRefreshToken() {
        return store.getFresh(tokenSecret).required(REFRESH_TOKEN);
    }

    @Override
    public String save(TokenPair tokens) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put(ACCESS_TOKEN, tokens.accessToken());
        tokens.refreshToken().ifPresent(refresh -> changes.put(REFRESH_TOKEN, refresh));
        store.update(tokenSecret, changes);
        return tokenSecret;
    }

    @Override
    public String tokenSecretName() {
        return tokenSecret;
    }
}
