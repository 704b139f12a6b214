package com.webexqoe.status;

import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.time.Deadline;

import java.net.URI;
import java.net.http.HttpRequest;

/** A document of status.webex.com over HTTP (the RSS feed, the JSON API's index.json), with the shared fetcher's timeouts and retries. */
public final class HttpStatusFeed implements StatusFeed {

    static final String RSS_ACCEPT = "application/rss+xml, application/xml;q=0.9, */*;q=0.1";
    static final String JSON_ACCEPT = "application/json, */*;q=0.1";

    private final HttpFetcher http;
    private final URI url;
    private final String accept;
    private final String what;

    public HttpStatusFeed(HttpFetcher http, URI url) {
        this(http, url, RSS_ACCEPT, "status feed");
    }

    public HttpStatusFeed(HttpFetcher http, URI url, String accept, String what) {
        this.http = http;
        this.url = url;
        this.accept = accept;
        this.what = what;
    }

    /** {@code <base>/index.json}, the API's summary (https://status.webex.com/api). */
    public static HttpStatusFeed api(HttpFetcher http, URI base) {
        String text = base.toString();
        return new HttpStatusFeed(http, URI.create((text.endsWith("/") ? text : text + "/") + "index.json"), JSON_ACCEPT, "status API");
    }

    @Override
    public String location() {
        return url.toString();
    }

    @Override
    public byte[] fetch(Deadline deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Accept", accept)
                .header("User-Agent", "webexdev-status (Webex QoE Dashboard)")
                .GET();
        return http.send(request, what, deadline).body();
    }
}
