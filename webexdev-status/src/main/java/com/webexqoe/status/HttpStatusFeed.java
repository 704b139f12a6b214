package com.webexqoe.status;

import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.time.Deadline;

import java.net.URI;
import java.net.http.HttpRequest;

/** The feed over HTTP, with the shared fetcher's timeouts and retries. */
public final class HttpStatusFeed implements StatusFeed {

    private final HttpFetcher http;
    private final URI url;

    public HttpStatusFeed(HttpFetcher http, URI url) {
        this.http = http;
        this.url = url;
    }

    @Override
    public String location() {
        return url.toString();
    }

    @Override
    public byte[] fetch(Deadline deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Accept", "application/rss+xml, application/xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "webexdev-status (Webex QoE Dashboard)")
                .GET();
        return http.send(request, "status feed", deadline).body();
    }
}
