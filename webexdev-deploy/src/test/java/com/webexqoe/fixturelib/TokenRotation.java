package com.webexqoe.fixturelib;

import com.webexqoe.common.secrets.SecretStore;

import java.util.Map;

/** Never run: a project class outside the fixture function's package, reached through it. */
public final class TokenRotation {

    private final SecretStore secrets;

    public TokenRotation(SecretStore secrets) {
        this.secrets = secrets;
    }

    public void rotate() {
        secrets.update("token", Map.of("ACCESS_TOKEN", "x"));
    }
}
