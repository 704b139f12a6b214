package com.webexqoe.twitter;

import com.webexqoe.common.time.LocalTimes;
import com.webexqoe.twitter.TextAnalysis.SentimentScores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import twitter4j.TwitterObjectFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * v1.1 writes {@code created_at} as {@code Wed Oct 10 20:19:24 +0000 2018} (read by Twitter4J, as in
 * production), v2 as ISO-8601 UTC: the same moment must become the same stored times in any {@code TZ}.
 */
class PostTimesTest {

    private static final String V11_STATUS = """
            {"created_at": "Wed Oct 10 20:19:24 +0000 2018", "id": 1050118621198921728,
             "id_str": "1050118621198921728", "full_text": "To make room for more expression, we will now count all emojis as equal. Webex",
             "truncated": false, "display_text_range": [0, 79], "lang": "en",
             "user": {"id": 6253282, "id_str": "6253282", "name": "Twitter API", "screen_name": "TwitterAPI",
                      "created_at": "Wed May 23 06:01:13 +0000 2007"}}
            """;
    private static final String V2_ANSWER = """
            {"data": [{"id": "1050118621198921728", "edit_history_tweet_ids": ["1050118621198921728"],
                       "text": "To make room for more expression, we will now count all emojis as equal. Webex",
                       "created_at": "2018-10-10T20:19:24.000Z", "lang": "en"}],
             "meta": {"newest_id": "1050118621198921728", "oldest_id": "1050118621198921728", "result_count": 1}}
            """;

    @ParameterizedTest(name = "TZ={0}")
    @CsvSource({
            "Asia/Tokyo, 20181011051924, 2018-10-11",
            "America/Los_Angeles, 20181010131924, 2018-10-10",
            "UTC, 20181010201924, 2018-10-10",
            "Pacific/Kiritimati, 20181011101924, 2018-10-11"
    })
    void v11AndV2TimesBecomeTheSameStoredTimes(String zone, String datetime, String day) throws Exception {
        Post v11 = Twitter4jSearch.toPost(TwitterObjectFactory.createStatus(V11_STATUS)).orElseThrow();
        Post v2 = XApiV2Parser.parse(V2_ANSWER.getBytes(StandardCharsets.UTF_8)).get(0);
        LocalTimes times = new LocalTimes(Clock.fixed(Instant.parse("2018-10-11T00:00:00Z"), ZoneOffset.UTC), ZoneId.of(zone));

        Map<String, AttributeValue> fromV11 = item(v11, times);
        Map<String, AttributeValue> fromV2 = item(v2, times);

        for (Map<String, AttributeValue> item : List.of(fromV11, fromV2)) {
            assertThat(item.get("datetime").n()).isEqualTo(datetime);
            assertThat(item.get("unixtime").n()).isEqualTo("1539202764");
            assertThat(item.get("day").s()).isEqualTo(day);
            assertThat(item.get("tweetid").s()).isEqualTo("1050118621198921728");
        }
        assertThat(v11.text()).isEqualTo(v2.text());
        assertThat(v11.lang()).isEqualTo(v2.lang()).contains("en");
    }

    private static Map<String, AttributeValue> item(Post post, LocalTimes times) {
        SentimentScores neutral = new SentimentScores("NEUTRAL", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO);
        return DynamoPostStore.item(new AnalysedPost(post, List.of(), neutral), Instant.parse("2018-10-11T00:00:00Z"), times);
    }
}
