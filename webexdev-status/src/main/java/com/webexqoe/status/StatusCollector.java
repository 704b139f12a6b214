package com.webexqoe.status;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.time.Deadline;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The status function's work: fetch the feed, parse it, store one item per title. A feed that
 * cannot be fetched or read stores nothing and deletes nothing.
 */
public final class StatusCollector {

    /** What one run did. */
    public record Result(int stored, int skippedWithoutTitle, int duplicateTitles) implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stored", stored);
            fields.put("skippedWithoutTitle", skippedWithoutTitle);
            fields.put("duplicateTitles", duplicateTitles);
            return fields;
        }
    }

    private final StatusFeed feed;
    private final StatusFeedParser parser;
    private final StatusStore store;
    private final Clock clock;

    public StatusCollector(StatusFeed feed, StatusFeedParser parser, StatusStore store, Clock clock) {
        this.feed = feed;
        this.parser = parser;
        this.store = store;
        this.clock = clock;
    }

    public String source() {
        return feed.location();
    }

    public Result collect(Deadline deadline) {
        byte[] document;
        try {
            document = feed.fetch(deadline);
        } catch (WebexdevException e) {
            throw new StatusFeedException("status feed could not be fetched from " + feed.location() + ": " + e.getMessage(), e);
        }
        ParsedFeed parsed = parser.parse(document);
        if (!parsed.entries().isEmpty()) {
            store.saveAll(parsed.entries(), clock.instant());
        }
        return new Result(parsed.entries().size(), parsed.skippedWithoutTitle(), parsed.duplicateTitles());
    }
}
