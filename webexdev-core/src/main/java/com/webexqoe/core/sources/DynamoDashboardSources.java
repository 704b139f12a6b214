package com.webexqoe.core.sources;

import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.dynamo.KeyQuery;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.time.LocalTimes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/**
 * The five tables and the secret, read the way docs/behaviour.md#tables keys them: {@code byDay} queries of
 * today's and yesterday's partitions (local dates in {@code TZ}) bounded to the last 24 h, the
 * {@code byUser} index newest first for the user's latest quality record, and a scan of the small
 * status table only. A source that fails is named in the snapshot; the others still count.
 */
public final class DynamoDashboardSources implements DashboardSources {

    /** The page shows the last 24 h (trend chart, posts); the score's own windows are shorter. */
    static final Duration WINDOW = Duration.ofHours(24);
    /** Every time-keyed table names its day index the same: the schemas agree, one name is enough. */
    public static final String BY_DAY = AlertTable.BY_DAY;
    public static final String BY_USER = QualityTable.BY_USER;
    static final String USER_EMAIL = "userEmail";

    public record Tables(DynamoTable status, DynamoTable alerts, DynamoTable polling, DynamoTable twitter,
                         DynamoTable quality) {
    }

    private final Tables tables;
    private final SecretStore secrets;
    private final String secretName;
    private final ZoneId zone;
    private final DashboardItems items;

    public DynamoDashboardSources(Tables tables, SecretStore secrets, String secretName, ZoneId zone) {
        this.tables = tables;
        this.secrets = secrets;
        this.secretName = secretName;
        this.zone = zone;
        this.items = new DashboardItems(zone);
    }

    @Override
    public String describe() {
        return String.join(",", tables.status().name(), tables.alerts().name(), tables.polling().name(),
                tables.twitter().name(), tables.quality().name());
    }

    @Override
    public DynamoTable.ReadCost readCost() {
        long items = 0;
        double capacity = 0;
        for (DynamoTable table : List.of(tables.status(), tables.alerts(), tables.polling(), tables.twitter(), tables.quality())) {
            DynamoTable.ReadCost cost = table.readCost();
            items += cost.items();
            capacity += cost.capacityUnits();
        }
        return new DynamoTable.ReadCost(items, capacity);
    }

    @Override
    public Snapshot read(Instant now) {
        Reads reads = new Reads();
        List<String> unreadable = reads.unreadable;
        Instant from = now.minus(WINDOW);
        List<StatusItem> statuses = reads.attempt(tables.status().name(),
                () -> map(tables.status().scanAll(), items::status), List.of());
        List<Alert> alerts = reads.attempt(tables.alerts().name(),
                () -> map(byDay(tables.alerts(), from, now, LocalTimes.MILLIS, false), items::alert), List.of());
        List<PollSample> polls = reads.attempt(tables.polling().name(),
                () -> map(byDay(tables.polling(), from, now, LocalTimes.SECONDS, false), items::poll), List.of());
        List<Post> posts = reads.attempt(tables.twitter().name(),
                () -> map(byDay(tables.twitter(), from, now, LocalTimes.COMPACT, true), items::post), List.of());
        Optional<QualityRecord> quality = reads.attempt(tables.quality().name(), this::latestQuality, Optional.empty());
        return new Snapshot(now, statuses, alerts, polls, posts, quality, List.copyOf(unreadable), xReads(now));
    }

    /**
     * twitterapi's two bookkeeping items (today's UTC read counter, the search state), in one
     * BatchGetItem. Only shown on the page, never scored: a failure leaves the page without the
     * notice, never the posts, and is named in the run's answer ({@code xReads}).
     */
    XReadStatus xReads(Instant now) {
        try {
            String today = TwitterTable.readsKey(now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
            Optional<Instant> reached = Optional.empty();
            Optional<String> error = Optional.empty();
            Optional<Instant> errorAt = Optional.empty();
            for (Map<String, AttributeValue> item : tables.twitter().getAll(List.of(
                    Map.of(TwitterTable.TWEET_ID, s(today)), Map.of(TwitterTable.TWEET_ID, s(TwitterTable.SEARCH_STATE_KEY))))) {
                String key = item.get(TwitterTable.TWEET_ID).s();
                if (key.equals(today)) {
                    reached = epochSeconds(item.get(TwitterTable.BUDGET_REACHED_AT));
                } else {
                    error = Optional.ofNullable(item.get(TwitterTable.X_ERROR)).map(AttributeValue::s).filter(t -> !t.isBlank());
                    errorAt = epochSeconds(item.get(TwitterTable.X_ERROR_AT));
                }
            }
            return new XReadStatus(reached, error, errorAt);
        } catch (RuntimeException unreadable) {
            return XReadStatus.unreadable("X bookkeeping in " + tables.twitter().name() + ": " + unreadable.getMessage());
        }
    }

    private static Optional<Instant> epochSeconds(AttributeValue value) {
        if (value == null || value.n() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.n())));
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }

    /** Today's and yesterday's {@code byDay} partitions, {@code datetime} within [from, to]. */
    List<Map<String, AttributeValue>> byDay(DynamoTable table, Instant from, Instant to, DateTimeFormatter format,
                                            boolean numericSortKey) {
        LocalTimes local = new LocalTimes(java.time.Clock.fixed(to, zone), zone);
        String low = local.format(from, format);
        String high = local.format(to, format);
        AttributeValue lowValue = numericSortKey ? n(Long.parseLong(low)) : s(low);
        AttributeValue highValue = numericSortKey ? n(Long.parseLong(high)) : s(high);
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (String day : new LinkedHashSet<>(List.of(local.day(from), local.day(to)))) {
            found.addAll(table.query(KeyQuery.on(BY_DAY).partition(AlertTable.DAY, s(day)).sortBetween(AlertTable.DATETIME, lowValue, highValue)));
        }
        return found;
    }

    private Optional<QualityRecord> latestQuality() {
        String email = secrets.get(secretName).required(USER_EMAIL).trim().toLowerCase(Locale.ROOT);
        List<Map<String, AttributeValue>> latest = tables.quality().query(
                KeyQuery.on(BY_USER).partition(QualityTable.USER_EMAIL, s(email)).newestFirst().limit(1));
        return latest.stream().findFirst().flatMap(items::quality);
    }

    private static <T> List<T> map(List<Map<String, AttributeValue>> rows, Function<Map<String, AttributeValue>, Optional<T>> mapper) {
        return rows.stream().map(mapper).flatMap(Optional::stream).toList();
    }

    /**
     * One run's reads. Once a table could not be reached at all (refused, hung: the SDK's client
     * error), the tables after it are not tried: each would wait for the same dead endpoint up to
     * the SDK's call timeout, five of them longer than the function's own timeout.
     */
    private static final class Reads {
        final List<String> unreadable = new ArrayList<>();
        private String unreachable;

        <T> T attempt(String source, Supplier<T> read, T fallback) {
            if (unreachable != null) {
                unreadable.add(source + ": not tried, DynamoDB unreachable (" + unreachable + ")");
                return fallback;
            }
            try {
                return read.get();
            } catch (WebexdevException | SdkException e) {
                unreadable.add(source + ": " + e.getMessage());
                if (unreachable(e)) {
                    unreachable = source;
                }
                return fallback;
            }
        }

        private static boolean unreachable(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof software.amazon.awssdk.core.exception.SdkClientException) {
                    return true;
                }
            }
            return false;
        }
    }
}
