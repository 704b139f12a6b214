package com.webexqoe.bench;

import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.testkit.ProjectItems;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items in the formats the functions write (docs/behaviour.md#tables), at the rates they write them, for a
 * number of days of history ending at {@code now}: the status feed's 40 items plus two new ones a
 * day, a poll every 15 minutes, 20 alerts a day, 10 posts every 15 minutes, 40 meeting quality
 * records a day (a quarter of them the dashboard user's), and in the health table one run item a
 * minute with the series items of the days they fall on. Local times are in the given zone.
 */
final class HistoryItems {

    static final String USER = "alex.tanaka@example.com";

    private final ProjectItems items;
    private final Instant now;

    HistoryItems(ZoneId zone, Instant now) {
        this.items = new ProjectItems(zone);
        this.now = now;
    }

    /** The items of the days {@code [fromDay, toDay)} back from now (day 0 is the last 24 hours). */
    record Days(List<Map<String, AttributeValue>> statuses, List<Map<String, AttributeValue>> alerts,
                List<Map<String, AttributeValue>> polls, List<Map<String, AttributeValue>> posts,
                List<Map<String, AttributeValue>> qualities) {
        int size() {
            return statuses.size() + alerts.size() + polls.size() + posts.size() + qualities.size();
        }
    }

    Days days(int fromDay, int toDay) {
        List<Map<String, AttributeValue>> statuses = new ArrayList<>();
        List<Map<String, AttributeValue>> alerts = new ArrayList<>();
        List<Map<String, AttributeValue>> polls = new ArrayList<>();
        List<Map<String, AttributeValue>> posts = new ArrayList<>();
        List<Map<String, AttributeValue>> qualities = new ArrayList<>();
        for (int day = fromDay; day < toDay; day++) {
            Instant dayEnd = now.minus(Duration.ofDays(day));
            if (day == 0) {
                for (int i = 0; i < 40; i++) {
                    statuses.add(status("Feed item " + i, i % 5 == 0 ? "resolved" : "completed",
                            now.minus(Duration.ofHours(6L * i + 1)), now.minus(Duration.ofMinutes(3))));
                }
            } else {
                for (int i = 0; i < 2; i++) {
                    statuses.add(status("Past incident " + day + "-" + i, "resolved", dayEnd.minus(Duration.ofHours(40L + i)),
                            dayEnd));
                }
            }
            for (int i = 0; i < 96; i++) {
                Instant at = dayEnd.minus(Duration.ofMinutes(15L * i + 1));
                polls.add(poll(at, 40 + i % 7, i % 13 == 0 ? 1.5 : 0, 2 + i % 3, 300 + i % 50));
                for (int p = 0; p < 10; p++) {
                    Instant postAt = at.minusSeconds(80L * p);
                    long id = postAt.toEpochMilli() * 16 + p;
                    posts.add(post(Long.toString(id), postAt, "Webex post " + id + " about meetings and calls today",
                            p % 7 == 0 ? "NEGATIVE" : p % 3 == 0 ? "POSITIVE" : "NEUTRAL"));
                }
            }
            for (int i = 0; i < 20; i++) {
                alerts.add(alert("d" + day + "-alert-" + i, dayEnd.minus(Duration.ofMinutes(70L * i + 5)), i % 2 == 0 ? 1 : 0));
            }
            for (int i = 0; i < 40; i++) {
                Instant join = dayEnd.minus(Duration.ofMinutes(36L * i + 20));
                qualities.add(quality("d" + day + "-meeting-" + i, i % 4 == 0 ? USER : "participant" + i + "@example.com",
                        join, i % 2 == 0 ? "wifi" : "ethernet", 60 + i, 8 + i % 5, i % 9 == 0 ? 2 : 0));
            }
        }
        return new Days(statuses, alerts, polls, posts, qualities);
    }

    /**
     * The health table's items of the days {@code [fromDay, toDay)} back from now, as a core running
     * every minute leaves them: a run item a minute (its terms, verdict, where, home), and the series
     * item of every UTC day touched by {@code [now − toDay days, now)}, each slot holding its minimum.
     */
    record Health(List<Map<String, AttributeValue>> runs, List<Map<String, AttributeValue>> series) {
    }

    Health health(int fromDay, int toDay) {
        List<Map<String, AttributeValue>> runs = new ArrayList<>();
        Map<java.time.LocalDate, Map<Instant, HealthTable.Slot>> days = new java.util.TreeMap<>();
        Instant current = HealthTable.slotStart(now);
        for (Instant at = now.minus(Duration.ofDays(toDay)); at.isBefore(current); at = at.plus(Duration.ofMinutes(1))) {
            long minute = at.getEpochSecond() / 60;
            BigDecimal social = BigDecimal.valueOf(-(minute % 3));
            BigDecimal path = minute % 97 == 0 ? BigDecimal.valueOf(-10) : BigDecimal.ZERO;
            BigDecimal service = (minute / 1440) % 5 == 0 ? BigDecimal.valueOf(-20) : BigDecimal.ZERO;
            BigDecimal health = BigDecimal.valueOf(100).add(social).add(path).add(service);
            String where = service.signum() < 0 ? "webex-service" : path.signum() < 0 ? "internet-path" : "none";
            HealthTable.Slot point = new HealthTable.Slot(HealthTable.slotStart(at), at, health, social, path, service, "good", where);
            days.computeIfAbsent(HealthTable.utcDay(at), d -> new java.util.TreeMap<>())
                    .merge(point.slotStart(), point, (kept, run) -> run.health().compareTo(kept.health()) < 0 ? run : kept);
            if (at.isBefore(now.minus(Duration.ofDays(fromDay)))) {
                runs.add(HealthTable.runItem(point, health.compareTo(BigDecimal.valueOf(70)) >= 0, "Webex seems to be working fine"));
            }
        }
        List<Map<String, AttributeValue>> series = new ArrayList<>();
        days.forEach((day, slots) -> series.add(HealthTable.seriesItem(day, slots.values(), 1)));
        return new Health(runs, series);
    }

    /** {@code webexdev-status} (docs/behaviour.md#status): seen at {@code seenAt}, kept 30 days. */
    private Map<String, AttributeValue> status(String title, String status, Instant published, Instant seenAt) {
        return items.status(title, "https://status.webex.com/incidents/" + Math.abs(title.hashCode()), status, published, seenAt);
    }

    /** {@code webexdev-te} (docs/behaviour.md#te-poll): an alert notification received at {@code at}. */
    private Map<String, AttributeValue> alert(String eventId, Instant at, int active) {
        return items.alert(eventId, at, ProjectItems.n(active), "HTTP Server", "Webex Web Zone",
                List.of("Tokyo, Japan"), List.of("Response Time: 980 ms"));
    }

    /** {@code webexdev-te-polling} (docs/behaviour.md#te-poll): one poll, one agent's network metrics and HTTP result. */
    private Map<String, AttributeValue> poll(Instant at, double latency, double loss, double jitter, double responseTime) {
        return items.poll(at, Double.toString(latency), Double.toString(loss), Double.toString(jitter),
                Double.toString(responseTime));
    }

    /** {@code webexdev-twitter} (docs/behaviour.md#twitterapi): a post with Comprehend's sentiment. */
    private Map<String, AttributeValue> post(String id, Instant at, String text, String sentiment) {
        return items.post(id, at, text, sentiment);
    }

    /** {@code webexdev-mtgquality} (docs/behaviour.md#mtgquality): a participant record, four streams of three 60 s intervals. */
    private Map<String, AttributeValue> quality(String meetingId, String email, Instant join, String networkType,
                                                double latency, double jitter, double loss) {
        Instant end = join.plus(Duration.ofMinutes(50));
        Map<String, AttributeValue> streams = new LinkedHashMap<>();
        streams.put("audioIn", ProjectItems.stream(end, new double[]{latency - 2, latency - 1, latency},
                new double[]{jitter, jitter + 1, jitter}, new double[]{0, loss, loss}, new double[]{42000, 43000, 4264}));
        streams.put("audioOut", ProjectItems.stream(end, new double[]{latency, latency, latency},
                new double[]{19, 19, 19}, new double[]{0, 0, 0}, new double[]{9000, 9049, 9049}));
        streams.put("videoIn", ProjectItems.stream(end, new double[]{latency + 1, latency + 1, latency + 1},
                new double[]{13, 13, 13}, new double[]{0, 0, 0}, new double[]{1180000, 1180515, 1180515}));
        streams.put("videoOut", ProjectItems.stream(end, new double[]{latency + 1, latency + 1, latency + 1},
                new double[]{32, 28, 28}, new double[]{0, 0, 0}, new double[]{32773, 32773, 32773}));
        return items.quality(meetingId, email, join, networkType, streams);
    }
}
