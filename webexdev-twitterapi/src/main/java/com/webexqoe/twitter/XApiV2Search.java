package com.webexqoe.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.Deadline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * X API v2 recent search with an app-only bearer token (X API reference, "GET /2/tweets/search/recent"):
 * {@code query} ({@code X_QUERY}), {@code max_results} ({@code X_MAX_RESULTS}), {@code since_id} when the
 * newest post read before is within the 7 days recent search covers, and {@code created_at}, {@code lang}
 * and, for a long post, {@code note_tweet} (whose {@code text} is the whole post; the top-level
 * {@code text} stops at 280 characters). Through {@link HttpFetcher}: the invocation's deadline,
 * retries of 429/5xx honouring {@code x-rate-limit-reset} only when the reset falls within the
 * deadline, messages without the token or the query.
 *
 * <p>Refusals are named from X's problem document ({@code title}, {@code type}, {@code reason}):
 * 402 out of credits, 403 access level (e.g. {@code client-not-enrolled}), 429 rate limit or usage
 * cap with its reset time (docs/webexdev-twitterapi.md#x-errors). None is retried by the next run
 * sooner than its schedule.
 */
public final class XApiV2Search implements PostSearch {

    static final String PATH = "/2/tweets/search/recent";
    static final String TWEET_FIELDS = "created_at,lang,note_tweet";
    static final String SOURCE = "X API v2 recent search";
    private static final DateTimeFormatter HH_MM_UTC = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final HttpFetcher http;
    private final String base;
    private final String bearerToken;
    private final String secretName;
    private final Clock clock;

    public XApiV2Search(HttpFetcher http, URI baseUrl, String bearerToken, String secretName) {
        this.http = http;
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.bearerToken = bearerToken;
        this.secretName = secretName;
        this.clock = http.clock();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** The request's URL: the query percent-encoded (a space as %20), {@code since_id} only when given. */
    URI url(Request search) {
        StringBuilder url = new StringBuilder(base).append(PATH)
                .append("?query=").append(encode(search.query()))
                .append("&max_results=").append(search.maxResults());
        search.sinceId().ifPresent(id -> url.append("&since_id=").append(encode(id)));
        url.append("&tweet.fields=").append(encode(TWEET_FIELDS));
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Found recent(Request search, Deadline deadline) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(search))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .header("User-Agent", "webexdev-twitterapi (Webex QoE Dashboard)")
                .GET();
        byte[] body;
        try {
            body = http.send(request, SOURCE, deadline).body();
        } catch (HttpStatusException e) {
            throw named(e);
        } catch (WebexdevException e) {
            throw new TwitterSearchException(e.getMessage(), e);
        }
        return XApiV2Parser.read(body);
    }

    private TwitterSearchException named(HttpStatusException e) {
        int status = e.status();
        Problem problem = Problem.of(e.body());
        String http = "HTTP " + status + problem.suffix();
        return switch (status) {
            case 401 -> TwitterSearchException.refused(SOURCE + " refused the credential TWITTER_BEARER_TOKEN of secret "
                    + secretName + " (" + http + ": the token is not valid)", http + ": bearer token refused", e);
            case 402 -> TwitterSearchException.refused(SOURCE + ": out of credits (" + http + "); add credits to the"
                    + " X developer account's pay-per-use balance; not retried before the next scheduled run",
                    http + ": out of credits", e);
            case 403 -> TwitterSearchException.refused(SOURCE + " refused the credential TWITTER_BEARER_TOKEN of secret "
                    + secretName + " (" + http + ": the app's access level does not include recent search, e.g. an app"
                    + " outside a Project or not enrolled in pay-per-use)", http + ": access level", e);
            case 429 -> TwitterSearchException.refused(SOURCE + ": rate limit or usage cap (" + http + ")"
                    + e.retryAfter().map(wait -> ", x-rate-limit-reset at " + HH_MM_UTC.format(clock.instant().plus(wait)))
                    .orElse("") + "; not retried before the next scheduled run", http + ": rate limit or usage cap", e);
            default -> new TwitterSearchException(e.getMessage(), e);
        };
    }

    /**
     * The name parts of X's problem document (RFC 9457 as X sends it: {@code title} and, for 403, a
     * {@code reason}; the last segment of {@code type} when there is no title), each cut to a short token of safe characters; never its
     * {@code detail} (which can carry account ids).
     */
    record Problem(List<String> names) {

        static Problem of(byte[] body) {
            List<String> names = new ArrayList<>();
            if (body == null || body.length == 0 || body[0] != '{') {
                return new Problem(names);
            }
            try {
                JsonNode root = Json.MAPPER.readTree(body);
                add(names, root.path("title").asText(""));
                add(names, root.path("reason").asText(""));
                String type = root.path("type").asText("");
                if (names.isEmpty() && type.contains("/problems/")) {
                    add(names, type.substring(type.lastIndexOf('/') + 1));
                }
            } catch (IOException | RuntimeException unreadable) {
                // a body that is no problem document names nothing
            }
            return new Problem(names);
        }

        private static void add(List<String> names, String value) {
            String clean = value.replaceAll("[^A-Za-z0-9 _.:-]", "").trim();
            if (!clean.isEmpty() && clean.length() <= 64 && !names.contains(clean)) {
                names.add(clean);
            }
        }

        String suffix() {
            return names.isEmpty() ? "" : " " + String.join(", ", names);
        }
    }
}
