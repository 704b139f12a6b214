package com.webexqoe.twitter;

import com.webexqoe.common.schema.TwitterTable;
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
 * Table {@code webexdev-twitter} (docs/behaviour.md#twitterapi): key {@code tweetid} (the original keyed on the
 * second and lost posts made in the same second); {@code datetime}, {@code unixtime}, {@code text},
 * {@code Sentiment}, {@code SentimentScore}, {@code language_code} as the original wrote them;
 * {@code day} for the {@code byDay} index and the TTL {@code expiresAt} are new.
 */
public record DynamoPostStore(DynamoTable table, LocalTimes times) implements PostStore {

    public static final String KEY = TwitterTable.TWEET_ID;
    /** Stored posts expire a week after they were analysed: recent search only reaches 7 days back. */
    static final Duration RETENTION = TwitterTable.RETENTION;

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

    /** An item of the table's shape made of constants, for SnapStart priming of the writes. */
    public static Map<String, AttributeValue> primingItem() {
        return Map.of(KEY, s("0"), TwitterTable.DATETIME, n(20000101000000L), TwitterTable.TEXT, s("priming"),
                TwitterTable.DAY, s("2000-01-01"), TwitterTable.EXPIRES_AT, n(0));
    }

    public static Map<String, AttributeValue> item(AnalysedPost analysed, Instant now, LocalTimes times) {
        Post post = analysed.post();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(KEY, s(post.id()));
        item.put(TwitterTable.DATETIME, n(times.compactNumber(post.createdAt())));
        item.put(TwitterTable.UNIXTIME, n(post.createdAt().getEpochSecond()));
        item.put(TwitterTable.TEXT, s(post.text()));
        SentimentScores sentiment = analysed.sentiment();
        item.put(TwitterTable.SENTIMENT, s(sentiment.sentiment()));
        Map<String, AttributeValue> scores = new LinkedHashMap<>();
        scores.put(TwitterTable.POSITIVE, n(sentiment.positive()));
        scores.put(TwitterTable.NEGATIVE, n(sentiment.negative()));
        scores.put(TwitterTable.NEUTRAL, n(sentiment.neutral()));
        scores.put(TwitterTable.MIXED, n(sentiment.mixed()));
        item.put(TwitterTable.SENTIMENT_SCORE, AttributeValue.builder().m(scores).build());
        item.put(TwitterTable.LANGUAGE_CODE, AttributeValue.builder().l(analysed.languages().stream().map(DynamoPostStore::language).toList()).build());
        item.put(TwitterTable.DAY, s(times.day(post.createdAt())));
        item.put(TwitterTable.EXPIRES_AT, n(TwitterTable.SCHEMA.expiresAt(now)));
        return item;
    }

    private static AttributeValue language(LanguageScore language) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put(TwitterTable.LANGUAGE_CODE_FIELD, s(language.languageCode()));
        language.score().ifPresent(score -> m.put(TwitterTable.SCORE, n(score)));
        return AttributeValue.builder().m(m).build();
    }
}
