package com.webexqoe.twitter;

import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.twitter.TextAnalysis.LanguageScore;
import com.webexqoe.twitter.TextAnalysis.Outcome;
import com.webexqoe.twitter.TextAnalysis.SentimentScores;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's logic with its ports faked: language choice, skipping, de-duplication. */
class TwitterCollectorTest {

    private static final Instant NOW = Instant.parse("2026-11-28T04:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SentimentScores NEUTRAL = new SentimentScores("NEUTRAL", new BigDecimal("0.1"),
            new BigDecimal("0.1"), new BigDecimal("0.7"), new BigDecimal("0.1"));

    /** Comprehend as a table of answers by text; records every request. */
    private static final class FakeAnalysis implements TextAnalysis {
        final Map<String, List<LanguageScore>> languagesByText = new LinkedHashMap<>();
        final List<String> languageRequests = new ArrayList<>();
        final List<String> sentimentRequests = new ArrayList<>();
        int calls;

        @Override
        public List<Outcome<List<LanguageScore>>> dominantLanguages(List<String> texts, Deadline deadline) {
            calls++;
            languageRequests.addAll(texts);
            return texts.stream().map(text -> languagesByText.containsKey(text)
                    ? Outcome.of(languagesByText.get(text)) : Outcome.<List<LanguageScore>>failed("UNKNOWN")).toList();
        }

        @Override
        public List<Outcome<SentimentScores>> sentiments(List<String> texts, String languageCode, Deadline deadline) {
            calls++;
            texts.forEach(text -> sentimentRequests.add(languageCode + ":" + text));
            return texts.stream().map(text -> Outcome.of(NEUTRAL)).toList();
        }

        @Override
        public int calls() {
            return calls;
        }
    }

    private static final class MemoryStore implements PostStore {
        final Map<String, AnalysedPost> items = new LinkedHashMap<>();

        @Override
        public Set<String> storedIds(Collection<String> ids) {
            return ids.stream().filter(items::containsKey).collect(Collectors.toSet());
        }

        @Override
        public void saveAll(List<AnalysedPost> posts, Instant now) {
            posts.forEach(post -> items.put(post.post().id(), post));
        }
    }

    /** The X ledger in memory: a counter and a search state, no budget check beyond the sum. */
    private static final class MemoryLedger implements XLedger {
        long reads;
        long units;
        Optional<Newest> newest = Optional.empty();
        Optional<Instant> reachedAt = Optional.empty();
        final List<String> refusals = new ArrayList<>();

        @Override
        public Today read(Instant now) {
            return new Today(XLedger.utcDay(now), reads, units, reachedAt, newest);
        }

        @Override
        public boolean reserve(int n, int budget, Instant now) {
            if (reads + n > budget) {
                return false;
            }
            reads += n;
            return true;
        }

        @Override
        public long settle(int reserved, int read, Instant now) {
            reads += read - reserved;
            return reads;
        }

        @Override
        public void spent(long comprehendUnits, Instant now) {
            units += comprehendUnits;
        }

        @Override
        public void budgetReached(Instant now) {
            reachedAt = reachedAt.or(() -> Optional.of(now));
        }

        @Override
        public void searched(Optional<Newest> next, Instant now) {
            next.ifPresent(post -> newest = Optional.of(post));
        }

        @Override
        public void refused(String xError, Instant now) {
            refusals.add(xError);
        }
    }

    private final MemoryLedger ledger = new MemoryLedger();
    private final FakeAnalysis analysis = new FakeAnalysis();
    private final MemoryStore store = new MemoryStore();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog("webexdev-twitterapi", new PrintStream(logBytes, true, StandardCharsets.UTF_8), CLOCK);

    private static Post post(String id, String text, String lang) {
        return new Post(id, text, NOW.minusSeconds(Long.parseLong(id) % 1000), Optional.ofNullable(lang));
    }

    private static SearchRoute returning(List<Post> posts) {
        return () -> new PostSearch() {
            @Override
            public String source() {
                return "fake search";
            }

            @Override
            public Found recent(Request request, Deadline deadline) {
                return new Found(posts, posts.size());
            }
        };
    }

    private TwitterCollector.Result collect(List<Post> posts) {
        return new TwitterCollector(returning(posts), analysis, store, ledger, XSearchSettings.DEFAULTS, CLOCK).collect(Deadline.after(Duration.ofSeconds(10), CLOCK), log);
    }

    private static LanguageScore language(String code, String score) {
        return new LanguageScore(code, Optional.of(new BigDecimal(score)));
    }

    @Test
    void sentimentIsAskedInTheHighestScoringLanguageNotTheFirstListed() {
        String text = "Webex funktioniert heute wieder einwandfrei, danke ans Team";
        analysis.languagesByText.put(text, List.of(language("nl", "0.21"), language("de", "0.77")));

        collect(List.of(post("101", text, "de")));

        assertThat(analysis.sentimentRequests).containsExactly("de:" + text);
        assertThat(store.items.get("101").languages()).containsExactly(language("nl", "0.21"), language("de", "0.77"));
    }

