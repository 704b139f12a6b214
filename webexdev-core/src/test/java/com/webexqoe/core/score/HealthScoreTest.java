package com.webexqoe.core.score;

import com.webexqoe.core.sources.Alert;
import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.StatusItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HealthScoreTest {

    static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

    static Post post(Post.Sentiment sentiment, Duration ago) {
        return new Post("p" + ago.toSeconds() + sentiment, NOW.minus(ago), "text", sentiment);
    }

    static List<Post> posts(int count, Post.Sentiment sentiment) {
        return IntStream.range(0, count).mapToObj(i -> post(sentiment, Duration.ofMinutes(10 + i))).toList();
    }

    static Alert alert(boolean trigger, Duration ago, String... metrics) {
        return new Alert("e1", NOW.minus(ago), "HTTP Server", trigger, List.of("Tokyo, Japan"), List.of(metrics),
                "Webex Web Zone", "((responseTime >= 400 ms))");
    }

    static StatusItem status(String status, Duration ago) {
        return new StatusItem("Webex Meetings - join failures", Optional.of("https://status.webex.com/incidents/1"), status,
                Optional.of(NOW.minus(ago)), Optional.of(NOW));
    }

    static HealthScore.Score score(List<Post> posts, List<Alert> alerts, List<StatusItem> statuses) {
        return HealthScore.compute(posts, alerts, statuses, NOW);
    }

    @Test
    void noDataIsAHundred() {
        HealthScore.Score score = score(List.of(), List.of(), List.of());
        assertThat(score.healthText()).isEqualTo("100.0");
        assertThat(score.formula()).isEqualTo("100 + (0) + (0) + (0) = 100.0");
        assertThat(score.icon()).isEqualTo(HealthScore.Icon.SUNNY);
        assertThat(score.verdict()).isEqualTo("Webex seems to be working fine");
    }

    @Test
    void fivePositivePostsAddHalfAPoint() {
        HealthScore.Score score = score(posts(5, Post.Sentiment.POSITIVE), List.of(), List.of());
        assertThat(score.healthText()).isEqualTo("100.5");
        assertThat(score.social().evidence().get(0)).startsWith("0 negative and 5 positive posts in the last 12 h");
    }

    @Test
    void twentyFiveNegativePostsCostTwentyFiveAndWarn() {
        HealthScore.Score score = score(posts(25, Post.Sentiment.NEGATIVE), List.of(), List.of());
        assertThat(score.healthText()).isEqualTo("75.0");
        assertThat(score.social().value()).isEqualByComparingTo("-25");
        assertThat(score.social().warning()).isTrue();
        assertThat(score.icon()).isEqualTo(HealthScore.Icon.CLOUDY);
    }

    @Test
    void postsOlderThanTwelveHoursAndNeutralPostsDoNotCount() {
        List<Post> posts = new ArrayList<>(posts(3, Post.Sentiment.NEUTRAL));
        posts.add(post(Post.Sentiment.NEGATIVE, Duration.ofHours(12).plusMinutes(1)));
        posts.add(post(Post.Sentiment.MIXED, Duration.ofMinutes(5)));
        assertThat(score(posts, List.of(), List.of()).social().value()).isEqualByComparingTo("0");
    }

    @Test
    void alertWithResponseTime980msTenMinutesAgoCostsSixtyEight() {
        HealthScore.Score score = score(List.of(), List.of(alert(true, Duration.ofMinutes(10), "Response Time: 980 ms")), List.of());
        assertThat(score.path().value()).isEqualByComparingTo("-68");
        assertThat(HealthScore.term(score.path().value())).isEqualTo("-68");
        assertThat(score.path().warning()).isTrue();
        assertThat(score.path().evidence().get(0)).contains("HTTP Server on test \"Webex Web Zone\"")
                .contains("response time 980 ms").contains("10 min ago");
    }

    @Test
    void alertSixtyOneMinutesOldCostsNothing() {
        assertThat(score(List.of(), List.of(alert(true, Duration.ofMinutes(61), "Response Time: 980 ms")), List.of())
                .path().value()).isEqualByComparingTo("0");
    }

    @Test
    void aResponseTimeWithAGroupSeparatorIsReadWhole() {
        // ThousandEyes writes thousands with a comma: 1,204 ms -> -10 - (1204 - 400) / 10 = -90.4
        assertThat(score(List.of(), List.of(alert(true, Duration.ofMinutes(5), "Response Time: 1,204 ms")), List.of())
                .path().value()).isEqualByComparingTo("-90.4");
    }

    @Test
    void clearsDoNotCountAndAnAlertWithoutResponseTimeCostsTen() {
        assertThat(score(List.of(), List.of(alert(false, Duration.ofMinutes(5), "Response Time: 980 ms")), List.of())
                .path().value()).isEqualByComparingTo("0");
        HealthScore.Score lossOnly = score(List.of(), List.of(alert(true, Duration.ofMinutes(5), "Loss: 12%")), List.of());
        assertThat(lossOnly.path().value()).isEqualByComparingTo("-10");
        assertThat(lossOnly.path().warning()).isFalse();
    }

    @Test
    void theWorstOfSeveralAlertsCountsAndFastResponsesCostOnlyTheBase() {
        HealthScore.Score score = score(List.of(), List.of(
                alert(true, Duration.ofMinutes(5), "Response Time: 300 ms"),
                alert(true, Duration.ofMinutes(20), "Response Time: 455 ms", "Response Time: 612 ms")), List.of());
        assertThat(score.path().value()).isEqualByComparingTo("-31.2");
    }

    @Test
    void unresolvedStatusTwoHoursAgoCostsTwenty() {
        HealthScore.Score score = score(List.of(), List.of(), List.of(status("investigating", Duration.ofHours(2))));
        assertThat(score.service().value()).isEqualByComparingTo("-20");
        assertThat(score.service().evidence().get(0)).isEqualTo("\"Webex Meetings - join failures\" — investigating, published 120 min ago");
    }

    @ParameterizedTest
    @CsvSource({"resolved", "Completed", "postmortem", "scheduled", "' resolved '"})
    void finalStatusesCostNothing(String status) {
        assertThat(score(List.of(), List.of(), List.of(status(status, Duration.ofHours(2)))).service().value())
                .isEqualByComparingTo("0");
    }

    @Test
    void unresolvedButThreeDaysOldCostsNothing() {
        assertThat(score(List.of(), List.of(), List.of(status("in progress", Duration.ofDays(3)))).service().value())
                .isEqualByComparingTo("0");
    }

    @Test
    void theFormulaShowsThisRunsNumbers() {
        List<Post> posts = new ArrayList<>(posts(2, Post.Sentiment.NEGATIVE));
        posts.addAll(posts(5, Post.Sentiment.POSITIVE));
        HealthScore.Score score = score(posts, List.of(alert(true, Duration.ofMinutes(10), "Response Time: 980 ms")),
                List.of(status("identified", Duration.ofHours(2))));
        assertThat(score.formula()).isEqualTo("100 + (-1.5) + (-68) + (-20) = 10.5");
        assertThat(score.icon()).isEqualTo(HealthScore.Icon.STORM);
        assertThat(score.verdict()).isEqualTo("Webex may not be working properly");
    }

    @ParameterizedTest
    @CsvSource({
            "85, SUNNY, true", "84.9, CLOUDY, true", "75, CLOUDY, true", "74.9, RAIN, true",
            "70, RAIN, true", "69.9, RAIN, false", "65, RAIN, false", "64.9, STORM, false"})
    void iconAndVerdictAtTheBandEdges(String health, HealthScore.Icon icon, boolean fine) {
        BigDecimal value = new BigDecimal(health);
        assertThat(HealthScore.icon(value)).isEqualTo(icon);
        // reach the health through the score itself: negative posts of −1 and the rest as a −0.1 fraction is not
        // expressible, so the verdict is checked on the rule the score applies.
        assertThat(value.compareTo(HealthScore.FINE_FROM) >= 0).isEqualTo(fine);
    }

    @Test
    void verdictThroughTheScoreAtSeventyAndJustBelow() {
        HealthScore.Score seventy = score(posts(30, Post.Sentiment.NEGATIVE), List.of(), List.of());
        assertThat(seventy.healthText()).isEqualTo("70.0");
        assertThat(seventy.fine()).isTrue();
        assertThat(seventy.icon()).isEqualTo(HealthScore.Icon.RAIN);
        HealthScore.Score below = score(posts(31, Post.Sentiment.NEGATIVE), List.of(), List.of());
        assertThat(below.fine()).isFalse();
        assertThat(below.verdict()).isEqualTo("Webex may not be working properly");
    }
}
