package com.webexqoe.twitter;

import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.twitter.TextAnalysis.LanguageScore;
import com.webexqoe.twitter.TextAnalysis.Outcome;
import com.webexqoe.twitter.TextAnalysis.SentimentScores;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The function's work (docs/behaviour.md#twitterapi): within the daily read budget, search the posts about Webex
 * newer than the newest read before ({@code since_id}, docs/webexdev-twitterapi.md#read-budget); for each post not stored yet,
 * detect its dominant language and its sentiment with Comprehend; store them. A post already stored
 * costs no Comprehend call; a post with empty text is skipped; a post Comprehend fails on is skipped
 * (logged with its id), the others are stored, and then the invocation fails naming the skipped ones
 * (the next run retries them, since they are not stored). A failed search stores nothing.
 */
public final class TwitterCollector {

    /** What one run did, with what it cost (docs/webexdev-twitterapi.md#cost). */
    public record Result(String source, boolean searched, Optional<String> sinceId, int read, int found, int alreadyStored,
                         int skippedEmpty, int stored, int comprehendCalls, int comprehendUnits, long readsToday,
                         int dailyBudget, Optional<String> budget, BigDecimal monthEstimateUsd, BigDecimal monthCeilingUsd)
            implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("route", source);
            fields.put("searched", searched);
            fields.put("sinceId", sinceId.orElse(null));
            fields.put("read", read);
            fields.put("found", found);
            fields.put("alreadyStored", alreadyStored);
            fields.put("skippedEmpty", skippedEmpty);
            fields.put("stored", stored);
            fields.put("comprehendCalls", comprehendCalls);
            fields.put("comprehendUnits", comprehendUnits);
            fields.put("readsToday", readsToday);
            fields.put("dailyReadBudget", dailyBudget);
            budget.ifPresent(text -> fields.put("budget", text));
            fields.put("monthEstimateUsd", monthEstimateUsd);
            fields.put("monthCeilingUsd", monthCeilingUsd);
            return fields;
        }
    }

    /** X API v2 recent search reaches 7 days back; a since_id older than that is refused, so it is left out a little sooner. */
    static final Duration SINCE_ID_WINDOW = Duration.ofDays(7).minusMinutes(10);

    /** X's {@code lang} values that name no language (X API reference: {@code und}, and the {@code q*} and {@code zxx} codes). */
    private static final Set<String> NO_LANGUAGE = Set.of("und", "zxx");

    private final SearchRoute route;
    private final TextAnalysis analysis;
    private final PostStore store;
    private final XLedger ledger;
    private final XSearchSettings settings;
    private final Clock clock;

    public TwitterCollector(SearchRoute route, TextAnalysis analysis, PostStore store, XLedger ledger,
                            XSearchSettings settings, Clock clock) {
        this.route = route;
        this.analysis = analysis;
        this.store = store;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    public Result collect(Deadline deadline, JsonLog log) {
        PostSearch search = route.current();
        Instant now = clock.instant();
        XLedger.Today today = ledger.read(now);
        Optional<String> sinceId = today.newest()
                .filter(newest -> newest.postedAt().isAfter(now.minus(SINCE_ID_WINDOW)))
                .map(XLedger.Newest::id);
        int asked = settings.maxResults();
        BigDecimal ceiling = XCost.monthCeiling(settings.dailyBudget());
        if (!ledger.reserve(asked, settings.dailyBudget(), now)) {
            ledger.budgetReached(now);
            String budget = "daily read budget reached: " + today.reads() + " of X_DAILY_READ_BUDGET "
                    + settings.dailyBudget() + " posts read on " + today.utcDay() + " (UTC), a search needs "
                    + asked + "; no search until 00:00 UTC";
            log.warn("search skipped: " + budget, "readsToday", today.reads(), "dailyReadBudget", settings.dailyBudget());
            return new Result(search.source(), false, sinceId, 0, 0, 0, 0, 0, 0, 0, today.reads(), settings.dailyBudget(),
                    Optional.of(budget), XCost.usd(0, 0), ceiling);
        }

        PostSearch.Found answer;
        try {
            answer = search.recent(new PostSearch.Request(settings.query(), asked, sinceId), deadline);
        } catch (TwitterSearchException e) {
            // X bills the posts it delivers: an answer that never came costs none of the reservation.
            ledger.settle(asked, e.answerArrived() ? asked : 0, now);
            e.xError().ifPresent(xError -> ledger.refused(xError, now));
            throw e;
        } catch (RuntimeException e) {
            ledger.settle(asked, 0, now);
            throw e;
        }
        long readsToday = ledger.settle(asked, answer.read(), now);
        Optional<String> budget = Optional.empty();
        if (readsToday + asked > settings.dailyBudget()) {
            ledger.budgetReached(now);
            budget = Optional.of("daily read budget reached: " + readsToday + " of X_DAILY_READ_BUDGET "
                    + settings.dailyBudget() + " posts read today (UTC); the next search after 00:00 UTC");
            log.warn("X " + budget.get(), "readsToday", readsToday, "dailyReadBudget", settings.dailyBudget());
        }
        List<Post> found = answer.posts();

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
        int[] units = {0};
        List<AnalysedPost> analysed = analyse(fresh, deadline, log, failedIds, units);
        if (!analysed.isEmpty()) {
            store.saveAll(analysed, clock.instant());
        }
        ledger.spent(units[0], now);
        // The next since_id: the newest post of this answer, unless a post Comprehend failed on must be read again.
        ledger.searched(failedIds.isEmpty() ? newest(found, today.newest()) : Optional.empty(), now);
        Result result = new Result(search.source(), true, sinceId, answer.read(), found.size(),
                withText.size() - fresh.size(), empty, analysed.size(), analysis.calls() - callsBefore, units[0],
                readsToday, settings.dailyBudget(), budget,
                XCost.monthAtPace(answer.read(), units[0], settings.dailyBudget()), ceiling);
        if (!failedIds.isEmpty()) {
            throw new TwitterSearchException("Comprehend failed for " + failedIds.size() + " of " + fresh.size()
                    + " new posts (tweetid " + String.join(", ", failedIds) + "): not stored, the next run retries them; "
                    + analysed.size() + " stored");
        }
        return result;
    }

    /** The post with the highest id (X's ids grow with time) when it is newer than the one known. */
    static Optional<XLedger.Newest> newest(List<Post> posts, Optional<XLedger.Newest> known) {
        Optional<Post> top = posts.stream().filter(post -> post.id().matches("[0-9]{1,19}"))
                .max(Comparator.comparing((Post post) -> new BigInteger(post.id())));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        if (known.isPresent() && known.get().id().matches("[0-9]{1,19}")
                && new BigInteger(known.get().id()).compareTo(new BigInteger(top.get().id())) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new XLedger.Newest(top.get().id(), top.get().createdAt()));
    }

    private List<AnalysedPost> analyse(List<Post> posts, Deadline deadline, JsonLog log, List<String> failedIds, int[] units) {
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
            List<String> toSend = toDetect.stream().map(texts::get).toList();
            toSend.forEach(text -> units[0] += XCost.units(text));
            List<Outcome<List<LanguageScore>>> detected = analysis.dominantLanguages(toSend, deadline);
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
            List<String> toSend = indexes.stream().map(texts::get).toList();
            toSend.forEach(text -> units[0] += XCost.units(text));
            List<Outcome<SentimentScores>> outcomes = analysis.sentiments(toSend, language, deadline);
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
