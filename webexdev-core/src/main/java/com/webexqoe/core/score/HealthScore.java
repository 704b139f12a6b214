package com.webexqoe.core.score;

import com.webexqoe.core.sources.Alert;
import com.webexqoe.core.sources.Post;
import com.webexqoe.core.sources.StatusItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Health Score (docs/behaviour.md#core-score): {@code Health = 100 + T + N + S}. Pure: the records and the
 * time of the run in, the score with its evidence out. Every weight, window and threshold of
 * the score is here, with where it comes from.
 */
public final class HealthScore {

    // ---- the rules -------------------------------------------------------------------------

    /** A healthy Webex: the original's base value. */
    static final BigDecimal BASE = BigDecimal.valueOf(100);

    /** T: posts of the last 12 h count (docs/behaviour.md#core-score). */
    public static final Duration SOCIAL_WINDOW = Duration.ofHours(12);
    /** T: −1.0 per NEGATIVE post — the original page's documented rule (its code used −2; docs/behaviour.md#core-score keeps −1). */
    static final BigDecimal NEGATIVE_POST = new BigDecimal("-1.0");
    /** T: +0.1 per POSITIVE post, the sum rounded to one decimal (docs/behaviour.md#core-score). */
    static final BigDecimal POSITIVE_POST = new BigDecimal("0.1");

    /**
     * N: an alert counts while active — a trigger received (or re-confirmed by the te poll) in the last
     * hour whose alert id has no later clear; clears and agent notifications never count
     * (docs/behaviour.md#core-score).
     */
    static final Duration ALERT_WINDOW = Duration.ofHours(1);
    /** N: every alert costs 10, an alert without a readable response time exactly that (docs/behaviour.md#core-score). */
    static final BigDecimal ALERT_BASE = BigDecimal.valueOf(-10);
    /** N: response time beyond 400 ms costs one point per 10 ms more (docs/behaviour.md#core-score; the original's rule). */
    static final BigDecimal RESPONSE_TIME_ALLOWANCE_MS = BigDecimal.valueOf(400);
    static final BigDecimal RESPONSE_TIME_MS_PER_POINT = BigDecimal.TEN;
    /**
     * The response time inside a ThousandEyes {@code metricsAtStart} string, e.g. "Response Time: 980 ms"
     * or, past a thousand, with a group separator: "Response Time: 1,204 ms".
     */
    static final Pattern RESPONSE_TIME = Pattern.compile("Response Time:\\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?\\s*ms",
            Pattern.CASE_INSENSITIVE);

    /** S: feed items published, and API incidents and maintenances updated, in the last 24 h count (docs/behaviour.md#core-score). */
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** S: −20 when at least one of them is not final (docs/behaviour.md#core-score; the original's weight). */
    static final BigDecimal SERVICE_PENALTY = BigDecimal.valueOf(-20);
    /** S: statuses that mean "nothing is broken now"; {@code scheduled} is planned work not yet started (docs/behaviour.md#core-score). */
    static final Set<String> FINAL_STATUSES = Set.of("resolved", "completed", "postmortem", "scheduled");

    /** Icon bands: ≥ 85 sunny, ≥ 75 cloudy, ≥ 65 rain, else storm (docs/behaviour.md#core-thresholds). */
    static final BigDecimal SUNNY_FROM = BigDecimal.valueOf(85);
    static final BigDecimal CLOUDY_FROM = BigDecimal.valueOf(75);
    static final BigDecimal RAIN_FROM = BigDecimal.valueOf(65);
    /** Verdict: ≥ 70 "working fine" (docs/behaviour.md#core-thresholds; the original's threshold). */
    public static final BigDecimal FINE_FROM = BigDecimal.valueOf(70);
    /** The one-line assessments turn to their warning at T ≤ −20, N ≤ −20, S &lt; 0 (docs/behaviour.md#core-score). */
    static final BigDecimal SOCIAL_WARNING_AT = BigDecimal.valueOf(-20);
    static final BigDecimal PATH_WARNING_AT = BigDecimal.valueOf(-20);

    static final String VERDICT_FINE = "Webex seems to be working fine";
    static final String VERDICT_NOT_FINE = "Webex may not be working properly";

    // ---- the result ------------------------------------------------------------------------

    public enum Icon {
        SUNNY, CLOUDY, RAIN, STORM;

        public String file() {
            return "img/" + name().toLowerCase(Locale.ROOT) + ".svg";
        }

        public String label() {
            return switch (this) {
                case SUNNY -> "Sunny";
                case CLOUDY -> "Cloudy";
                case RAIN -> "Rain";
                case STORM -> "Storm";
            };
        }
    }

    /** One term of the formula, with the evidence behind its value and whether it is a warning. */
    public record Component(String symbol, String name, BigDecimal value, List<String> evidence, boolean warning) {
    }

    public record Score(Component social, Component path, Component service, BigDecimal health, Icon icon,
                        boolean fine, String verdict) {

        /** {@code 100 + (-1.5) + (-68) + (-20) = 10.5}: the formula with this run's numbers. */
        public String formula() {
            return BASE.toPlainString() + " + (" + term(social.value()) + ") + (" + term(path.value()) + ") + ("
                    + term(service.value()) + ") = " + oneDecimal(health);
        }

        public String healthText() {
            return oneDecimal(health);
        }
    }

    private HealthScore() {
    }

    public static Score compute(List<Post> posts, List<Alert> alerts, List<StatusItem> statuses, Instant now) {
        Component social = social(posts, now);
        Component path = path(alerts, now);
        Component service = service(statuses, now);
        BigDecimal health = BASE.add(social.value()).add(path.value()).add(service.value());
        boolean fine = health.compareTo(FINE_FROM) >= 0;
        return new Score(social, path, service, health, icon(health), fine, fine ? VERDICT_FINE : VERDICT_NOT_FINE);
    }

    static Icon icon(BigDecimal health) {
        if (health.compareTo(SUNNY_FROM) >= 0) {
            return Icon.SUNNY;
        }
        if (health.compareTo(CLOUDY_FROM) >= 0) {
            return Icon.CLOUDY;
        }
        return health.compareTo(RAIN_FROM) >= 0 ? Icon.RAIN : Icon.STORM;
    }

    public static boolean inWindow(Instant at, Instant now, Duration window) {
        return !at.isAfter(now) && at.isAfter(now.minus(window));
    }

    static Component social(List<Post> posts, Instant now) {
        long negative = 0;
        long positive = 0;
        for (Post post : posts) {
            if (!inWindow(post.postedAt(), now, SOCIAL_WINDOW)) {
                continue;
            }
            if (post.sentiment() == Post.Sentiment.NEGATIVE) {
                negative++;
            } else if (post.sentiment() == Post.Sentiment.POSITIVE) {
                positive++;
            }
        }
        BigDecimal value = NEGATIVE_POST.multiply(BigDecimal.valueOf(negative))
                .add(POSITIVE_POST.multiply(BigDecimal.valueOf(positive)).setScale(1, RoundingMode.HALF_UP));
        List<String> evidence = List.of(negative + " negative and " + positive + " positive posts in the last "
                + SOCIAL_WINDOW.toHours() + " h (−1 each negative, +0.1 each positive)");
        return new Component("T", "Social", clean(value), evidence, value.compareTo(SOCIAL_WARNING_AT) <= 0);
    }

    /** The penalty of one alert trigger: −10 − max(0, (rt − 400) / 10). */
    static BigDecimal alertPenalty(Alert alert) {
        OptionalDouble rt = responseTimeMs(alert);
        if (rt.isEmpty()) {
            return ALERT_BASE;
        }
        BigDecimal over = BigDecimal.valueOf(rt.getAsDouble()).subtract(RESPONSE_TIME_ALLOWANCE_MS)
                .divide(RESPONSE_TIME_MS_PER_POINT, 1, RoundingMode.HALF_UP).max(BigDecimal.ZERO);
        return ALERT_BASE.subtract(over);
    }

    /** The highest response time among the alert's agents' {@code metricsAtStart}, when one is readable. */
    static OptionalDouble responseTimeMs(Alert alert) {
        OptionalDouble worst = OptionalDouble.empty();
        for (String metric : alert.metrics()) {
            Matcher matcher = RESPONSE_TIME.matcher(metric == null ? "" : metric);
            while (matcher.find()) {
                double rt = Double.parseDouble(matcher.group(1).replace(",", "")
                        + (matcher.group(2) == null ? "" : matcher.group(2)));
                if (worst.isEmpty() || rt > worst.getAsDouble()) {
                    worst = OptionalDouble.of(rt);
                }
            }
        }
        return worst;
    }

    /**
     * The notifications that are active now: a trigger in the last hour, and — when it has an alert
     * id — the latest notification of that id (a clear at the same time wins). Without an alert id
     * every trigger of the hour is active, as before alert ids were stored. An active alert keeps
     * the details of its worst trigger since its last clear: the poll's refresh carries no agent
     * metrics, so it must not hide the response time the webhook delivered.
     */
    static List<Alert> activeTriggers(List<Alert> alerts, Instant now) {
        List<Alert> active = new ArrayList<>();
        for (Alert latest : latestTriggers(alerts, now)) {
            if (latest.alertId().isEmpty()) {
                active.add(latest);
                continue;
            }
            Instant lastClear = alerts.stream()
                    .filter(alert -> !alert.trigger() && alert.alertId().equals(latest.alertId()) && !alert.receivedAt().isAfter(now))
                    .map(Alert::receivedAt).max(Comparator.naturalOrder()).orElse(Instant.MIN);
            Alert worst = alerts.stream()
                    .filter(alert -> alert.trigger() && alert.alertId().equals(latest.alertId()))
                    .filter(alert -> alert.receivedAt().isAfter(lastClear) && !alert.receivedAt().isAfter(now))
                    .min(Comparator.comparing(HealthScore::alertPenalty)).orElse(latest);
            active.add(worst == latest ? latest : new Alert(worst.eventId(), latest.receivedAt(), worst.type(), true,
                    worst.agentNames(), worst.metrics(), worst.testName(), worst.ruleExpression(), latest.alertId(),
                    latest.agentAlert() || worst.agentAlert()));
        }
        return active;
    }

    /** Each trigger of the hour that is the latest notification of its alert id (or has none). */
    private static List<Alert> latestTriggers(List<Alert> alerts, Instant now) {
        Map<String, Alert> latest = new HashMap<>();
        for (Alert alert : alerts) {
            if (alert.alertId().isEmpty() || alert.receivedAt().isAfter(now)) {
                continue;
            }
            latest.merge(alert.alertId().get(), alert, (a, b) -> {
                int order = a.receivedAt().compareTo(b.receivedAt());
                if (order != 0) {
                    return order > 0 ? a : b;
                }
                return a.trigger() ? b : a;
            });
        }
        return alerts.stream()
                .filter(Alert::trigger)
                .filter(alert -> inWindow(alert.receivedAt(), now, ALERT_WINDOW))
                .filter(alert -> alert.alertId().isEmpty() || latest.get(alert.alertId().get()) == alert)
                .toList();
    }

    public static Component path(List<Alert> alerts, Instant now) {
        List<Alert> active = activeTriggers(alerts, now);
        List<Alert> triggers = active.stream().filter(alert -> !alert.agentAlert()).toList();
        List<Alert> agents = active.stream().filter(Alert::agentAlert).toList();
        String agentLine = agents.isEmpty() ? null : agents.size() + " ThousandEyes agent notification(s), not counted "
                + "(they say a measurement is impaired, not the path): " + String.join("; ", agents.stream()
                .map(alert -> (alert.agentNames().isEmpty() ? "agent" : String.join(", ", alert.agentNames()))
                        + (alert.ruleExpression().isEmpty() ? "" : " — " + alert.ruleExpression())).toList());
        if (triggers.isEmpty()) {
            List<String> evidence = new ArrayList<>();
            evidence.add("no ThousandEyes alert triggered in the last " + ALERT_WINDOW.toMinutes() + " min");
            if (agentLine != null) {
                evidence.add(agentLine);
            }
            return new Component("N", "Path", BigDecimal.ZERO, evidence, false);
        }
        Alert worst = triggers.stream().min(Comparator.comparing(HealthScore::alertPenalty)).orElseThrow();
        BigDecimal value = alertPenalty(worst);
        List<String> evidence = new ArrayList<>();
        OptionalDouble rt = responseTimeMs(worst);
        long minutesAgo = Duration.between(worst.receivedAt(), now).toMinutes();
        evidence.add("worst of " + triggers.size() + " alert trigger(s) in the last " + ALERT_WINDOW.toMinutes()
                + " min: " + worst.type() + (worst.testName().isEmpty() ? "" : " on test \"" + worst.testName() + "\"")
                + (worst.agentNames().isEmpty() ? "" : " (" + String.join(", ", worst.agentNames()) + ")")
                + ", " + (rt.isPresent() ? "response time " + number(rt.getAsDouble()) + " ms" : "no readable response time")
                + ", " + minutesAgo + " min ago");
        if (agentLine != null) {
            evidence.add(agentLine);
        }
        return new Component("N", "Path", clean(value), evidence, value.compareTo(PATH_WARNING_AT) <= 0);
    }

    public static boolean isFinal(String status) {
        return FINAL_STATUSES.contains(status == null ? "" : status.trim().toLowerCase(Locale.ROOT));
    }

    static Component service(List<StatusItem> statuses, Instant now) {
        List<CiscoEvents.Event> open = CiscoEvents.open(statuses, now, SERVICE_WINDOW);
        if (open.isEmpty()) {
            return new Component("S", "Service", BigDecimal.ZERO,
                    List.of("no unresolved Cisco status item published in the last " + SERVICE_WINDOW.toHours() + " h"), false);
        }
        List<String> evidence = open.stream().map(event -> evidence(event, now)).toList();
        return new Component("S", "Service", SERVICE_PENALTY, evidence, true);
    }

    /** A feed item as before ("… — investigating, published 12 min ago"); an API event with its impact, update and source. */
    private static String evidence(CiscoEvents.Event event, Instant now) {
        long minutes = Duration.between(event.at(), now).toMinutes();
        if (!event.inApi()) {
            return "\"" + event.name() + "\" — " + event.status() + ", published " + minutes + " min ago";
        }
        return "\"" + event.name() + "\" — " + event.status() + event.impact().map(impact -> ", impact " + impact).orElse("")
                + ", updated " + minutes + " min ago (" + event.sources() + ")";
    }

    // ---- number text -----------------------------------------------------------------------

    /** A term as the page prints it: no trailing zeros (−68, −1.5, 0). */
    public static String term(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }

    static String oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal clean(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value;
    }

    public static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
