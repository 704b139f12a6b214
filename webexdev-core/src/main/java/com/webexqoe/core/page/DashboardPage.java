package com.webexqoe.core.page;

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

import com.webexqoe.common.schema.HealthTable;

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
    static final List<Map<String, Object>> GRAPH_TESTS = List.of(
            Map.of("key", "mmp", "label", "Multimedia Platform", "file", "resource.json"),
            Map.of("key", "wz", "label", "Web Zone", "file", "resource-wz.json"),
            Map.of("key", "cb", "label", "Collaboration Bridge", "file", "resource-cb.json"));

    /** The result of one build: the template's model, and the trend data file's JSON. */
    public record Content(Map<String, Object> model, String trendJson) {
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

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("refreshSeconds", REFRESH_SECONDS);
        model.put("contentSecurityPolicy", contentSecurityPolicy(settings.cloudWatch()));
        model.put("banner", settings.banner().orElse(null));
        model.put("updated", shown.apply(now));
        model.put("asset", assetLinks(settings.assetVersions()));
        model.put("score", scoreModel(score, withoutFresh));
        model.put("headline", Map.of("text", headline.text(), "ok", headline.ok(), "state", headline.state().name().toLowerCase(Locale.ROOT)));
        model.put("where", Map.of("headline", location.headline(), "evidence", location.evidence(), "place", location.place().name().toLowerCase(Locale.ROOT),
                "warning", location.place() != ProblemLocator.Place.NONE));
        model.put("assessments", List.of(
                assessment("social", "Social reputation", score.social().warning()
                        ? "Many negative posts about Webex: " + score.social().evidence().get(0)
                        : "The reception on social media has been good", score.social().warning(), twitter, shown),
                assessment("path", "Internet path quality", score.path().warning()
                        ? "Network problems reported by ThousandEyes: " + score.path().evidence().get(0)
                        : "No network problems in the ThousandEyes analysis", score.path().warning(), polling, shown),
                assessment("service", "Cisco official service availability", score.service().warning()
                        ? "Cisco reports an incident: " + score.service().evidence().get(0)
                        : "No Webex outage has been announced by Cisco", score.service().warning(), status, shown),
                assessment("home", "User's Webex quality", home.line(), home.warning(), quality, shown)));
        model.put("history", Map.of("zone", settings.zone().getId(), "threshold", HealthScore.FINE_FROM.toPlainString()));
        model.put("graphTests", GRAPH_TESTS);
        model.put("cloudWatch", settings.cloudWatch().map(URI::toString).orElse(null));
        model.put("trend", Map.of("points", snapshot.polls().size(), "freshness", freshnessModel(polling, shown),
                "alerts", freshnessModel(alerts, shown)));
        model.put("quality", qualityModel(snapshot.quality(), home, quality, shown));
        model.put("statuses", statusModel(snapshot.statuses().stream().filter(StatusItem::fromFeed).toList(), status, shown,
                settings.zone(), serverRegion));
        model.put("cisco", CiscoSection.model(snapshot.statuses(), serverRegion, settings.zone()));
        model.put("posts", postModel(snapshot.posts(), now, twitter, shown, settings, snapshot.xReads()));
        model.put("unreadable", snapshot.unreadable());
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

    private static Map<String, Object> assetLinks(Map<String, String> versions) {
        Map<String, Object> links = new LinkedHashMap<>();
        for (Map.Entry<String, String> version : versions.entrySet()) {
            String name = version.getKey().replace('/', '_').replace('.', '_').replace('-', '_');
            links.put(name, version.getKey() + "?v=" + version.getValue());
        }
        return links;
    }

    private static Map<String, Object> scoreModel(HealthScore.Score score, List<String> withoutFresh) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("health", score.healthText());
        model.put("icon", score.icon().file());
        model.put("iconLabel", score.icon().label());
        model.put("iconClass", score.icon().name().toLowerCase(Locale.ROOT));
        model.put("fine", score.fine());
        model.put("verdict", score.verdict());
        model.put("formula", score.formula());
        model.put("rule", "Health = 100 + T + N + S: T = −1 × negative + 0.1 × positive posts (12 h); "
                + "N = −10 − max(0, (response time − 400) / 10) for the worst ThousandEyes alert (1 h); "
                + "S = −20 for an unresolved Cisco status item (24 h)");
        List<Map<String, Object>> components = new ArrayList<>();
        for (HealthScore.Component component : List.of(score.social(), score.path(), score.service())) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("symbol", component.symbol());
            c.put("name", component.name());
            c.put("value", HealthScore.term(component.value()));
            c.put("evidence", component.evidence());
            c.put("warning", component.warning());
            components.add(c);
        }
        model.put("components", components);
        model.put("withoutFresh", withoutFresh.isEmpty() ? null
                : "No fresh data for " + String.join(", ", withoutFresh) + ": counted as 0, not as proof of health");
        return model;
    }

    private static Map<String, Object> assessment(String key, String title, String text, boolean warning, Freshness freshness,
                                                  Function<Instant, String> shown) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("key", key);
        model.put("title", title);
        model.put("text", text);
        model.put("warning", warning);
        model.put("freshness", freshnessModel(freshness, shown));
        return model;
    }

    static Map<String, Object> freshnessModel(Freshness freshness, Function<Instant, String> shown) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("text", freshness.newest().map(at -> "updated " + shown.apply(at)).orElse("no data"));
        model.put("stale", freshness.stale());
        model.put("noData", freshness.noData());
        model.put("staleText", freshness.stale() ? "STALE: older than " + Freshness.STALE_AFTER_SCHEDULES + " × its "
                + freshness.schedule().map(Duration::toMinutes).orElse(0L) + "-minute schedule" : null);
        return model;
    }

    private static Map<String, Object> qualityModel(Optional<QualityRecord> record, HomeAssessment.Verdict home,
                                                    Freshness freshness, Function<Instant, String> shown) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("verdict", home.line());
        model.put("warning", home.warning());
        model.put("freshness", freshnessModel(freshness, shown));
        model.put("hasData", record.isPresent());
        model.put("columns", java.util.Arrays.stream(QualityRecord.Stream.values()).map(QualityRecord.Stream::label).toList());
        if (record.isEmpty()) {
            model.put("rows", List.of());
            return model;
        }
        QualityRecord q = record.get();
        model.put("network", home.networkText().isEmpty() ? "unknown" : home.networkText());
        model.put("email", q.email());
        model.put("serverRegion", q.serverRegion().isEmpty() ? "unknown" : q.serverRegion());
        model.put("mos", home.mos().isPresent() ? String.format(Locale.ROOT, "%.1f", home.mos().getAsDouble()) : "n/a");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("Jitter (ms)", q, QualityRecord.StreamSample::jitterMs));
        rows.add(row("Latency (ms)", q, QualityRecord.StreamSample::latencyMs));
        rows.add(row("MediaBitRate (bps)", q, QualityRecord.StreamSample::mediaBitRate));
        rows.add(row("PacketLoss (%)", q, QualityRecord.StreamSample::packetLossPercent));
        model.put("rows", rows);
        return model;
    }

    private static Map<String, Object> row(String name, QualityRecord record, Function<QualityRecord.StreamSample, OptionalDouble> metric) {
        List<String> cells = new ArrayList<>();
        for (QualityRecord.Stream stream : QualityRecord.Stream.values()) {
            OptionalDouble value = metric.apply(record.streams().get(stream));
            cells.add(value.isPresent() ? HealthScore.number(round(value.getAsDouble())) : "–");
        }
        return Map.of("name", name, "cells", cells);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static Map<String, Object> statusModel(List<StatusItem> statuses, Freshness freshness, Function<Instant, String> shown,
                                                   java.time.ZoneId zone, Optional<String> serverRegion) {
        List<Map<String, Object>> rows = new ArrayList<>();
        statuses.stream()
                .sorted(Comparator.comparing((StatusItem item) -> item.published().orElse(Instant.EPOCH)).reversed()
                        .thenComparing(StatusItem::title))
                .forEach(item -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("title", item.title());
                    row.put("status", item.status());
                    row.put("href", item.url().flatMap(PageSettings::httpsUrl).map(URI::toString).orElse(null));
                    row.put("published", item.published().map(at -> COMPACT_SHOWN.format(at.atZone(zone))).orElse("–"));
                    row.put("open", !HealthScore.isFinal(item.status()));
                    // a feed title that names a region ("… on the AP cluster"), against the user's (docs/behaviour.md#core-regions)
                    Optional<ServerRegions.Match> region = ServerRegions.match(List.of(item.title()), serverRegion);
                    row.put("region", region.map(m -> String.join(", ", m.named()) + ": " + m.text()).orElse(null));
                    row.put("yours", region.map(ServerRegions.Match::yours).orElse(false));
                    rows.add(row);
                });
        return Map.of("rows", rows, "freshness", freshnessModel(freshness, shown));
    }

    private static Map<String, Object> postModel(List<Post> posts, Instant now, Freshness freshness, Function<Instant, String> shown,
                                                 PageSettings settings, XReadStatus xReads) {
        List<Map<String, Object>> rows = new ArrayList<>();
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
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("time", SHOWN.format(post.postedAt().atZone(settings.zone())));
                    row.put("text", post.text());
                    row.put("sentiment", post.sentiment().name());
                    row.put("sentimentClass", post.sentiment().name().toLowerCase(Locale.ROOT));
                    row.put("effect", effect);
                    rows.add(row);
                });
        List<String> notices = new ArrayList<>();
        xReads.budgetReachedAt().ifPresent(at -> notices.add("X read budget reached at "
                + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(settings.zone())) + " (" + settings.zone().getId()
                + "), next reads after 00:00 UTC: posts newer than that are not read yet"));
        xReads.xError().ifPresent(error -> notices.add("X refused the last search"
                + xReads.xErrorAt().map(at -> " at " + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(settings.zone()))).orElse("")
                + ": " + error));
        return Map.of("rows", rows, "freshness", freshnessModel(freshness, shown), "notices", notices);
    }

    private static Optional<Instant> newest(List<Instant> times) {
        return times.stream().max(Comparator.naturalOrder());
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
