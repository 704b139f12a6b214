package com.webexqoe.twitter;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XApiV2ParserTest {

    @Test
    void readsTenPostsNewestFirstWithTheWholeTextOfALongPost() {
        List<Post> posts = XApiV2Parser.parse(Fixtures.bytes("x-api-v2/search-recent-ten-posts.json"));

        assertThat(posts).hasSize(10);
        // Snowflake ids grow with time: newest first means decreasing ids and times.
        for (int i = 1; i < posts.size(); i++) {
            assertThat(new BigInteger(posts.get(i - 1).id())).isGreaterThan(new BigInteger(posts.get(i).id()));
            assertThat(posts.get(i - 1).createdAt()).isAfterOrEqualTo(posts.get(i).createdAt());
        }
        assertThat(posts.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-28T03:59:58.412Z"));
        assertThat(posts.get(0).lang()).contains("en");
        Post longPost = posts.get(3);
        assertThat(longPost.text()).hasSizeGreaterThan(280).startsWith("Long thread-style note on our Webex rollout")
                .endsWith("Would recommend planning an extra week for device testing.");
        assertThat(posts.get(8).text()).contains("\uD83D\uDE29");
    }

    @Test
    void noPostsIsAnEmptyList() {
        assertThat(XApiV2Parser.parse(Fixtures.bytes("x-api-v2/search-recent-no-posts.json"))).isEmpty();
    }

    @Test
    void anAnswerWithOnlyErrorsFails() {
        assertThatThrownBy(() -> XApiV2Parser.parse(Fixtures.bytes("x-api-v2/error-invalid-query.json")))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessage("X API v2 recent search: answered with errors and no posts (Invalid Request)");
    }

    @Test
    void somethingThatIsNotJsonFails() {
        assertThatThrownBy(() -> XApiV2Parser.parse("<html>Over capacity</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TwitterSearchException.class)
                .hasMessage("X API v2 recent search: the answer is not JSON");
    }

    @Test
    void aPostWithoutIdOrTimeIsLeftOut() {
        String answer = """
                {"data": [{"id": "2126526488269361152", "text": "Webex ok", "created_at": "2026-11-28T03:59:58.000Z"},
                          {"text": "no id", "created_at": "2026-11-28T03:59:57.000Z"},
                          {"id": "2126526488269361151", "text": "no time"}],
                 "meta": {"result_count": 3}}
                """;
        assertThat(XApiV2Parser.parse(answer.getBytes(StandardCharsets.UTF_8))).extracting(Post::id)
                .containsExactly("2126526488269361152");
    }
}
