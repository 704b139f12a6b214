package com.webexqoe.twitter;

import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.secrets.Secret;
import com.webexqoe.common.secrets.SecretStore;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The route, per invocation, from the secret (cached a few minutes by {@link SecretStore}): v2 with
 * {@code TWITTER_BEARER_TOKEN} when the secret holds one, else v1.1 with the OAuth 1.0a keys.
 * {@link Twitter4jSearch} is only named on the v1.1 branch, so the v2 route never loads Twitter4J.
 */
public final class SecretSearchRoute implements SearchRoute {

    public static final String TWITTER_BEARER_TOKEN = "TWITTER_BEARER_TOKEN";

    private final SecretStore secrets;
    private final String secretName;
    private final HttpFetcher http;
    private final URI baseUrl;
    private final Clock clock;

    public SecretSearchRoute(SecretStore secrets, String secretName, HttpFetcher http, URI baseUrl, Clock clock) {
        this.secrets = secrets;
        this.secretName = secretName;
        this.http = http;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public PostSearch current() {
        Secret secret = secrets.get(secretName);
        Optional<String> bearer = secret.optional(TWITTER_BEARER_TOKEN);
        if (bearer.isPresent()) {
            return new XApiV2Search(http, baseUrl, bearer.get(), secretName);
        }
        return v11(secret);
    }

    private PostSearch v11(Secret secret) {
        return new Twitter4jSearch(baseUrl, OAuthKeys.from(secret), secretName, http.settings(),
                duration -> Thread.sleep(duration.toMillis()), clock);
    }
}
