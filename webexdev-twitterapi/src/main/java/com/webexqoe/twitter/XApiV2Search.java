package com.webexqoe.twitter;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.time.Deadline;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * X API v2 recent search with an app-only bearer token (X API reference, "GET /2/tweets/search/recent"):
 * the 10 most recent posts matching {@code Webex}, with {@code created_at}, {@code lang} and, for a
 * long post, {@code note_tweet} (whose {@code text} is the whole post; the top-level {@code text}
 * stops at 280 characters). Through {@link HttpFetcher}: the invocation's deadline, retries of
 * 429/5xx honouring {@code x-rate-limit-reset}, messages without the token or the query.
 */
public final class XApiV2Search implements PostSearch {

    static final String PATH_AND_QUERY = "/2/tweets/search/recent?query=Webex&max_results=10"
            + "&tweet.fields=created_at,lang,note_tweet";
    static final String SOURCE = "X API v2 recent search";

    private final HttpFetcher http;
    private final URI url;
    private final String bearerToken;
    private final String secretName;

    public XApiV2Search(HttpFetcher http, URI baseUrl, String bearerToken, String secretName) {
        this.http = http;
        this.url = URI.create(stripSlash(baseUrl.toString()) + PATH_AND_QUERY);
        this.bearerToken = bearerToken;
        this.secretName = secretName;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Post> recent(Deadline deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .header("User-Agent", "webexdev-twitterapi (Webex QoE Dashboard)")
                .GET();
        byte[] body;
        try {
            body = http.send(request, SOURCE, deadline).body();
        } catch (HttpStatusException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new TwitterSearchException(SOURCE + " refused the credential TWITTER_BEARER_TOKEN of secret "
                        + secretName + " (HTTP " + e.status() + (e.status() == 403
                        ? ": the token is not valid for this endpoint, or the app's access does not include search"
                        : ": the token is not valid") + ")", e);
            }
            throw new TwitterSearchException(e.getMessage(), e);
        } catch (WebexdevException e) {
            throw new TwitterSearchException(e.getMessage(), e);
        }
        return XApiV2Parser.parse(body);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
