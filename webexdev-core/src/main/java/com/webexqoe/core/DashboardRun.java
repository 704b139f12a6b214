package com.webexqoe.core;

import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.s3.ObjectStore;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.core.history.HealthHistory;
import com.webexqoe.core.notify.Notifier;
import com.webexqoe.core.page.DashboardPage;
import com.webexqoe.core.page.PageRenderer;
import com.webexqoe.core.page.PageSettings;
import com.webexqoe.core.page.StaticAssets;
import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.score.Freshness;
import com.webexqoe.core.sources.DashboardSources;
import com.webexqoe.core.sources.Snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The core function's work, once a minute: read the sources, compute the score, render the page,
 * record the run in the health history, make sure the static assets are in the bucket, then put
 * {@code trend.json}, {@code health.json} and {@code index.html}. A source that cannot be read leaves
 * its section saying so; the page is still written, and then the invocation fails naming the source.
 * The history never fails the run: its failure is logged and named in the answer.
 */
public final class DashboardRun {

    static final String INDEX = "index.html";
    static final String INDEX_TYPE = "text/html; charset=utf-8";
    /** Short: the page changes every minute and reloads itself every 180 s. */
    static final String INDEX_CACHE = "max-age=60";
    static final String TREND = "trend.json";
    static final String TREND_TYPE = "application/json; charset=utf-8";
    /** The 7-day health chart's data (docs/webexdev-core.md "Health history"), written on every run. */
    static final String HEALTH = "health.json";
    /** Time the asset check may take (14 HEADs, a few PUTs at a cold start); with less left it waits a run. */
    static final java.time.Duration ASSET_CHECK_BUDGET = java.time.Duration.ofSeconds(3);

