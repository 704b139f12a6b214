package com.webexqoe.twitter;

import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.time.Deadline;
import org.junit.jupiter.api.Test;
import twitter4j.conf.Configuration;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Twitter4J's own HTTP stack (20 s connect, 120 s read, by default) is held inside the invocation's budget. */
class Twitter4jSearchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:15:00Z"), ZoneOffset.UTC);
    private static final OAuthKeys KEYS = new OAuthKeys("ck", "cs", "at", "as");

    private static Twitter4jSearch search() {
        return new Twitter4jSearch(URI.create("http://127.0.0.1:8089/"), KEYS, "webexdev/secrets", HttpSettings.DEFAULTS,
                duration -> { }, CLOCK);
    }

    @Test
    void withTimeToSpareTheFunctionsHttpSettingsApply() {
        Configuration conf = search().configuration(Deadline.after(Duration.ofSeconds(12), CLOCK));

        assertThat(conf.getHttpClientConfiguration().getHttpConnectionTimeout()).isEqualTo(3_000);
        assertThat(conf.getHttpClientConfiguration().getHttpReadTimeout()).isEqualTo(5_000);
        assertThat(conf.getHttpClientConfiguration().getHttpRetryCount()).isZero();
        assertThat(conf.getRestBaseURL()).isEqualTo("http://127.0.0.1:8089/1.1/");
        assertThat(conf.isTweetModeExtended()).isTrue();
    }

    @Test
    void nearTheDeadlineConnectAndReadTogetherFitTheTimeLeft() {
        Configuration conf = search().configuration(Deadline.after(Duration.ofMillis(2_550), CLOCK));

        int connect = conf.getHttpClientConfiguration().getHttpConnectionTimeout();
        int read = conf.getHttpClientConfiguration().getHttpReadTimeout();
        assertThat(connect).isEqualTo(1_200);
        assertThat(read).isEqualTo(1_300);
        assertThat(connect + read).isLessThanOrEqualTo(2_550);
    }

    @Test
    void keysNeverShowInTheirDescription() {
        assertThat(KEYS.toString()).isEqualTo("OAuthKeys[API_KEY, API_SECRET, TWITTER_TOKEN, TWITTER_TOKEN_SECRET]");
    }
}
