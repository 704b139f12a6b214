package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.time.Deadline;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * <ul>
 *   <li>List Meetings: {@code GET {WEBEX_API_BASE_URL}/meetings?meetingType=meeting&state=inProgress&hostEmail=…}
 *       (an admin token may name another host with {@code hostEmail}); each item's {@code id}
 *       identifies the meeting instance.</li>
 *   <li>Get Meeting Qualities: {@code GET {WEBEX_ANALYTICS_BASE_URL}/meeting/qualities?meetingId=…}
 *       with that {@code id}; {@code items[]} holds one media-session record per participant.</li>
 * </ul>
 * Both follow {@code Link: rel="next"}; 429 with {@code Retry-After} is waited out by the shared
 * fetcher as long as the invocation's deadline allows.
 */
public final class HttpWebexMeetings implements WebexMeetings {

    static final String MEETINGS_SOURCE = "Webex meetings list";

    private final WebexPager pager;
    private final URI apiBase;
    private final URI analyticsBase;

    public HttpWebexMeetings(HttpFetcher http, URI apiBase, URI analyticsBase) {
        this.pager = new WebexPager(http);
        this.apiBase = apiBase;
        this.analyticsBase = analyticsBase;
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
    public Pages qualities(String meetingId, String accessToken, Deadline deadline) {
        URI first = URI.create(base(analyticsBase) + "/meeting/qualities?meetingId=" + encode(meetingId));
        return pager.read(first, accessToken, "Webex meeting qualities of meeting " + meetingId, deadline);
    }

    static String base(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