    public record Result(String health, String verdict, String where, int statuses, int alerts, int polls, int posts,
                         boolean quality, List<String> assetsUploaded, List<String> stale, int pageBytes,
                         long itemsRead, double readCapacity, String notification, String history, int historyPoints,
                         String xReads)
            implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("health", health);
            fields.put("verdict", verdict);
            fields.put("where", where);
            fields.put("statusItems", statuses);
            fields.put("alerts", alerts);
            fields.put("polls", polls);
            fields.put("posts", posts);
            fields.put("qualityRecord", quality);
            fields.put("assetsUploaded", assetsUploaded.size());
            fields.put("stale", String.join(",", stale));
            fields.put("pageBytes", pageBytes);
            // What this run's reads cost (items returned, read capacity units DynamoDB reported).
            fields.put("itemsRead", itemsRead);
            fields.put("readCapacity", BigDecimal.valueOf(readCapacity).setScale(1, RoundingMode.HALF_UP));
            // The Webex space notification (docs/behaviour.md#core-notify): off, unchanged, held, posted, failed.
            fields.put("notify", notification);
            // The health history (docs/webexdev-core.md "Health history"): off, recorded, failed: <what>.
            fields.put("history", history);
            fields.put("historyPoints", historyPoints);
            // twitterapi's X bookkeeping, shown as notices above the posts: read, or unreadable: <why>.
            fields.put("xReads", xReads);
            return fields;
        }
    }

    private final DashboardSources sources;
    private final ObjectStore bucket;
    private final StaticAssets assets;
    private final PageRenderer renderer;
    private final Clock clock;
    private final ZoneId zone;
    private final Optional<String> banner;
    private final Optional<URI> cloudWatch;
    private final Optional<Notifier> notifier;
    private final HealthHistory history;

    public DashboardRun(DashboardSources sources, ObjectStore bucket, StaticAssets assets, PageRenderer renderer, Clock clock,
                        ZoneId zone, Optional<String> banner, Optional<URI> cloudWatch) {
        this(sources, bucket, assets, renderer, clock, zone, banner, cloudWatch, Optional.empty(), HealthHistory.off());
    }

    private DashboardRun(DashboardSources sources, ObjectStore bucket, StaticAssets assets, PageRenderer renderer, Clock clock,
                         ZoneId zone, Optional<String> banner, Optional<URI> cloudWatch, Optional<Notifier> notifier,
                         HealthHistory history) {
        this.notifier = notifier;
        this.history = history;
        this.sources = sources;
        this.bucket = bucket;
        this.assets = assets;
        this.renderer = renderer;
        this.clock = clock;
        this.zone = zone;
        this.banner = banner;
        this.cloudWatch = cloudWatch;
    }

    /** This run with notifications into a Webex space after each page. */
    public DashboardRun withNotifier(Notifier notify) {
        return new DashboardRun(sources, bucket, assets, renderer, clock, zone, banner, cloudWatch, Optional.of(notify), history);
    }

    /** This run recording each run's health in the health table and charting its 7-day series. */
    public DashboardRun withHistory(HealthHistory health) {
        return new DashboardRun(sources, bucket, assets, renderer, clock, zone, banner, cloudWatch, notifier, health);
    }

    public String source() {
        return sources.describe() + " -> s3://" + bucket.bucket();
    }

    /**
     * SnapStart priming: builds and renders the page of an empty snapshot at a fixed instant (the
     * epoch) into memory. Nothing is read or written, and nothing is kept: no time, no asset state
     * (the asset check still runs on the first invocation after each restore).
     */
    public int prime() {
        PageSettings settings = new PageSettings(zone, banner, cloudWatch, assets.versions());
        Snapshot empty = Snapshot.empty(Instant.EPOCH);
        Assessment assessment = Assessment.of(empty);
        DashboardPage.Content content = DashboardPage.build(empty, assessment, settings);
        String health = DashboardPage.healthJson(List.of(HealthHistory.point(assessment)), settings);
        return renderer.render(content.model()).length() + content.trendJson().length() + health.length();
    }

    public Result run(Deadline deadline) {
        Instant now = clock.instant();
        // The (hourly, and first-run) asset check is 14 HEADs: latency, not work. It runs beside the
        // reads and the rendering, and is awaited before the page is put. The page itself matters more
        // than the check, so a run short of time leaves it to the next one.
        CompletableFuture<List<String>> assetCheck = deadline.fits(ASSET_CHECK_BUDGET) && assets.due(now)
                ? CompletableFuture.supplyAsync(() -> assets.ensureIn(bucket, now), Aside.THREAD)
                : CompletableFuture.completedFuture(List.of());
        // The history's reads (eight series items at most) count in this run's itemsRead; they need
        // no score, so they run beside the sources' reads.
        DynamoTable.ReadCost historyBefore = history.readCost();
        HealthHistory.Recording recording = history.begin(now, Aside.THREAD);
        DynamoTable.ReadCost before = sources.readCost();
        Snapshot snapshot = sources.read(now);
        DynamoTable.ReadCost after = sources.readCost();
        PageSettings settings = new PageSettings(zone, banner, cloudWatch, assets.versions());
        Assessment assessment = Assessment.of(snapshot);
        DashboardPage.Content content = DashboardPage.build(snapshot, assessment, settings);
        HealthHistory.Outcome recorded = recording.finish(assessment, assessment.headline().text());
        DynamoTable.ReadCost historyAfter = history.readCost();
        byte[] html = renderer.render(content.model()).getBytes(StandardCharsets.UTF_8);
        byte[] healthJson = DashboardPage.healthJson(recorded.series(), settings).getBytes(StandardCharsets.UTF_8);
        // Assets first: the page must never link a file the bucket does not hold yet.
        List<String> uploaded = Aside.join(assetCheck);
        // The two data files side by side (independent objects), then the page that reads them.
        CompletableFuture<Void> healthPut = CompletableFuture.runAsync(
                () -> bucket.put(HEALTH, healthJson, TREND_TYPE, INDEX_CACHE), Aside.THREAD);
        bucket.put(TREND, content.trendJson().getBytes(StandardCharsets.UTF_8), TREND_TYPE, INDEX_CACHE);
        Aside.join(healthPut);
        bucket.put(INDEX, html, INDEX_TYPE, INDEX_CACHE);
        // After the page: a notification never delays or fails it. A run that could not read every
        // source does not notify: a missing table is no recovery.
        String notify = notifier.map(n -> snapshot.unreadable().isEmpty()
                ? n.notify(assessment, deadline)
                : "skipped: a source could not be read").orElse("off");
        if (!snapshot.unreadable().isEmpty()) {
            throw new CoreException("page written without " + String.join("; ", snapshot.unreadable()));
        }
        List<String> stale = assessment.freshness().all().stream().filter(Freshness::stale).map(Freshness::source).toList();
        return new Result(assessment.score().healthText(), assessment.headline().text(), assessment.location().place().text(),
                snapshot.statuses().size(), snapshot.alerts().size(), snapshot.polls().size(), snapshot.posts().size(),
                snapshot.quality().isPresent(), uploaded, stale, html.length,
                after.items() - before.items() + historyAfter.items() - historyBefore.items(),
                after.capacityUnits() - before.capacityUnits() + historyAfter.capacityUnits() - historyBefore.capacityUnits(),
                notify, recorded.status(), recorded.series().size(), snapshot.xReads().outcome());
    }
}
