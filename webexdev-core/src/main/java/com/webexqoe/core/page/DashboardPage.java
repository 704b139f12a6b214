package com.webexqoe.core.page;

import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.score.Freshness;
import com.webexqoe.core.score.Headline;
import com.webexqoe.core.score.HealthScore;
import com.webexqoe.core.score.HomeAssessment;
import com.webexqoe.core.score.ProblemLocator;
import com.webexqoe.core.score.ServerRegions;
import com.webexqoe.core.sources.PollSample;
import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.QualityRecord;
import com.webexqoe.core.sources.Snapshot;
import com.webexqoe.core.sources.StatusItem;
import com.webexqoe.core.sources.XReadStatus;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The page's content from one snapshot (pure): score, assessments, "where" line, freshness,
 * tables and posts as the template's model, and the trend chart's data. Every text from outside
 * is passed as plain text: the template escapes it, the script inserts it with {@code .text()}.
 */
public final class DashboardPage {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ROOT);
    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    static final DateTimeFormatter COMPACT_SHOWN = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    /** The latest five posts of the last 24 h, as the original showed five. */
    static final int POSTS_SHOWN = 5;
    static final Duration POSTS_WINDOW = Duration.ofHours(24);
    /** The page reloads itself (docs/behaviour.md#core). */
    static final int REFRESH_SECONDS = 180;

    /** The three ThousandEyes tests and their route-graph files (docs/behaviour.md#te-poll). */
    static final List<PageModel.GraphTest> GRAPH_TESTS = List.of(
            new PageModel.GraphTest("mmp", "Multimedia Platform", "resource.json"),
            new PageModel.GraphTest("wz", "Web Zone", "resource-wz.json"),
            new PageModel.GraphTest("cb", "Collaboration Bridge", "resource-cb.json"));

    /** The result of one build: the template's model, and the trend data file's JSON. */
    public record Content(PageModel model, String trendJson) {
    }

    private DashboardPage() {
    }

    /** The page of this snapshot, showing this assessment of it (computed from it once, by {@link Assessment#of}). */
    public static Content build(Snapshot snapshot, Assessment assessment, PageSettings settings) {
        Instant now = snapshot.now();
        Function<Instant, String> shown = instant -> SHOWN.format(instant.atZone(settings.zone()));
        HealthScore.Score score = assessment.score();
        HomeAssessment.Verdict home = assessment.home();
        ProblemLocator.Location location = assessment.location();
        Headline.Line headline = assessment.headline();
        List<String> withoutFresh = assessment.withoutFreshData();
        Freshness status = assessment.freshness().status();
        Freshness polling = assessment.freshness().polling();
        Freshness alerts = assessment.freshness().alerts();
        Freshness twitter = assessment.freshness().posts();
        Freshness quality = assessment.freshness().quality();
        Optional<String> serverRegion = snapshot.serverRegion();

        PageModel model = new PageModel(REFRESH_SECONDS, contentSecurityPolicy(settings.cloudWatch()), settings.banner().orElse(null),
                shown.apply(now), assetLinks(settings.assetVersions()), scoreModel(score, withoutFresh),
                new PageModel.HeadlineLine(headline.text(), headline.ok(), headline.state().name().toLowerCase(Locale.ROOT)),
                new PageModel.Where(location.headline(), location.evidence(), location.place().name().toLowerCase(Locale.ROOT),
                        location.place() != ProblemLocator.Place.NONE),
                List.of(
                        sourceLine("social", "Social reputation", score.social().warning()
                                ? "Many negative posts about Webex: " + score.social().evidence().get(0)
                                : "The reception on social media has been good", score.social().warning(), twitter, shown),
                        sourceLine("path", "Internet path quality", score.path().warning()
                                ? "Network problems reported by ThousandEyes: " + score.path().evidence().get(0)
                                : "No network problems in the ThousandEyes analysis", score.path().warning(), polling, shown),
                        sourceLine("service", "Cisco official service availability", score.service().warning()
                                ? "Cisco reports an incident: " + score.service().evidence().get(0)
                                : "No Webex outage has been announced by Cisco", score.service().warning(), status, shown),
                        sourceLine("home", "User's Webex quality", home.line(), home.warning(), quality, shown)),
                new PageModel.History(settings.zone().getId(), HealthScore.FINE_FROM.toPlainString()),
                GRAPH_TESTS,
                settings.cloudWatch().map(URI::toString).orElse(null),
                new PageModel.Trend(snapshot.polls().size(), freshnessModel(polling, shown), freshnessModel(alerts, shown)),
                qualityModel(snapshot.quality(), home, quality, shown),
                statusModel(snapshot.statuses().stream().filter(StatusItem::fromFeed).toList(), status, shown,
                        settings.zone(), serverRegion),
                CiscoSection.model(snapshot.statuses(), serverRegion, settings.zone()),
                postModel(snapshot.posts(), now, twitter, shown, settings, snapshot.xReads()),
                snapshot.unreadable());
        return new Content(model, trendJson(snapshot.polls(), settings));
    }

    /** Scripts, styles, images and data only from the bucket; no inline script; frames only from CloudWatch's origin. */
    static String contentSecurityPolicy(Optional<URI> cloudWatch) {
        // the origin only (scheme, host, port): userinfo may hold ';' or quotes, which would end the directive
        String frames = cloudWatch.map(uri -> "https://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()))
                .orElse("'none'");
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "frame-src " + frames + "; base-uri 'none'; form-action 'none'; object-src 'none'";
    }

    private static Map<String, String> assetLinks(Map<String, String> versions) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Map.Entry<String, String> version : versions.entrySet()) {
            String name = version.getKey().replace('/', '_').replace('.', '_').replace('-', '_');
            links.put(name, version.getKey() + "?v=" + version.getValue());
        }
        return links;
    }

    private static PageModel.Score scoreModel(HealthScore.Score score, List<String> withoutFresh) {
        List<PageModel.Term> components = new ArrayList<>();
        for (HealthScore.Component component : List.of(score.social(), score.path(), score.service())) {
            components.add(new PageModel.Term(component.symbol(), component.name(), HealthScore.term(component.value()),
                    component.evidence(), component.warning()));
        }
        return new PageModel.Score(score.healthText(), score.icon().file(), score.icon().label(),
                score.icon().name().toLowerCase(Locale.ROOT), score.fine(), score.verdict(), score.formula(),
                "Health = 100 + T + N + S: T = −1 × negative + 0.1 × positive posts (12 h); "
                        + "N = −10 − max(0, (response time − 400) / 10) for the worst ThousandEyes alert (1 h); "
                        + "S = −20 for an unresolved Cisco status item (24 h)",
                components, withoutFresh.isEmpty() ? null
                        : "No fresh data for " + String.join(", ", withoutFresh) + ": counted as 0, not as proof of health");
    }

    private static PageModel.SourceLine sourceLine(String key, String title, String text, boolean warning, Freshness freshness,
                                                   Function<Instant, String> shown) {
        return new PageModel.SourceLine(key, title, text, warning, freshnessModel(freshness, shown));
    }

    static PageModel.FreshnessLine freshnessModel(Freshness freshness, Function<Instant, String> shown) {
        return new PageModel.FreshnessLine(freshness.newest().map(at -> "updated " + shown.apply(at)).orElse("no data"),
                freshness.stale(), freshness.noData(),
                freshness.stale() ? "STALE: older than " + Freshness.STALE_AFTER_SCHEDULES + " × its "
                        + freshness.schedule().map(Duration::toMinutes).orElse(0L) + "-minute schedule" : null);
    }

    private static PageModel.Quality qualityModel(Optional<QualityRecord> record, HomeAssessment.Verdict home,
                                                  Freshness freshness, Function<Instant, String> shown) {
        List<String> columns = java.util.Arrays.stream(QualityRecord.Stream.values()).map(QualityRecord.Stream::label).toList();
        if (record.isEmpty()) {
            return new PageModel.Quality(home.line(), home.warning(), freshnessModel(freshness, shown), false, columns,
                    null, null, null, null, List.of());
        }
        QualityRecord q = record.get();
        List<PageModel.QualityRow> rows = List.of(
                row("Jitter (ms)", q, QualityRecord.StreamSample::jitterMs),
                row("Latency (ms)", q, QualityRecord.StreamSample::latencyMs),
                row("MediaBitRate (bps)", q, QualityRecord.StreamSample::mediaBitRate),
                row("PacketLoss (%)", q, QualityRecord.StreamSample::packetLossPercent));
        return new PageModel.Quality(home.line(), home.warning(), freshnessModel(freshness, shown), true, columns,
                home.networkText().isEmpty() ? "unknown" : home.networkText(), q.email(),
                q.serverRegion().isEmpty() ? "unknown" : q.serverRegion(),
                home.mos().isPresent() ? String.format(Locale.ROOT, "%.1f", home.mos().getAsDouble()) : "n/a", rows);
    }

    private static PageModel.QualityRow row(String name, QualityRecord record, Function<QualityRecord.StreamSample, OptionalDouble> metric) {
        List<String> cells = new ArrayList<>();
        for (QualityRecord.Stream stream : QualityRecord.Stream.values()) {
            OptionalDouble value = metric.apply(record.streams().get(stream));
            cells.add(value.isPresent() ? HealthScore.number(round(value.getAsDouble())) : "–");
        }
        return new PageModel.QualityRow(name, cells);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static PageModel.Statuses statusModel(List<StatusItem> statuses, Freshness freshness, Function<Instant, String> shown,
                                                  java.time.ZoneId zone, Optional<String> serverRegion) {
        List<PageModel.StatusRow> rows = statuses.stream()
                .sorted(Comparator.comparing((StatusItem item) -> item.published().orElse(Instant.EPOCH)).reversed()
                        .thenComparing(StatusItem::title))
                .map(item -> {
                    // a feed title that names a region ("… on the AP cluster"), against the user's (docs/behaviour.md#core-regions)
                    Optional<ServerRegions.Match> region = ServerRegions.match(List.of(item.title()), serverRegion);
                    return new PageModel.StatusRow(item.title(), item.status(),
                            item.url().flatMap(PageSettings::httpsUrl).map(URI::toString).orElse(null),
                            item.published().map(at -> COMPACT_SHOWN.format(at.atZone(zone))).orElse("–"),
                            !HealthScore.isFinal(item.status()),
                            region.map(m -> String.join(", ", m.named()) + ": " + m.text()).orElse(null),
                            region.map(ServerRegions.Match::yours).orElse(false));
                })
                .toList();
        return new PageModel.Statuses(rows, freshnessModel(freshness, shown));
    }

    private static PageModel.Posts postModel(List<Post> posts, Instant now, Freshness freshness, Function<Instant, String> shown,
                                             PageSettings settings, XReadStatus xReads) {
        List<PageModel.PostRow> rows = new ArrayList<>();
        posts.stream()
                .filter(post -> HealthScore.inWindow(post.postedAt(), now, POSTS_WINDOW))
                .sorted(Comparator.comparing(Post::postedAt).reversed())
                .limit(POSTS_SHOWN)
                .forEach(post -> {
                    boolean counted = HealthScore.inWindow(post.postedAt(), now, HealthScore.SOCIAL_WINDOW);
                    String effect = switch (post.sentiment()) {
                        case NEGATIVE -> counted ? "−1" : "0 (older than 12 h)";
                        case POSITIVE -> counted ? "+0.1" : "0 (older than 12 h)";
                        default -> "0";
                    };
                    rows.add(new PageModel.PostRow(SHOWN.format(post.postedAt().atZone(settings.zone())), post.text(),
                            post.sentiment().name(), post.sentiment().name().toLowerCase(Locale.ROOT), effect));
                });
        List<String> notices = new ArrayList<>();
        xReads.budgetReachedAt().ifPresent(at -> notices.add("X read budget reached at "
                + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(settings.zone())) + " (" + settings.zone().getId()
                + "), next reads after 00:00 UTC: posts newer than that are not read yet"));
        xReads.xError().ifPresent(error -> notices.add("X refused the last search"
                + xReads.xErrorAt().map(at -> " at " + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(settings.zone()))).orElse("")
                + ": " + error));
        return new PageModel.Posts(rows, freshnessModel(freshness, shown), notices);
    }

    /**
     * {@code trend.json}: the last 24 h of polls, oldest first, each with its local "HH:mm" label
     * (the page's zone is {@code TZ}, not the browser's). Numbers only, written by hand.
     */
    static String trendJson(List<PollSample> polls, PageSettings settings) {
        StringBuilder json = new StringBuilder("{\"zone\":\"").append(settings.zone().getId().replace("\"", ""))
                .append("\",\"points\":[");
        List<PollSample> sorted = polls.stream().sorted(Comparator.comparing(PollSample::at)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            PollSample poll = sorted.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"t\":").append(poll.at().toEpochMilli())
                    .append(",\"label\":\"").append(SHORT.format(poll.at().atZone(settings.zone()))).append('"');
            field(json, "latency", poll.latencyMs());
            field(json, "loss", poll.lossPercent());
            field(json, "jitter", poll.jitterMs());
            field(json, "responseTime", poll.responseTimeMs());
            json.append('}');
        }
        return json.append("]}").toString();
    }

    /**
     * {@code health.json}: the 7-day chart's points, oldest first, one per 15-minute slot (UTC-aligned)
     * with its local "yyyy-MM-dd HH:mm" label in {@code TZ}, the slot's minimum score and that run's
     * terms (they add up: health = 100 + T + N + S), its home verdict and "where" location, and the
     * verdict threshold. Numbers and fixed keys only, written by hand.
     */
    public static String healthJson(List<HealthTable.Slot> points, PageSettings settings) {
        StringBuilder json = new StringBuilder("{\"zone\":\"").append(settings.zone().getId().replace("\"", ""))
                .append("\",\"threshold\":").append(HealthScore.FINE_FROM.toPlainString())
                .append(",\"slotMinutes\":").append(HealthTable.SLOT.toMinutes())
                .append(",\"points\":[");
        for (int i = 0; i < points.size(); i++) {
            HealthTable.Slot point = points.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"t\":").append(point.slotStart().toEpochMilli())
                    .append(",\"at\":").append(point.at().toEpochMilli())
                    .append(",\"label\":\"").append(SHORT.format(point.slotStart().atZone(settings.zone()))).append('"')
                    .append(",\"runLabel\":\"").append(SHORT.format(point.at().atZone(settings.zone()))).append('"')
                    .append(",\"health\":").append(point.health().stripTrailingZeros().toPlainString())
                    .append(",\"T\":").append(HealthScore.term(point.social()))
                    .append(",\"N\":").append(HealthScore.term(point.path()))
                    .append(",\"S\":").append(HealthScore.term(point.service()))
                    .append(",\"home\":\"").append(point.home()).append('"')
                    .append(",\"where\":\"").append(point.where()).append('"')
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static void field(StringBuilder json, String name, OptionalDouble value) {
        json.append(",\"").append(name).append("\":");
        json.append(value.isPresent() ? BigDecimal.valueOf(round(value.getAsDouble())).stripTrailingZeros().toPlainString() : "null");
    }
}
