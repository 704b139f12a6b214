package com.webexqoe.te.poll;

import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;

import java.net.URI;

/**
 * The ThousandEyes URLs of a poll, full URLs as configured (the original's five variables, and the
 * optional {@code API_URL_ALERTS}). Read
 * when a poll starts, not when the container starts: an invalid URL fails the poll, naming the
 * variable, and leaves the webhook working.
 */
public record PollUrls(URI mmp, URI wz, URI cd, URI net, URI http, URI alerts) {

    public PollUrls(URI mmp, URI wz, URI cd, URI net, URI http) {
        this(mmp, wz, cd, net, http, URI.create(EnvVars.API_URL_ALERTS_DEFAULT));
    }

    public static PollUrls fromEnv(Env env) {
        return new PollUrls(url(env, EnvVars.API_URL_MMP), url(env, EnvVars.API_URL_WZ), url(env, EnvVars.API_URL_CD),
                url(env, EnvVars.API_URL_MMP_NET), url(env, EnvVars.API_URL_HTTP_WEB),
                env.url(EnvVars.API_URL_ALERTS, EnvVars.API_URL_ALERTS_DEFAULT));
    }

    private static URI url(Env env, String name) {
        env.required(name);
        return env.url(name, null);
    }

    public URI pathVis(PathVisTest test) {
        return switch (test) {
            case MMP -> mmp;
            case WZ -> wz;
            case CB -> cd;
        };
    }
}
