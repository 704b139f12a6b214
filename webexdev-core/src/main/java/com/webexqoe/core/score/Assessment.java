package com.webexqoe.core.score;

import com.webexqoe.core.sources.Alert;
import com.webexqoe.core.sources.PollSample;
import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.QualityRecord;
import com.webexqoe.core.sources.Snapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One run's verdict, computed once from the snapshot before anything is shown: the score with its
 * terms, the home verdict, the "where" location, the headline, and how fresh each source is. The
 * page shows it, the health history records it, the notifier compares it with the last notified
 * state; none of them computes any of it again (docs/behaviour.md#core).
 */
public record Assessment(Instant at, HealthScore.Score score, HomeAssessment.Verdict home, ProblemLocator.Location location,
                         Headline.Line headline, Sources freshness, List<String> withoutFreshData) {

    /** How fresh each source's newest item is, in the order the page and the log name them. */
    public record Sources(Freshness status, Freshness polling, Freshness alerts, Freshness posts, Freshness quality) {
        public List<Freshness> all() {
            return List.of(status, polling, alerts, posts, quality);
        }
    }

    public Assessment {
        withoutFreshData = List.copyOf(withoutFreshData);
    }

    public static Assessment of(Snapshot snapshot) {
        Instant now = snapshot.now();
        Sources freshness = new Sources(
                Freshness.of("Cisco status", newest(snapshot.statuses().stream()
                        .map(item -> item.lastSeen().or(item::published)).flatMap(Optional::stream).toList()),
                        Optional.of(Freshness.STATUS_SCHEDULE), now),
                Freshness.of("ThousandEyes polling", newest(snapshot.polls().stream().map(PollSample::at).toList()),
                        Optional.of(Freshness.TE_POLL_SCHEDULE), now),
                Freshness.of("ThousandEyes alerts", newest(snapshot.alerts().stream().map(Alert::receivedAt).toList()),
                        Optional.empty(), now),
                Freshness.of("posts", newest(snapshot.posts().stream().map(Post::postedAt).toList()),
                        Optional.of(Freshness.TWITTER_SCHEDULE), now),
                Freshness.of("meeting quality", snapshot.quality().flatMap(QualityRecord::sampleTime), Optional.empty(), now));

        HealthScore.Score score = HealthScore.compute(snapshot.posts(), snapshot.alerts(), snapshot.statuses(), now);
        HomeAssessment.Verdict home = HomeAssessment.assess(snapshot.quality());
        List<String> withoutFresh = new ArrayList<>();
        if (freshness.posts().notFresh()) {
            withoutFresh.add("T (posts)");
        }
        if (freshness.polling().notFresh()) {
            withoutFresh.add("N (ThousandEyes)");
        }
        if (freshness.status().notFresh()) {
            withoutFresh.add("S (Cisco status)");
        }
        List<String> degraded = CiscoEvents.degraded(snapshot.statuses());
        ProblemLocator.Location location = ProblemLocator.locate(score, home, withoutFresh, degraded);
        Headline.Line headline = Headline.of(score, home, CiscoEvents.open(snapshot.statuses(), now, HealthScore.SERVICE_WINDOW),
                degraded, snapshot.serverRegion());
        return new Assessment(now, score, home, location, headline, freshness, withoutFresh);
    }

    /** The verdict by the score rule: ≥ 70 fine (docs/behaviour.md#core-thresholds). */
    public boolean fine() {
        return score.fine();
    }

    public ProblemLocator.Place place() {
        return location.place();
    }

    public BigDecimal health() {
        return score.health();
    }

    private static Optional<Instant> newest(List<Instant> times) {
        return times.stream().max(Comparator.naturalOrder());
    }
}
