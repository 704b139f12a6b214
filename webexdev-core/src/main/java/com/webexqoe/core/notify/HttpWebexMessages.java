package com.webexqoe.core.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.time.Deadline;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST {WEBEX_API_BASE_URL}/messages} with {@code {"roomId", "markdown"}} and the bot's
 * bearer token (developer.webex.com, Messages: "Create a Message"). Sent once: a POST is never
 * repeated by the fetcher, so a slow answer cannot post twice; a 429 waits for the next run.
 */
public final class HttpWebexMessages implements WebexMessages {

    static final String SOURCE = "Webex Messages API";

    private final HttpFetcher http;
    private final URI messages;

    public HttpWebexMessages(HttpFetcher http, URI apiBase) {
        this.http = http;
        String base = apiBase.toString();
        this.messages = URI.create((base.endsWith("/") ? base : base + "/") + "messages");
    }

    @Override
    public void post(String roomId, String markdown, String botToken, Deadline deadline) {
        ObjectNode body = Json.object().put("roomId", roomId).put("markdown", markdown);
        HttpRequest.Builder request = HttpRequest.newBuilder(messages)
                .header("Authorization", "Bearer " + botToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        try {
            http.send(request, SOURCE, deadline);
        } catch (HttpStatusException e) {
            throw new WebexdevException(explain(e), e);
        }
    }

    /** What the operator should check, by status; never the token or the body. */
    static String explain(HttpStatusException e) {
        return switch (e.status()) {
            case 401 -> e.getMessage() + ": the bot token (WEBEX_BOT_TOKEN in the app secret) was refused";
            case 403 -> e.getMessage() + ": the bot may not post there; add the bot to the space WEBEX_NOTIFY_ROOM_ID names";
            case 404 -> e.getMessage() + ": no such space, or the bot is not in it (WEBEX_NOTIFY_ROOM_ID)";
            case 429 -> e.getMessage() + ": rate-limited" + e.retryAfter().map(w -> " (Retry-After " + w.toSeconds() + " s)").orElse("")
                    + "; the next run tries again";
            default -> e.getMessage();
        };
    }
}
