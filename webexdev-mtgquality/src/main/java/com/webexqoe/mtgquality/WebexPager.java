package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpResult;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.Deadline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Webex list ({@code {"items": [...]}}) page by page, following {@code Link: rel="next"}
 * with the bearer token. A next link is followed only within the first page's origin (scheme,
 * host, port), so the token never travels to a host the operator did not configure; the
 * shared fetcher likewise follows only same-origin redirects.
 */
final class WebexPager {

    /** A guard against a server that keeps handing out next links. */
    static final int MAX_PAGES = 50;

    private final HttpFetcher http;

    WebexPager(HttpFetcher http) {
        this.http = http;
    }

    Pages read(URI first, String accessToken, String source, Deadline deadline) {
        List<JsonNode> items = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI page = first;
        int pages = 0;
        while (true) {
            if (!seen.add(page)) {
                return new Pages(items, pages, Optional.of(new WebexdevException(source + ": page " + (pages + 1)
                        + " links back to a page already read; stopped")));
            }
            if (pages == MAX_PAGES) {
                return new Pages(items, pages, Optional.of(new WebexdevException(source + ": more than " + MAX_PAGES
                        + " pages; stopped")));
            }
            HttpResult result;
            try {
                result = http.send(HttpRequest.newBuilder(page)
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Accept", "application/json")
                        .GET(), source, deadline);
            } catch (WebexdevException e) {
                return new Pages(items, pages, Optional.of(pages == 0 ? e
                        : new WebexdevException(e.getMessage() + " (page " + (pages + 1) + ")", e)));
            }
            JsonNode list;
            try {
                list = Json.MAPPER.readTree(result.body());
            } catch (IOException e) {
                list = null;
            }
            if (list == null || !list.path("items").isArray()) {
                return new Pages(items, pages, Optional.of(new WebexdevException(source + ": page " + (pages + 1)
                        + " is not a JSON list with items")));
            }
            list.path("items").forEach(items::add);
            pages++;
            Optional<URI> next = LinkHeader.next(result.headers().allValues("Link"), page);
            if (next.isEmpty()) {
                return new Pages(items, pages, Optional.empty());
            }
            if (!origin(next.get()).equals(origin(first))) {
                return new Pages(items, pages, Optional.of(new WebexdevException(source + ": the next page is on another origin ("
                        + origin(next.get()) + "); not followed, so the token stays with " + origin(first))));
            }
            page = next.get();
        }
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }
}
