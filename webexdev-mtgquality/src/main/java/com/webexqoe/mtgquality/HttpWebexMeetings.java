package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpResult;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.Deadline;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * <ul>
 *   <li>List Meetings: {@code GET {WEBEX_API_BASE_URL}/meetings?meetingType=meeting&state=inProgress&hostEmail=…}
 *       (an admin token may name another host with {@code hostEmail}); each item's {@code id}
 *       identifies the meeting instance. All pages, following {@code Link: rel="next"}.</li>
 *   <li>Get Meeting Qualities: {@code GET {analytics host}/v1/meeting/qualities?meetingId=…&max=}{@value #PAGE_SIZE}
 *       with that {@code id}; {@code items[]} holds one media-session record per participant.
 *       <b>One page per call of {@link #qualitiesPage}</b>: Webex allows one call per meeting
 *       instance every 5 minutes, so a next page is left for a later run.</li>
 * </ul>
 * Meeting Qualities documents {@code max} without an upper bound (default 100); {@value #PAGE_SIZE}
 * is this project's choice (docs/webexdev-mtgquality.md). Its 429 is retried once, when the
 * {@code Retry-After} wait fits before the deadline. A 403 or 451 whose body names another host of
 * {@link AnalyticsHosts} (the organisation's region) is sent there once; the host that answered is
 * kept for the container's later calls.
 */
public final class HttpWebexMeetings implements WebexMeetings {

    static final String MEETINGS_SOURCE = "Webex meetings list";
    /** The {@code max} asked of Meeting Qualities (documented default 100, no documented maximum). */
    static final int PAGE_SIZE = 1000;
    /** Attempts of one Meeting Qualities call: the first and one retry after a 429 (or a 5xx). */
    static final int QUALITIES_ATTEMPTS = 2;

    private final WebexPager pager;
    private final HttpFetcher analytics;
    private final URI apiBase;
    private final AnalyticsHosts hosts;
    /** The analytics base URL that answered last; starts as WEBEX_ANALYTICS_BASE_URL. */
    private volatile URI analyticsBase;

    public HttpWebexMeetings(HttpFetcher http, URI apiBase, URI analyticsBase, AnalyticsHosts hosts) {
        this.pager = new WebexPager(http);
        HttpSettings settings = http.settings();
        this.analytics = new HttpFetcher(new HttpSettings(settings.connectTimeout(), settings.readTimeout(),
                Math.min(QUALITIES_ATTEMPTS, settings.maxAttempts()), settings.firstBackoff(), settings.callBudget()),
                duration -> Thread.sleep(duration.toMillis()), http.clock());
        this.apiBase = apiBase;
        this.analyticsBase = analyticsBase;
        this.hosts = hosts;
    }

    @Override
    public List<String> inProgressMeetingIds(String hostEmail, String accessToken, Deadline deadline) {
        URI first = URI.create(base(apiBase) + "/meetings?meetingType=meeting&state=inProgress&hostEmail=" + encode(hostEmail));
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode meeting : pager.read(first, accessToken, MEETINGS_SOURCE, deadline).orThrow()) {
            JsonNode id = meeting.path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                ids.add(id.asText());
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public QualityPage qualitiesPage(String meetingId, Optional<URI> continueAt, String accessToken, Deadline deadline) {
        String source = "Webex meeting qualities of meeting " + meetingId;
        URI page = continueAt.orElseGet(() -> URI.create(base(analyticsBase) + "/meeting/qualities?meetingId="
                + encode(meetingId) + "&max=" + PAGE_SIZE));
        if (!hosts.allows(page)) {
            throw new WebexdevException(source + ": the stored next page is on " + AnalyticsHosts.display(page)
                    + ", not a Webex analytics host; not asked, so the token stays with " + hosts);
        }
        HttpResult result;
        URI answered = page;
        try {
            result = get(page, accessToken, source, deadline);
        } catch (HttpStatusException refused) {
            Optional<URI> region = refused.status() == 403 || refused.status() == 451
                    ? hosts.namedIn(refused.body(), page) : Optional.empty();
            if (region.isEmpty()) {
                throw refused;
            }
            answered = AnalyticsHosts.onHost(page, region.get());
            try {
                result = get(answered, accessToken, source + " on " + AnalyticsHosts.display(region.get()), deadline);
            } catch (HttpStatusException again) {
                throw new WebexdevException(again.getMessage() + " (after " + AnalyticsHosts.display(page)
                        + " answered HTTP " + refused.status() + " naming it as the organisation's host)", again);
            }
            analyticsBase = AnalyticsHosts.onHost(analyticsBase, region.get());
        }
        JsonNode list;
        try {
            list = Json.MAPPER.readTree(result.body());
        } catch (IOException e) {
            list = null;
        }
        if (list == null || !list.path("items").isArray()) {
            throw new WebexdevException(source + ": the answer is not a JSON list with items");
        }
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        Optional<URI> next = LinkHeader.next(result.headers().allValues("Link"), answered);
        if (next.isPresent() && !hosts.allows(next.get())) {
            return new QualityPage(items, Optional.empty(), Optional.of(source + ": the next page is on "
                    + AnalyticsHosts.display(next.get()) + ", not a Webex analytics host; not kept, so the token stays with " + hosts));
        }
        return new QualityPage(items, next, Optional.empty());
    }

    /** The analytics base URL the next first-page call goes to (the region that answered last). */
    URI analyticsBase() {
        return analyticsBase;
    }

    private HttpResult get(URI uri, String accessToken, String source, Deadline deadline) {
        return analytics.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET(), source, deadline);
    }

    static String base(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
