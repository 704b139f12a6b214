package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The user's latest participant record of {@code webexdev-mtgquality} (docs/behaviour.md#mtgquality): the Webex
 * Meeting Qualities API's record, reduced to the latest sample of each stream.
 */
public record QualityRecord(String meetingId, String email, Optional<Instant> joinTime, String networkType,
                            String serverRegion, Map<Stream, StreamSample> streams) {

    /** The four media streams of a participant record, in the table's column order. */
    public enum Stream {
        AUDIO_IN("audioIn", "AudioIn", true),
        AUDIO_OUT("audioOut", "AudioOut", true),
        VIDEO_IN("videoIn", "VideoIn", false),
        VIDEO_OUT("videoOut", "VideoOut", false);

        private final String field;
        private final String label;
        private final boolean audio;

        Stream(String field, String label, boolean audio) {
            this.field = field;
            this.label = label;
            this.audio = audio;
        }

        public String field() {
            return field;
        }

        public String label() {
            return label;
        }

        public boolean audio() {
            return audio;
        }
    }

    /**
     * The last sampling interval of a stream's latest media session: Webex reports per-interval
     * averages, latency and jitter in ms, packet loss in percent (0–100), bit rate in bps.
     */
    public record StreamSample(OptionalDouble latencyMs, OptionalDouble jitterMs, OptionalDouble packetLossPercent,
                               OptionalDouble mediaBitRate, Optional<Instant> sampleEnd) {
    }

    /** When the newest stream sample ended, or else when the user joined: how fresh the record is. */
    public Optional<Instant> sampleTime() {
        return streams().values().stream().map(StreamSample::sampleEnd).flatMap(Optional::stream)
                .max(java.util.Comparator.naturalOrder()).or(this::joinTime);
    }
}
