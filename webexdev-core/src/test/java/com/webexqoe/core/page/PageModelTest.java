package com.webexqoe.core.page;

import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.Snapshot;
import com.webexqoe.core.sources.StatusItem;
import com.webexqoe.core.sources.XReadStatus;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page model as the template gets it, without rendering: every line worded from the one
 * assessment of the snapshot, times in {@code TZ}, links only for https.
 */
class PageModelTest {

    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final PageSettings TOKYO = new PageSettings(ZoneId.of("Asia/Tokyo"), Optional.of("Demo data"),
            Optional.of(URI.create("https://cloudwatch.amazonaws.com/dashboard.html?dashboard=webexdev")),
            Map.of("style.css", "abc123"));

    private static PageModel model(Snapshot snapshot) {
        return DashboardPage.build(snapshot, Assessment.of(snapshot), TOKYO).model();
    }

    @Test
    void anOpenIncidentAndANegativePostAreWordedFromTheAssessment() {
        StatusItem incident = new StatusItem("Webex Meetings - Users may be unable to join", Optional.of("http://status.webex.com/x"),
                "investigating", Optional.of(NOW.minus(Duration.ofHours(2))), Optional.of(NOW.minus(Duration.ofMinutes(2))),
                Optional.empty());
        Post negative = new Post("1", NOW.minus(Duration.ofMinutes(30)), "Webex is down again", Post.Sentiment.NEGATIVE);
        Snapshot snapshot = new Snapshot(NOW, List.of(incident), List.of(), List.of(), List.of(negative), Optional.empty(), List.of(),
                new XReadStatus(Optional.of(NOW.minus(Duration.ofMinutes(5))), Optional.empty(), Optional.empty()));

        PageModel page = model(snapshot);

        assertThat(page.score().health()).isEqualTo("79.0");
        assertThat(page.score().components()).extracting(PageModel.Term::symbol, PageModel.Term::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T", "-1"), org.assertj.core.groups.Tuple.tuple("N", "0"),
                        org.assertj.core.groups.Tuple.tuple("S", "-20"));
        assertThat(page.assessments()).extracting(PageModel.SourceLine::key).containsExactly("social", "path", "service", "home");
        assertThat(page.assessments().get(2).text()).startsWith("Cisco reports an incident: ");
        assertThat(page.where().place()).isEqualTo("webex_service");
        assertThat(page.where().warning()).isTrue();
        assertThat(page.updated()).isEqualTo("2026-11-28 12:00:00 JST");
        assertThat(page.banner()).isEqualTo("Demo data");
        assertThat(page.asset()).containsEntry("style_css", "style.css?v=abc123");

        PageModel.StatusRow row = page.statuses().rows().get(0);
        assertThat(row.href()).as("an http link is shown as text, not linked").isNull();
        assertThat(row.open()).isTrue();
        assertThat(page.statuses().freshness().text()).isEqualTo("updated 2026-11-28 11:58:00 JST");

        assertThat(page.posts().rows()).extracting(PageModel.PostRow::effect).containsExactly("−1");
        assertThat(page.posts().notices()).singleElement().asString()
                .startsWith("X read budget reached at 11:55 (Asia/Tokyo)");
        assertThat(page.quality().hasData()).isFalse();
        assertThat(page.quality().rows()).isEmpty();
        assertThat(page.history().threshold()).isEqualTo("70");
    }

    @Test
    void anEmptySnapshotSaysNoDataEverywhereAndNamesTheTermsWithoutFreshData() {
        PageModel page = model(Snapshot.empty(NOW));

        assertThat(page.score().health()).isEqualTo("100.0");
        assertThat(page.score().withoutFresh()).isEqualTo(
                "No fresh data for T (posts), N (ThousandEyes), S (Cisco status): counted as 0, not as proof of health");
        assertThat(page.trend().points()).isZero();
        assertThat(page.trend().freshness().noData()).isTrue();
        assertThat(page.posts().freshness().text()).isEqualTo("no data");
        assertThat(page.cisco().hasApi()).isFalse();
        assertThat(page.graphTests()).extracting(PageModel.GraphTest::file)
                .containsExactly("resource.json", "resource-wz.json", "resource-cb.json");
        assertThat(page.contentSecurityPolicy()).contains("frame-src https://cloudwatch.amazonaws.com;");
    }
}
