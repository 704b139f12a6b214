package com.webexqoe.twitter;

import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.twitter.TextAnalysis.LanguageScore;
import com.webexqoe.twitter.TextAnalysis.SentimentScores;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/**
 * Table {@code webexdev-twitter} (SPEC 4.3 and 5): key {@code tweetid} (the original keyed on the
 * second and lost posts made in the same second); {@code datetime}, {@code unixtime}, {@code text},
 * {@code Sentiment}, {@code SentimentScore}, {@code language_code} as the original wrote them;
 * {@code day} for the {@code byDay} index and the TTL {@code expiresAt} are new.
 */
public final class DynamoPostStore implements PostStore {

    public static final String KEY = "tweetid";
    /** Stored posts expire a week after they were analysed: recent search only reaches 7 days back. */
    static final Duration RETENTION = Duration.ofDays(7);

    private final DynamoTable table;
    private final LocalTimes times;

    public DynamoPostStore(DynamoTable table, LocalTimes times) {
        this.table = table;
        this.times = times;
    }

    @Override
    public Set<String> storedIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(id -> Map.of(KEY, s(id))).toList();
        return table.getAll(keys).stream().map(item -> item.get(KEY).s()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void saveAll(List<AnalysedPost> posts, Instant now) {
        table.putAll(posts.stream().map(post -> item(post, now, times)).toList());
    }

    static Map<String, AttributeValue> item(AnalysedPost analysed, Instant now, LocalTimes times) {
        Post post = analysed.post();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(KEY, s(post.id()));
        item.put("datetime", n(times.compactNumber(post.createdAt())));
        item.put("unixtime", n(post.createdAt().getEpochSecond()));
        item.put("text", s(post.text()));
        SentimentScores sentiment = analysed.sentiment();
        item.put("Sentiment", s(sentiment.sentiment()));
        Map<String, AttributeValue> scores = new LinkedHashMap<>();
        scores.put("Positive", n(sentiment.positive()));
        scores.put("Negative", n(sentiment.negative()));
        scores.put("Neutral", n(sentiment.neutral()));
        scores.put("Mixed", n(sentiment.mixed()));
        item.put("SentimentScore", AttributeValue.builder().m(scores).build());
        item.put("language_code", AttributeValue.builder().l(analysed.languages().stream().map(DynamoPostStore::language).toList()).build());
        item.put("day", s(times.day(post.createdAt())));
        item.put("expiresAt", n(LocalTimes.expiresAt(now, RETENTION)));
        return item;
    }

    private static AttributeValue language(LanguageScore language) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("LanguageCode", s(language.languageCode()));
        language.score().ifPresent(score -> m.put("Score", n(score)));
        return AttributeValue.builder().m(m).build();
    }
}
