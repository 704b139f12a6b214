package com.webexqoe.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a v2 search answer: {@code data} (absent when nothing matched, {@code meta.result_count} 0),
 * each post with {@code id}, {@code text}, {@code created_at} (ISO-8601 UTC), {@code lang} and, for a
 * long post, {@code note_tweet.text}. A post without an id or a readable time is left out (counted
 * by the caller as found minus parsed); an answer that is not a JSON object fails.
 */
public final class XApiV2Parser {

    private XApiV2Parser() {
    }

    public static List<Post> parse(byte[] body) {
        return read(body).posts();
    }

    /** The readable posts and the number of posts the answer held ({@code data}'s length: what X bills). */
    public static PostSearch.Found read(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw TwitterSearchException.unreadable(XApiV2Search.SOURCE + ": the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw TwitterSearchException.unreadable(XApiV2Search.SOURCE + ": the answer is not a JSON object");
        }
        JsonNode data = root.path("data");
        if (data.isMissingNode() || data.isNull()) {
            // "errors" alone (e.g. an invalid query) is a failure; no data and no errors is "nothing found".
            if (root.path("errors").isArray() && !root.path("errors").isEmpty()) {
                String title = root.path("title").asText(root.path("errors").get(0).path("title").asText("error"));
                throw TwitterSearchException.unreadable(XApiV2Search.SOURCE + ": answered with errors and no posts ("
                        + title.replaceAll("[^A-Za-z0-9 _.-]", "") + ")");
            }
            return new PostSearch.Found(List.of(), 0);
        }
        if (!data.isArray()) {
            throw TwitterSearchException.unreadable(XApiV2Search.SOURCE + ": \"data\" is not a list");
        }
        List<Post> posts = new ArrayList<>();
        for (JsonNode tweet : data) {
            String id = tweet.path("id").asText("");
            Optional<Instant> created = instant(tweet.path("created_at").asText(""));
            if (id.isEmpty() || created.isEmpty()) {
                continue;
            }
            JsonNode note = tweet.path("note_tweet").path("text");
            String text = note.isTextual() && !note.asText().isEmpty() ? note.asText() : tweet.path("text").asText("");
            Optional<String> lang = Optional.of(tweet.path("lang").asText("")).filter(l -> !l.isEmpty());
            posts.add(new Post(id, text, created.get(), lang));
        }
        return new PostSearch.Found(List.copyOf(posts), data.size());
    }

    private static Optional<Instant> instant(String iso) {
        try {
            return iso.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
