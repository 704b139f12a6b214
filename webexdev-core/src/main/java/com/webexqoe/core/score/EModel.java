package com.webexqoe.core.score;

/**
 * An estimated mean opinion score (MOS, 1–4.5) from latency, jitter and loss: the simplified
 * ITU-T G.107 E-model as Cole and Rosenbluth derived it for VoIP monitoring ("Voice over IP
 * Performance Monitoring", ACM SIGCOMM CCR 31(2), 2001) — default G.107 parameters give
 * R0 = 93.2; delay impairment Id = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3) approximated by the
 * two-slope form below; loss impairment 2.5 per percent (G.711 with PLC); the R-to-MOS mapping is
 * G.107's (Annex B). A companion figure to the thresholds, not a measurement.
 */
public final class EModel {

    /** R for default G.107 parameters with no impairment. */
    static final double R0 = 93.2;
    /** Effective one-way delay: delay + twice the jitter (the jitter buffer) + 10 ms codec delay. */
    static final double JITTER_WEIGHT = 2.0;
    static final double CODEC_DELAY_MS = 10.0;
    /** Below 160 ms effective delay costs 1 R point per 40 ms, above it 1 per 10 ms past 120 ms. */
    static final double DELAY_KNEE_MS = 160.0;
    static final double LOSS_WEIGHT_PER_PERCENT = 2.5;

    private EModel() {
    }

    /**
     * @param oneWayDelayMs one-way network delay in ms
     * @param jitterMs      jitter in ms
     * @param lossPercent   packet loss in percent (0–100)
     */
    public static double mos(double oneWayDelayMs, double jitterMs, double lossPercent) {
        double effective = Math.max(0, oneWayDelayMs) + JITTER_WEIGHT * Math.max(0, jitterMs) + CODEC_DELAY_MS;
        double r = effective < DELAY_KNEE_MS ? R0 - effective / 40.0 : R0 - (effective - 120.0) / 10.0;
        r -= LOSS_WEIGHT_PER_PERCENT * Math.max(0, lossPercent);
        return mosFromR(r);
    }

    /** ITU-T G.107 Annex B: R to MOS. */
    static double mosFromR(double r) {
        if (r <= 0) {
            return 1.0;
        }
        if (r >= 100) {
            return 4.5;
        }
        return 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
    }
}
