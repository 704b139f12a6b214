package com.webexqoe.twitter;

import com.webexqoe.common.secrets.Secret;

/**
 * The OAuth 1.0a user-context keys of the v1.1 route, by their names in the secret (the
 * original's). {@link #toString()} names the keys only.
 */
public record OAuthKeys(String apiKey, String apiSecret, String token, String tokenSecret) {

    public static final String API_KEY = "API_KEY";
    public static final String API_SECRET = "API_SECRET";
    public static final String TWITTER_TOKEN = "TWITTER_TOKEN";
    public static final String TWITTER_TOKEN_SECRET = "TWITTER_TOKEN_SECRET";

    /** @throws com.webexqoe.common.WebexdevException naming the first key the secret lacks */
    public static OAuthKeys from(Secret secret) {
        return new OAuthKeys(secret.required(API_KEY), secret.required(API_SECRET),
                secret.required(TWITTER_TOKEN), secret.required(TWITTER_TOKEN_SECRET));
    }

    @Override
    public String toString() {
        return "OAuthKeys[" + API_KEY + ", " + API_SECRET + ", " + TWITTER_TOKEN + ", " + TWITTER_TOKEN_SECRET + "]";
    }
}
