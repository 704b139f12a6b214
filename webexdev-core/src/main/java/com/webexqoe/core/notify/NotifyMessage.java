package com.webexqoe.core.notify;

import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.score.HealthScore;
import com.webexqoe.core.score.ProblemLocator;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The Markdown of a notification (docs/behaviour.md#core-notify). Pure.
 *
 * <p>Text from outside (feed titles, test and agent names, metric names) is escaped: Markdown's
 * punctuation gets a backslash, {@code < > &} become entities (so no {@code <@all>} mention and no
 * HTML reaches the space), and line breaks become spaces (no outside text can start a heading or a
 * list). A message stays within the Messages API's 7,439 bytes: the evidence is shortened first.
 */
public final class NotifyMessage {

    /** The Messages API's limit on {@code markdown} (developer.webex.com, Messages: "Create a Message"). */
    public static final int MAX_BYTES = 7439;

    private static final String MARKDOWN_PUNCTUATION = "\\`*_{}[]()#+-.!|~";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private NotifyMessage() {
    }

    public static String turn(Assessment assessment, NotifyState state, Optional<URI> dashboard) {
        HealthScore.Score score = assessment.score();
        String head = "**Webex QoE: " + escape(state.headline()) + "** (score " + score.healthText() + ")\n\n";
        String terms = "\n\nT " + term(score.social().value()) + " · N " + term(score.path().value()) + " · S "
                + term(score.service().value()) + " · home: " + escape(assessment.home().level().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                + link(dashboard);
        String where = assessment.location().headline();
        return within(head, where, assessment.location().evidence(), terms);
    }

    public static String recovery(Assessment assessment, Optional<Instant> problemSince, ZoneId zone, Optional<URI> dashboard) {
        String head = "**Webex QoE: recovered. " + escape(new NotifyState(true, ProblemLocator.Place.NONE).headline()) + "** (score "
                + assessment.score().healthText() + ")\n\n";
        String lasted = problemSince.map(since -> "The problem reported at " + SHOWN.format(since.atZone(zone)) + " ("
                        + escape(zone.getId()) + ") lasted " + duration(Duration.between(since, assessment.at())) + ".")
                .orElse("The problem reported earlier is over.");
        return head + lasted + link(dashboard);
    }

    /** {@code head + where + evidence + tail}, the evidence (outside text) escaped and shortened until the whole fits in {@link #MAX_BYTES}. */
    static String within(String head, String where, String evidence, String tail) {
        String prefix = head + where; // the project's own words: place names, no outside text
        String whole = prefix + escape(evidence) + tail;
        if (bytes(whole) <= MAX_BYTES) {
            return whole;
        }
        int keep = evidence.codePointCount(0, evidence.length());
        while (keep > 0) {
            keep = keep * 3 / 4;
            String candidate = prefix + escape(evidence.substring(0, evidence.offsetByCodePoints(0, keep))) + " …" + tail;
            if (bytes(candidate) <= MAX_BYTES) {
                return candidate;
            }
        }
        return truncateBytes(prefix + tail);
    }

    /** Outside text made inert for Webex's Markdown. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r', '\n', '\t' -> out.append(' ');
                default -> {
                    if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    static String duration(Duration lasted) {
        long minutes = Math.max(0, lasted.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static String term(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String link(Optional<URI> dashboard) {
        return dashboard.map(uri -> "\n\n[Open the dashboard](" + uri.toString().replace(")", "%29").replace(" ", "%20") + ")")
                .orElse("");
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String truncateBytes(String text) {
        String cut = text;
        while (bytes(cut) > MAX_BYTES) {
            cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
        }
        return cut;
    }

}
