package com.webexqoe.bench;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items in the formats the functions write (SPEC 4.1–4.4, 5), at the rates they write them, for a
 * number of days of history ending at {@code now}: the status feed's 40 items plus two new ones a
 * day, a poll every 15 minutes, 20 alerts a day, 10 posts every 15 minutes, 40 meeting quality
 * records a day (a quarter of them the dashboard user's). Local times are in the given zone.
 */
final class HistoryItems {

    static final String USER = "alex.tanaka@example.com";

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;
    private final Instant now;

    HistoryItems(ZoneId zone, Instant now) {
        this.zone = zone;
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

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }

    private static AttributeValue n(long value) {
        return n(Long.toString(value));
    }

    private static AttributeValue l(AttributeValue... values) {
        return AttributeValue.builder().l(Arrays.asList(values)).build();
    }

    private static AttributeValue m(Map<String, AttributeValue> values) {
        return AttributeValue.builder().m(values).build();
    }

    private static AttributeValue nums(double... values) {
        return AttributeValue.builder().l(Arrays.stream(values).mapToObj(v -> n(Double.toString(v))).toList()).build();
    }

    private String local(Instant at, DateTimeFormatter format) {
        return format.format(at.atZone(zone));
    }

    /** {@code webexdev-status} (SPEC 4.1): seen at {@code seenAt}, kept 30 days. */
    private Map<String, AttributeValue> status(String title, String status, Instant published, Instant seenAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("title", s(title));
        item.put("URL", s("https://status.webex.com/incidents/" + Math.abs(title.hashCode())));
        item.put("Status", s(status));
        item.put("published", s(published.toString()));
        item.put("expiresAt", n(seenAt.plusSeconds(30L * 24 * 3600).getEpochSecond()));
        return item;
    }

    /** {@code webexdev-te} (SPEC 4.2): an alert notification received at {@code at}. */
    private Map<String, AttributeValue> alert(String eventId, Instant at, int active) {
        Map<String, AttributeValue> body = new LinkedHashMap<>();
        body.put("eventId", s(eventId));
        body.put("eventType", s(active == 1 ? "ALERT_NOTIFICATION_TRIGGER" : "ALERT_NOTIFICATION_CLEAR"));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("eventid", s(eventId));
        item.put("datetime", s(local(at, MILLIS)));
        item.put("type", s("HTTP Server"));
        item.put("active", n(active));
        item.put("agentName", l(s("Tokyo, Japan")));
        item.put("metric", l(s("Response Time: 980 ms")));
        item.put("ruleExpression", s("((responseTime >= 900 ms))"));
        item.put("testName", s("Webex Web Zone"));
        item.put("items", m(body));
        item.put("day", s(local(at, DAY)));
        item.put("expiresAt", n(at.plusSeconds(30L * 24 * 3600).getEpochSecond()));
        return item;
    }

    /** {@code webexdev-te-polling} (SPEC 4.2): one poll, one agent's network metrics and HTTP result. */
    private Map<String, AttributeValue> poll(Instant at, double latency, double loss, double jitter, double responseTime) {
        Map<String, AttributeValue> metric = new LinkedHashMap<>();
        metric.put("agentName", s("Tokyo, Japan"));
        metric.put("date", s(at.toString()));
        metric.put("loss", n(Double.toString(loss)));
        metric.put("avgLatency", n(Double.toString(latency)));
        metric.put("minLatency", n(Double.toString(latency - 1)));
        metric.put("maxLatency", n(Double.toString(latency + 2)));
        metric.put("jitter", n(Double.toString(jitter)));
        Map<String, AttributeValue> response = new LinkedHashMap<>();
        response.put("agentName", s("Tokyo, Japan"));
        response.put("date", s(at.toString()));
        response.put("responseTime", n(Double.toString(responseTime)));
        response.put("responseCode", n(200));
        response.put("dnsTime", n(12));
        response.put("connectTime", n(20));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("datetime", s(local(at, SECONDS)));
        item.put("day", s(local(at, DAY)));
        item.put("metrics", l(m(metric)));
        item.put("response", l(m(response)));
        item.put("expiresAt", n(at.plusSeconds(30L * 24 * 3600).getEpochSecond()));
        return item;
    }

    /** {@code webexdev-twitter} (SPEC 4.3): a post with Comprehend's sentiment. */
    private Map<String, AttributeValue> post(String id, Instant at, String text, String sentiment) {
        Map<String, AttributeValue> scores = new LinkedHashMap<>();
        scores.put("Positive", n("POSITIVE".equals(sentiment) ? "0.91" : "0.03"));
        scores.put("Negative", n("NEGATIVE".equals(sentiment) ? "0.88" : "0.02"));
        scores.put("Neutral", n("0.05"));
        scores.put("Mixed", n("0.01"));
        Map<String, AttributeValue> language = new LinkedHashMap<>();
        language.put("LanguageCode", s("en"));
        language.put("Score", n("0.99"));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("tweetid", s(id));
        item.put("datetime", n(local(at, COMPACT)));
        item.put("unixtime", n(at.getEpochSecond()));
        item.put("text", s(text));
        item.put("Sentiment", s(sentiment));
        item.put("SentimentScore", m(scores));
        item.put("language_code", l(m(language)));
        item.put("day", s(local(at, DAY)));
        item.put("expiresAt", n(at.plusSeconds(7L * 24 * 3600).getEpochSecond()));
        return item;
    }

    /** {@code webexdev-mtgquality} (SPEC 4.4): a participant record, four streams of three 60 s intervals. */
    private Map<String, AttributeValue> quality(String meetingId, String email, Instant join, String networkType,
                                                double latency, double jitter, double loss) {
        Instant end = join.plus(Duration.ofMinutes(50));
        Map<String, AttributeValue> record = new LinkedHashMap<>();
        record.put("audioIn", stream(end, new double[]{latency - 2, latency - 1, latency},
                new double[]{jitter, jitter + 1, jitter}, new double[]{0, loss, loss}, new double[]{42000, 43000, 4264}));
        record.put("audioOut", stream(end, new double[]{latency, latency, latency},
                new double[]{19, 19, 19}, new double[]{0, 0, 0}, new double[]{9000, 9049, 9049}));
        record.put("videoIn", stream(end, new double[]{latency + 1, latency + 1, latency + 1},
                new double[]{13, 13, 13}, new double[]{0, 0, 0}, new double[]{1180000, 1180515, 1180515}));
        record.put("videoOut", stream(end, new double[]{latency + 1, latency + 1, latency + 1},
                new double[]{32, 28, 28}, new double[]{0, 0, 0}, new double[]{32773, 32773, 32773}));
        record.put("meetingInstanceId", s(meetingId));
        record.put("webexUserEmail", s(email));
        record.put("joinTime", s(join.toString()));
        record.put("leaveTime", s(join.plusSeconds(3600).toString()));
        record.put("networkType", s(networkType));
        record.put("serverRegion", s("Tokyo, Japan"));
        record.put("clientType", s("Webex Desktop"));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("meetingid", s(meetingId));
        item.put("useremail", s(email));
        item.put("jointime", s(join.toString()));
        item.put("leavetime", s(join.plusSeconds(3600).toString()));
        item.put("serverregion", s("Tokyo, Japan"));
        item.put("networktype", s(networkType));
        item.put("items", m(record));
        item.put("expiresAt", n(join.plusSeconds(90L * 24 * 3600).getEpochSecond()));
        return item;
    }

    private static AttributeValue stream(Instant end, double[] latency, double[] jitter, double[] loss, double[] bitRate) {
        Map<String, AttributeValue> session = new LinkedHashMap<>();
        session.put("samplingInterval", n(60));
        session.put("startTime", s(end.minusSeconds(180).toString()));
        session.put("endTime", s(end.toString()));
        session.put("transportType", s("UDP"));
        session.put("codec", s("Opus"));
        session.put("latency", nums(latency));
        session.put("jitter", nums(jitter));
        session.put("packetLoss", nums(loss));
        session.put("mediaBitRate", nums(bitRate));
        return l(m(session));
    }
}
