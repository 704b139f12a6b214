package com.webexqoe.twitter;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ComprehendTextTest {

    private static final String EMOJI = "\uD83D\uDE29"; // U+1F629, 4 bytes in UTF-8, two Java chars
    private static final String KANJI = "\u4F1A";       // 会, 3 bytes

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
    }

    @Test
    void asciiUpToTheLimitIsKeptAndOneByteMoreIsCut() {
        assertThat(ComprehendText.cut("a".repeat(5_000))).hasSize(5_000);
        assertThat(ComprehendText.cut("a".repeat(5_001))).isEqualTo("a".repeat(5_000));
    }

    @Test
    void japaneseIsCutOnACharacterBoundary() {
        // 1,666 characters are 4,998 bytes; the 1,667th would make 5,001.
        String japanese = KANJI.repeat(1_667);
        String cut = ComprehendText.cut(japanese);
        assertThat(cut).isEqualTo(KANJI.repeat(1_666));
        assertThat(bytes(cut)).isEqualTo(4_998);
        // Exactly at the limit with two ASCII bytes in front: kept whole.
        assertThat(ComprehendText.cut("ab" + KANJI.repeat(1_666))).isEqualTo("ab" + KANJI.repeat(1_666));
    }

    @Test
    void emojiAreNeverSplitIntoHalves() {
        assertThat(ComprehendText.cut(EMOJI.repeat(1_250))).isEqualTo(EMOJI.repeat(1_250)); // exactly 5,000 bytes
        String cut = ComprehendText.cut(EMOJI.repeat(1_251));
        assertThat(cut).isEqualTo(EMOJI.repeat(1_250));
        // An emoji that would straddle the limit goes whole: 4,998 ASCII bytes + 4 bytes > 5,000.
        String straddling = ComprehendText.cut("a".repeat(4_998) + EMOJI + "tail");
        assertThat(straddling).isEqualTo("a".repeat(4_998));
        assertThat(wellFormed(straddling)).isTrue();
        // Around the limit by one byte at a time, the cut is always well-formed and within the limit.
        for (int prefix = 4_990; prefix <= 5_000; prefix++) {
            String text = "a".repeat(prefix) + EMOJI + KANJI + "é" + EMOJI;
            String result = ComprehendText.cut(text);
            assertThat(bytes(result)).isLessThanOrEqualTo(5_000);
            assertThat(wellFormed(result)).isTrue();
            assertThat(text).startsWith(result);
        }
    }

    @Test
    void shortTextIsReturnedAsIs() {
        String text = "Webex " + EMOJI + " " + KANJI;
        assertThat(ComprehendText.cut(text)).isSameAs(text);
    }

    @Test
    void languageDetectionNeedsTwentyCharactersCountedAsCodePoints() {
        assertThat(ComprehendText.longEnoughForLanguage("a".repeat(19))).isFalse();
        assertThat(ComprehendText.longEnoughForLanguage("a".repeat(20))).isTrue();
        assertThat(ComprehendText.longEnoughForLanguage("  " + "a".repeat(19) + "  ")).isFalse();
        // Ten emoji are twenty Java chars but ten characters.
        assertThat(ComprehendText.longEnoughForLanguage(EMOJI.repeat(10))).isFalse();
        assertThat(ComprehendText.longEnoughForLanguage(KANJI.repeat(20))).isTrue();
    }
}
