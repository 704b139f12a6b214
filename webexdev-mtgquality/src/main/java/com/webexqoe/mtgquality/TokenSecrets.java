package com.webexqoe.mtgquality;

/** Port: where the integration's settings and the rotating token pair are kept. */
public interface TokenSecrets {

    /** Client id, client secret and host e-mail (may come from a container cache). */
    IntegrationSettings integration();

    /** The refresh token as stored right now (never from a cache: it rotates). */
    String currentRefreshToken();

    /**
     * Writes the new pair, keeping every other key of the token secret as it was.
     *
     * @return the name of the secret written, for log lines
     */
    String save(TokenPair tokens);

    /** The token secret's name, for messages. */
    String tokenSecretName();
}
