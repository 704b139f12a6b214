package com.webexqoe.core.score;

import com.webexqoe.core.sources.QualityRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The home verdict (docs/behaviour.md#core-home): the user's latest meeting-quality record against published
 * poor-stream limits, plus an estimated MOS. Pure.
 *
 * <p>Thresholds: Microsoft Teams Call Quality Dashboard, "Stream classification in Call Quality
 * Dashboard" (learn.microsoft.com/microsoftteams/stream-classification-in-call-quality-dashboard):
 * an audio stream is poor when round trip &gt; 500 ms, jitter &gt; 30 ms or packet loss rate
 * &gt; 10 % (0.1). They are network limits, so they are applied to the video streams too.
 *
 * <p>Units: the Webex Meeting Qualities API reports per-interval averages — latency and jitter in
 * ms, packet loss as a percentage 0–100 — so the loss limit is 10 (percent), not 0.1. Webex does
 * not say whether its latency is one-way or round trip; it is read as round trip (what a client
 * measures to the media server), so it is compared with the 500 ms round-trip limit and halved
 * for the E-model's one-way delay.
 */
public final class HomeAssessment {

    static final double ROUND_TRIP_LIMIT_MS = 500;
    static final double JITTER_LIMIT_MS = 30;
    static final double LOSS_LIMIT_PERCENT = 10;

    public enum Level { GOOD, POOR, NO_DATA }

    /**
     * @param poor        each metric past its limit, e.g. "AudioIn jitter 45 ms > 30 ms"
     * @param mos         the worst audio stream's estimated MOS, when one had all three figures
     * @param networkText "Wi-Fi", "wired", … as the record names the connection
     */
    public record Verdict(Level level, String line, List<String> poor, OptionalDouble mos, String networkText) {

        public boolean warning() {
            return level == Level.POOR;
        }
    }

    private HomeAssessment() {
    }

    public static Verdict assess(Optional<QualityRecord> latest) {
        if (latest.isEmpty()) {
            return new Verdict(Level.NO_DATA, "No meeting-quality data for the user yet (no data)", List.of(),
                    OptionalDouble.empty(), "");
        }
        QualityRecord record = latest.get();
        String network = networkText(record.networkType());
        List<String> poor = new ArrayList<>();
        OptionalDouble worstMos = OptionalDouble.empty();
        boolean anySample = false;
        for (Map.Entry<QualityRecord.Stream, QualityRecord.StreamSample> entry : record.streams().entrySet()) {
            QualityRecord.Stream stream = entry.getKey();
            QualityRecord.StreamSample sample = entry.getValue();
            anySample |= sample.latencyMs().isPresent() || sample.jitterMs().isPresent() || sample.packetLossPercent().isPresent();
            check(poor, stream.label() + " latency", sample.latencyMs(), ROUND_TRIP_LIMIT_MS, "ms");
            check(poor, stream.label() + " jitter", sample.jitterMs(), JITTER_LIMIT_MS, "ms");
            check(poor, stream.label() + " packet loss", sample.packetLossPercent(), LOSS_LIMIT_PERCENT, "%");
            if (stream.audio() && sample.latencyMs().isPresent() && sample.jitterMs().isPresent()
                    && sample.packetLossPercent().isPresent()) {
                double mos = EModel.mos(sample.latencyMs().getAsDouble() / 2, sample.jitterMs().getAsDouble(),
                        sample.packetLossPercent().getAsDouble());
                if (worstMos.isEmpty() || mos < worstMos.getAsDouble()) {
                    worstMos = OptionalDouble.of(mos);
                }
            }
        }
        String via = network.isEmpty() ? "" : "connected via " + network;
        String mosText = worstMos.isPresent() ? "estimated MOS " + String.format(Locale.ROOT, "%.1f", worstMos.getAsDouble()) : "";
        String detail = join(via, mosText);
        if (!anySample) {
            return new Verdict(Level.NO_DATA, "The user's latest meeting record has no stream samples (no data)"
                    + (via.isEmpty() ? "" : " (" + via + ")"), List.of(), worstMos, network);
        }
        if (poor.isEmpty()) {
            return new Verdict(Level.GOOD, "Analysis of the home environment shows no signs of problems"
                    + (detail.isEmpty() ? "" : " (" + detail + ")"), List.of(), worstMos, network);
        }
        return new Verdict(Level.POOR, "Poor at home: " + String.join(", ", poor)
                + (detail.isEmpty() ? "" : " (" + detail + ")"), List.copyOf(poor), worstMos, network);
    }

    private static void check(List<String> poor, String name, OptionalDouble value, double limit, String unit) {
        if (value.isPresent() && value.getAsDouble() > limit) {
            String space = "%".equals(unit) ? "" : " ";
            poor.add(name + " " + HealthScore.number(value.getAsDouble()) + space + unit + " > "
                    + HealthScore.number(limit) + space + unit);
        }
    }

    /** The Webex record's {@code networkType} ("wifi", "wired", "cellular", …) as people say it. */
    static String networkText(String networkType) {
        String type = networkType == null ? "" : networkType.trim();
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "" -> "";
            case "wifi", "wi-fi", "wireless" -> "Wi-Fi";
            case "wired", "ethernet", "lan" -> "wired network";
            case "cellular", "mobile" -> "cellular";
            default -> type;
        };
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "; " + b;
    }
}
