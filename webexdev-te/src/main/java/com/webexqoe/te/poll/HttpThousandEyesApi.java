package com.webexqoe.te.poll;

import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.te.TeException;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * ThousandEyes over HTTP with the bearer token {@code TE_OAUTHBEARER_TOKEN_V7} from the secret on
 * every call (API v7 authentication: {@code Authorization: Bearer <token>}; v6 took it too). The
 * shared fetcher retries 429 and 5xx within the deadline, waiting for ThousandEyes'
 * {@code X-Organization-Rate-Limit-Reset} when it fits.
 */
public final class HttpThousandEyesApi implements ThousandEyesApi {

    static final String TOKEN_KEY = "TE_OAUTHBEARER_TOKEN_V7";

    private final HttpFetcher http;
    private final SecretStore secrets;
    private final String secretName;

    public HttpThousandEyesApi(HttpFetcher http, SecretStore secrets, String secretName) {
        this.http = http;
        this.secrets = secrets;
        this.secretName = secretName;
    }

    /** The invocation whose token read failed, and how: its other sources fail at once instead of asking again. */
    private Deadline failedFor;
    private RuntimeException failure;

    /**
     * The poll's five sources start at once: one of them reads the secret, the others wait for
     * the cached copy instead of each asking Secrets Manager on a cold start. When the read
     * fails, the other sources of the same invocation (same deadline) get the same failure
     * rather than each waiting for a hung Secrets Manager in turn, which would multiply the wait
     * by five and outlive the deadline.
     */
    private synchronized String token(Deadline deadline) {
        if (deadline == failedFor) {
            throw new TeException(failure.getMessage(), failure);
        }
        try {
            return secrets.get(secretName).required(TOKEN_KEY);
        } catch (RuntimeException e) {
            failedFor = deadline;
            failure = e;
            throw e;
        }
    }

    @Override
    public byte[] get(URI url, String source, Deadline deadline) {
        String token = token(deadline);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/hal+json, application/json;q=0.9")
                .header("User-Agent", "webexdev-te (Webex QoE Dashboard)")
                .GET();
        try {
            return http.send(request, source, deadline).body();
        } catch (HttpStatusException e) {
            if (e.status() == 401) {
                // A rotated token: read the secret afresh next time instead of keeping the cached one.
                secrets.invalidate(secretName);
            }
            throw e;
        }
    }
}