    @Test
    void shortPostsUseXsLanguageAndNamelessOnesAreAskedInEnglish() {
        collect(List.of(post("201", "Webex\u4f1a\u8b70\u306a\u3046", "ja"), post("202", "Webex \uD83D\uDC4D", "und"),
                post("203", "Webex ok", null), post("204", "Webex t\u00e4n\u00e4\u00e4n", "fi")));

        assertThat(analysis.languageRequests).isEmpty();
        assertThat(analysis.sentimentRequests).containsExactlyInAnyOrder("ja:Webex\u4f1a\u8b70\u306a\u3046",
                "en:Webex \uD83D\uDC4D", "en:Webex ok", "en:Webex t\u00e4n\u00e4\u00e4n");
        assertThat(store.items.get("201").languages()).containsExactly(new LanguageScore("ja", Optional.empty()));
        assertThat(store.items.get("202").languages()).isEmpty();
        assertThat(store.items.get("203").languages()).isEmpty();
        assertThat(store.items.get("204").languages()).containsExactly(new LanguageScore("fi", Optional.empty()));
        // One sentiment request per language: ja alone, the three English ones together.
        assertThat(analysis.calls).isEqualTo(2);
    }

    @Test
    void theSamePostTwiceInOneAnswerIsOneItemAndBlankTextIsSkipped() {
        String text = "Webex meeting started on time for once, nice work";
        analysis.languagesByText.put(text, List.of(language("en", "0.99")));

        TwitterCollector.Result result = collect(List.of(post("301", text, "en"), post("301", text, "en"), post("302", "  \n", "en")));

        assertThat(result.found()).isEqualTo(3);
        assertThat(result.skippedEmpty()).isEqualTo(1);
        assertThat(result.stored()).isEqualTo(1);
        assertThat(analysis.languageRequests).containsExactly(text);
        assertThat(store.items).containsOnlyKeys("301");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("post skipped: empty text").contains("302");
    }

    @Test
    void aFailedLanguageDetectionSkipsOnlyThatPost() {
        String known = "Webex webinar went smoothly for everyone today";
        String unknown = "Webex ?? something Comprehend cannot read at all";
        analysis.languagesByText.put(known, List.of(language("en", "0.98")));

        assertThatThrownBy(() -> collect(List.of(post("401", known, "en"), post("402", unknown, "en"))))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessage("Comprehend failed for 1 of 2 new posts (tweetid 402): not stored, the next run retries them; 1 stored");

        assertThat(store.items).containsOnlyKeys("401");
        assertThat(analysis.sentimentRequests).containsExactly("en:" + known);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("DetectDominantLanguage: UNKNOWN").contains("402")
                .doesNotContain(unknown);
    }

    @Test
    void aFailedSearchStoresNothingAndAsksComprehendNothing() {
        SearchRoute failing = () -> new PostSearch() {
            @Override
            public String source() {
                return "fake search";
            }

            @Override
            public Found recent(Request request, Deadline deadline) {
                throw new TwitterSearchException("fake search: HTTP 503 after 4 attempts");
            }
        };

        assertThatThrownBy(() -> new TwitterCollector(failing, analysis, store, ledger, XSearchSettings.DEFAULTS, CLOCK).collect(Deadline.after(Duration.ofSeconds(10), CLOCK), log))
                .hasMessage("fake search: HTTP 503 after 4 attempts");
        assertThat(store.items).isEmpty();
        assertThat(analysis.calls).isZero();
    }

    @Test
    void postsAlreadyStoredAreNotAnalysedAgain() {
        String text = "Webex Calling on the desk phone works really well";
        analysis.languagesByText.put(text, List.of(language("en", "0.99")));
        collect(List.of(post("501", text, "en")));
        int callsAfterFirst = analysis.calls;

        TwitterCollector.Result second = collect(List.of(post("501", text, "en")));

        assertThat(second.alreadyStored()).isEqualTo(1);
        assertThat(second.comprehendCalls()).isZero();
        assertThat(analysis.calls).isEqualTo(callsAfterFirst);
    }

    @Test
    void aPostComprehendFailedOnKeepsTheSinceIdWhereItWasSoTheNextRunReadsItAgain() {
        String known = "Webex webinar went smoothly for everyone today";
        analysis.languagesByText.put(known, List.of(language("en", "0.98")));
        collect(List.of(post("601", known, "en")));
        assertThat(ledger.newest).map(XLedger.Newest::id).contains("601");

        assertThatThrownBy(() -> collect(List.of(post("602", "Webex ?? something Comprehend cannot read at all", "en"))))
                .isInstanceOf(TwitterSearchException.class);

        assertThat(ledger.newest).map(XLedger.Newest::id).contains("601");
    }

    @Test
    void theNewestIdIsComparedAsANumberNotAsText() {
        Optional<XLedger.Newest> next = TwitterCollector.newest(List.of(post("999", "a", "en"), post("1000", "b", "en")),
                Optional.of(new XLedger.Newest("998", NOW)));

        assertThat(next).map(XLedger.Newest::id).contains("1000");
        assertThat(TwitterCollector.newest(List.of(post("999", "a", "en")), Optional.of(new XLedger.Newest("1000", NOW))))
                .isEmpty();
    }

    @Test
    void comprehendUnitsAreCountedPerDocumentAndRequestWithAMinimumOfThree() {
        String text = "Webex webinar went smoothly for everyone today";
        analysis.languagesByText.put(text, List.of(language("en", "0.98")));

        TwitterCollector.Result result = collect(List.of(post("701", text, "en")));

        // One language and one sentiment request of a 46-character document: 3 units each.
        assertThat(result.comprehendUnits()).isEqualTo(6);
        assertThat(ledger.units).isEqualTo(6);
        assertThat(result.read()).isEqualTo(1);
        assertThat(ledger.reads).isEqualTo(1);
    }
}
