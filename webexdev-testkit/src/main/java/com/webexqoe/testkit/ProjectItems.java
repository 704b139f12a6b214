package com.webexqoe.testkit;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items exactly as the functions write them (docs/behaviour.md#tables), for seeding the tables in the
 * core's tests and the benchmarks. Local times are in the zone given (the tests' {@code TZ}),
 * never the machine's.
 */
public class ProjectItems {

    public static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    public static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    public static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    public ProjectItems(ZoneId zone) {
        this.zone = zone;
    }

    public static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    public static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }

    public static AttributeValue n(long value) {
        return n(Long.toString(value));
    }

    public static AttributeValue l(AttributeValue... values) {
        return AttributeValue.builder().l(Arrays.asList(values)).build();
    }

    public static AttributeValue m(Map<String, AttributeValue> values) {
        return AttributeValue.builder().m(values).build();
    }

    public static AttributeValue nums(double... values) {
        return AttributeValue.builder().l(Arrays.stream(values).mapToObj(v -> n(Double.toString(v))).toList()).build();
    }

    public String local(Instant at, DateTimeFormatter format) {
        return format.format(at.atZone(zone));
    }

    /** {@code webexdev-status}: seen at {@code seenAt} (expiresAt = seenAt + 30 days). */
    public Map<String, AttributeValue> status(String title, String url, String status, Instant published, Instant seenAt) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("title", s(title));
        if (url != null) {
            item.put("URL", s(url));
        }
        item.put("Status", s(status));
        if (published != null) {
            item.put("published", s(published.toString()));
        }
        item.put("expiresAt", n(seenAt.plusSeconds(30L * 24 * 3600).getEpochSecond()));
        return item;
    }

    /** {@code webexdev-te}: an alert notification received at {@code at}. */
    public Map<String, AttributeValue> alert(String eventId, Instant at, AttributeValue active, String type, String testName,
                                      List<String> agents, List<String> metrics) {
        Map<String, AttributeValue> body = new LinkedHashMap<>();
        body.put("eventId", s(eventId));
        body.put("eventType", s("1".equals(active.n()) ? "ALERT_NOTIFICATION_TRIGGER" : "ALERT_NOTIFICATION_CLEAR"));
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("eventid", s(eventId));
        item.put("datetime", s(local(at, MILLIS)));
        item.put("type", s(type));
        item.put("active", active);
        item.put("agentName", AttributeValue.builder().l(agents.stream().map(ProjectItems::s).toList()).build());
        item.put("metric", AttributeValue.builder().l(metrics.stream().map(ProjectItems::s).toList()).build());
        item.put("ruleExpression", s("((responseTime >= 400 ms))"));
        item.put("testName", s(testName));
        item.put("items", m(body));
        item.put("day", s(local(at, DAY)));
        item.put("expiresAt", n(at.plusSeconds(30L * 24 * 3600).getEpochSecond()));
        return item;
    }

    /** {@code webexdev-te-polling}: one poll with one agent's network metrics and HTTP result. */
    public Map<String, AttributeValue> poll(Instant at, String latency, String loss, String jitter, String responseTime) {
        Map<String, AttributeValue> metric = new LinkedHashMap<>();
        metric.put("agentName", s("Tokyo, Japan"));
        metric.put("date", s(at.toString()));
        metric.put("loss", n(loss));
        metric.put("avgLatency", n(latency));
        metric.put("minLatency", n(latency));
        metric.put("maxLatency", n(latency));
        metric.put("jitter", n(jitter));
        Map<String, AttributeValue> response = new LinkedHashMap<>();
        response.put("agentName", s("Tokyo, Japan"));
        response.put("date", s(at.toString()));
        response.put("responseTime", n(responseTime));
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

    /** {@code webexdev-twitter}: a post with Comprehend's sentiment. */
    public Map<String, AttributeValue> post(String id, Instant at, String text, String sentiment) {
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

    /** One stream of a Meeting Qualities participant record: one media session of three 60 s intervals. */
    public static AttributeValue stream(Instant end, double[] latency, double[] jitter, double[] loss, double[] bitRate) {
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

    /** {@code webexdev-mtgquality}: the participant record as the mtgquality function stores it. */
    public Map<String, AttributeValue> quality(String meetingId, String email, Instant join, String networkType,
                                        Map<String, AttributeValue> streams) {
        Map<String, AttributeValue> record = new LinkedHashMap<>(streams);
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
}
