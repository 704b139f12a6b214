package com.webexqoe.status;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.time.Deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status function's work (docs/behaviour.md#status): fetch and parse both of Cisco's
 * sources — the RSS feed and the JSON API's {@code index.json} — then store each one's result.
 * A source that cannot be fetched or read stores nothing and deletes nothing of its own; the
 * other's result is still stored, and the run fails only when both failed. A failing table fails
 * the run at once (the second source would meet the same table).
 */
public final class StatusCollector {

    /** What one run did; a source's error is named here (and so in the run's log line) when the other succeeded. */
    public record Result(int stored, int skippedWithoutTitle, int duplicateTitles, Optional<String> feedError,
                         int apiStored, int apiDeleted, int apiDropped, int apiFinished, Optional<String> apiError)
            implements FunctionRun.Result {

        public Result(int stored, int skippedWithoutTitle, int duplicateTitles) {
            this(stored, skippedWithoutTitle, duplicateTitles, Optional.empty(), 0, 0, 0, 0, Optional.empty());
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stored", stored);
            fields.put("skippedWithoutTitle", skippedWithoutTitle);
            fields.put("duplicateTitles", duplicateTitles);
            feedError.ifPresent(error -> fields.put("feedError", error));
            fields.put("apiStored", apiStored);
            fields.put("apiDeleted", apiDeleted);
            fields.put("apiDropped", apiDropped);
            fields.put("apiFinished", apiFinished);
            apiError.ifPresent(error -> fields.put("apiError", error));
            return fields;
        }
    }

    private final StatusFeed feed;
    private final StatusFeedParser parser;
    private final Optional<StatusFeed> api;
    private final StatusApiParser apiParser;
    private final StatusStore store;
    private final Clock clock;

    /** The feed only (tests of the feed alone). */
    public StatusCollector(StatusFeed feed, StatusFeedParser parser, StatusStore store, Clock clock) {
        this(feed, parser, Optional.empty(), new StatusApiParser(), store, clock);
    }

    public StatusCollector(StatusFeed feed, StatusFeedParser parser, Optional<StatusFeed> api, StatusApiParser apiParser,
                           StatusStore store, Clock clock) {
        this.feed = feed;
        this.parser = parser;
        this.api = api;
        this.apiParser = apiParser;
        this.store = store;
        this.clock = clock;
    }

    public String source() {
        return api.map(a -> feed.location() + "," + a.location()).orElse(feed.location());
    }

    /** A source's parsed document, or why there is none. */
    private record Read<T>(T value, WebexdevException error) {

        static <T> Read<T> of(java.util.function.Supplier<T> read) {
            try {
                return new Read<>(read.get(), null);
            } catch (WebexdevException e) {
                return new Read<>(null, e);
            }
        }
    }

    public Result collect(Deadline deadline) {
        // Both documents are fetched at once (two round trips in the time of one), within the same deadline.
        java.util.concurrent.CompletableFuture<Read<ParsedApi>> apiRead = api
                .map(source -> java.util.concurrent.CompletableFuture.supplyAsync(() -> Read.of(() -> readApi(source, deadline)),
                        runnable -> {
                            Thread thread = new Thread(runnable, "status-api-fetch");
                            thread.setDaemon(true);
                            thread.start();
                        }))
                .orElse(java.util.concurrent.CompletableFuture.completedFuture(new Read<>(null, null)));
        Read<ParsedFeed> feedRead = Read.of(() -> readFeed(deadline));
        Read<ParsedApi> apiResult = apiRead.join();
        ParsedFeed parsed = feedRead.value();
        WebexdevException feedError = feedRead.error();
        ParsedApi parsedApi = apiResult.value();
        WebexdevException apiError = apiResult.error();
        if (feedError != null && (api.isEmpty() || apiError != null)) {
            if (apiError != null) {
                StatusFeedException both = new StatusFeedException(feedError.getMessage() + "; " + apiError.getMessage(), feedError);
                both.addSuppressed(apiError);
                throw both;
            }
            throw feedError;
        }
        Instant now = clock.instant();
        if (parsed != null && !parsed.entries().isEmpty()) {
            store.saveAll(parsed.entries(), now);
        }
        int deleted = parsedApi == null ? 0 : store.replaceApiSnapshot(parsedApi.items(), now);
        return new Result(parsed == null ? 0 : parsed.entries().size(), parsed == null ? 0 : parsed.skippedWithoutTitle(),
                parsed == null ? 0 : parsed.duplicateTitles(), Optional.ofNullable(feedError).map(Throwable::getMessage),
                parsedApi == null ? 0 : parsedApi.items().size(), deleted, parsedApi == null ? 0 : parsedApi.droppedTotal(),
                parsedApi == null ? 0 : parsedApi.finished(), Optional.ofNullable(apiError).map(Throwable::getMessage));
    }

    private ParsedFeed readFeed(Deadline deadline) {
        byte[] document;
        try {
            document = feed.fetch(deadline);
        } catch (WebexdevException e) {
            throw new StatusFeedException("status feed could not be fetched from " + feed.location() + ": " + e.getMessage(), e);
        }
        return parser.parse(document);
    }

    private ParsedApi readApi(StatusFeed source, Deadline deadline) {
        byte[] document;
        try {
            document = source.fetch(deadline);
        } catch (WebexdevException e) {
            throw new StatusApiException("status API could not be fetched from " + source.location() + ": " + e.getMessage(), e);
        }
        try {
            return apiParser.parse(document);
        } catch (StatusApiException e) {
            throw new StatusApiException(e.getMessage() + " at " + source.location(), e);
        }
    }
}
