package com.webexqoe.twitter;

import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.twitter.TextAnalysis.LanguageScore;
import com.webexqoe.twitter.TextAnalysis.Outcome;
import com.webexqoe.twitter.TextAnalysis.SentimentScores;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The function's work (docs/behaviour.md#twitterapi): search the recent posts about Webex; for each post not stored yet,
 * detect its dominant language and its sentiment with Comprehend; store them. A post already stored
 * costs no Comprehend call; a post with empty text is skipped; a post Comprehend fails on is skipped
 * (logged with its id), the others are stored, and then the invocation fails naming the skipped ones
 * (the next run retries them, since they are not stored). A failed search stores nothing.
 */
public final class TwitterCollector {

    /** What one run did. */
    public record Result(String source, int found, int alreadyStored, int skippedEmpty, int stored, int comprehendCalls)
            implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("route", source);
            fields.put("found", found);
            fields.put("alreadyStored", alreadyStored);
            fields.put("skippedEmpty", skippedEmpty);
            fields.put("stored", stored);
            fields.put("comprehendCalls", comprehendCalls);
            return fields;
        }
    }

    /** X's {@code lang} values that name no language (X API reference: {@code und}, and the {@code q*} and {@code zxx} codes). */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "zxx");

    private final SearchRoute route;
    private final TextAnalysis analysis;
    private final PostStore store;
    private final Clock clock;

    public TwitterCollector(SearchRoute route, TextAnalysis analysis, PostStore store, Clock clock) {
        this.route = route;
        this.analysis = analysis;
        this.store = store;
        this.clock = clock;
    }

    public Result collect(Deadline deadline, JsonLog log) {
        PostSearch search = route.current();
        List<Post> found = search.recent(deadline);

        List<Post> withText = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int empty = 0;
        for (Post post : found) {
            if (!ids.add(post.id())) {
                continue; // the same post twice in one answer: one item
            }
            if (post.text().isBlank()) {
                empty++;
                log.info("post skipped: empty text", DynamoPostStore.KEY, post.id());
                continue;
            }
            withText.add(post);
        }
        Set<String> stored = store.storedIds(withText.stream().map(Post::id).toList());
        List<Post> fresh = withText.stream().filter(post -> !stored.contains(post.id())).toList();

        int callsBefore = analysis.calls();
        List<String> failedIds = new ArrayList<>();
        List<AnalysedPost> analysed = analyse(fresh, deadline, log, failedIds);
        if (!analysed.isEmpty()) {
            store.saveAll(analysed, clock.instant());
        }
        Result result = new Result(search.source(), found.size(), withText.size() - fresh.size(), empty,
                analysed.size(), analysis.calls() - callsBefore);
        if (!failedIds.isEmpty()) {
            throw new TwitterSearchException("Comprehend failed for " + failedIds.size() + " of " + fresh.size()
                    + " new posts (tweetid " + String.join(", ", failedIds) + "): not stored, the next run retries them; "
                    + analysed.size() + " stored");
        }
        return result;
    }

    private List<AnalysedPost> analyse(List<Post> posts, Deadline deadline, JsonLog log, List<String> failedIds) {
        if (posts.isEmpty()) {
            return List.of();
        }
        List<String> texts = posts.stream().map(post -> ComprehendText.cut(post.text())).toList();

        // Dominant language: Comprehend for posts of 20 characters or more, X's lang for shorter ones.
        List<Optional<List<LanguageScore>>> languages = new ArrayList<>();
        List<Integer> toDetect = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            if (ComprehendText.longEnoughForLanguage(texts.get(i))) {
                toDetect.add(i);
                languages.add(Optional.empty());
            } else {
                languages.add(Optional.of(reportedLanguage(posts.get(i))));
            }
        }
        Map<Integer, String> failures = new LinkedHashMap<>();
        if (!toDetect.isEmpty()) {
            List<Outcome<List<LanguageScore>>> detected = analysis.dominantLanguages(toDetect.stream().map(texts::get).toList(), deadline);
            for (int k = 0; k < toDetect.size(); k++) {
                int i = toDetect.get(k);
                Outcome<List<LanguageScore>> outcome = detected.get(k);
                if (outcome.value().isPresent()) {
                    languages.set(i, outcome.value());
                } else {
                    failures.put(i, "DetectDominantLanguage: " + outcome.error());
                }
            }
        }

        // Sentiment, grouped by the language it is asked in, so that each group can be one batch.
        Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            if (!failures.containsKey(i)) {
                String language = SentimentLanguages.forSentiment(dominant(languages.get(i).orElseThrow()));
                byLanguage.computeIfAbsent(language, l -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, SentimentScores> sentiments = new LinkedHashMap<>();
        byLanguage.forEach((language, indexes) -> {
            List<Outcome<SentimentScores>> outcomes = analysis.sentiments(indexes.stream().map(texts::get).toList(), language, deadline);
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                Outcome<SentimentScores> outcome = outcomes.get(k);
                if (outcome.value().isPresent()) {
                    sentiments.put(i, outcome.value().get());
                } else {
                    failures.put(i, "DetectSentiment: " + outcome.error());
                }
            }
        });

        List<AnalysedPost> analysed = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            if (failures.containsKey(i)) {
                failedIds.add(post.id());
                log.warn("post skipped: Comprehend failed", DynamoPostStore.KEY, post.id(), "error", failures.get(i));
            } else {
                analysed.add(new AnalysedPost(post, languages.get(i).orElseThrow(), sentiments.get(i)));
            }
        }
        return analysed;
    }

    /** The language with the highest score (Comprehend's list), or the only one (X's). */
    static Optional<String> dominant(List<LanguageScore> languages) {
        return languages.stream()
                .max(java.util.Comparator.comparing((LanguageScore l) -> l.score().orElse(java.math.BigDecimal.ZERO)))
                .map(LanguageScore::languageCode);
    }

    /** X's {@code lang} as a one-entry list without a score; empty when X named no language. */
    static List<LanguageScore> reportedLanguage(Post post) {
        return post.lang()
                .filter(lang -> !NO_LANGUAGE.contains(lang.toLowerCase(Locale.ROOT)) && !lang.toLowerCase(Locale.ROOT).startsWith("q"))
                .map(lang -> List.of(new LanguageScore(lang, Optional.empty())))
                .orElse(List.of());
    }
}
