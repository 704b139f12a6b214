package com.webexqoe.core.score;

import com.webexqoe.core.sources.QualityRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HomeAssessmentTest {

    static QualityRecord.StreamSample sample(double latency, double jitter, double loss) {
        return new QualityRecord.StreamSample(OptionalDouble.of(latency), OptionalDouble.of(jitter), OptionalDouble.of(loss),
                OptionalDouble.of(64000), Optional.of(Instant.parse("2026-11-28T02:50:00Z")));
    }

    static QualityRecord record(String network, QualityRecord.StreamSample audioIn) {
        Map<QualityRecord.Stream, QualityRecord.StreamSample> streams = new EnumMap<>(QualityRecord.Stream.class);
        streams.put(QualityRecord.Stream.AUDIO_IN, audioIn);
        streams.put(QualityRecord.Stream.AUDIO_OUT, sample(100, 8, 0));
        streams.put(QualityRecord.Stream.VIDEO_IN, sample(110, 12, 0.5));
        streams.put(QualityRecord.Stream.VIDEO_OUT, sample(110, 20, 0));
        return new QualityRecord("m1", "user@example.com", Optional.empty(), network, "Tokyo", streams);
    }

    @Test
    void wifiWithGoodMetricsShowsNoSignsOfProblems() {
        HomeAssessment.Verdict verdict = HomeAssessment.assess(Optional.of(record("wifi", sample(109, 9, 0))));
        assertThat(verdict.level()).isEqualTo(HomeAssessment.Level.GOOD);
        assertThat(verdict.line()).isEqualTo("Analysis of the home environment shows no signs of problems "
                + "(connected via Wi-Fi; estimated MOS 4.4)");
        assertThat(verdict.mos().getAsDouble()).isGreaterThan(4.3);
    }

    @Test
    void latencyPastTheRoundTripLimitIsNamed() {
        HomeAssessment.Verdict verdict = HomeAssessment.assess(Optional.of(record("wired", sample(620, 9, 0))));
        assertThat(verdict.level()).isEqualTo(HomeAssessment.Level.POOR);
        assertThat(verdict.poor()).containsExactly("AudioIn latency 620 ms > 500 ms");
        assertThat(verdict.line()).startsWith("Poor at home: AudioIn latency 620 ms > 500 ms (connected via wired network; estimated MOS");
    }

    @Test
    void lossIsInPercentAndJitterInMilliseconds() {
        HomeAssessment.Verdict verdict = HomeAssessment.assess(Optional.of(record("cellular", sample(100, 31, 10.5))));
        assertThat(verdict.poor()).containsExactly("AudioIn jitter 31 ms > 30 ms", "AudioIn packet loss 10.5% > 10%");
        // 10 % exactly is not past the limit
        assertThat(HomeAssessment.assess(Optional.of(record("wifi", sample(100, 30, 10)))).level())
                .isEqualTo(HomeAssessment.Level.GOOD);
    }

    @Test
    void noRecordSaysNoData() {
        HomeAssessment.Verdict verdict = HomeAssessment.assess(Optional.empty());
        assertThat(verdict.level()).isEqualTo(HomeAssessment.Level.NO_DATA);
        assertThat(verdict.line()).contains("no data");
        assertThat(verdict.warning()).isFalse();
    }

    @Test
    void eModelGivesTheKnownFigures() {
        // perfect network: R = 93.2 − 10/40 = 92.95 → MOS 4.40
        assertThat(EModel.mos(0, 0, 0)).isCloseTo(4.40, within(0.01));
        // 150 ms one way, 20 ms jitter, 1 % loss: effective 200 ms → R = 93.2 − 8 − 2.5 = 82.7 → MOS 4.12
        assertThat(EModel.mos(150, 20, 1)).isCloseTo(4.12, within(0.01));
        // heavy loss floors the score
        assertThat(EModel.mos(400, 80, 30)).isEqualTo(1.0);
        assertThat(EModel.mosFromR(100)).isEqualTo(4.5);
    }
}
