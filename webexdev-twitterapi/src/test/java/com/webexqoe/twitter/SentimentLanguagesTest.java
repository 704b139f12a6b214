package com.webexqoe.twitter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentLanguagesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "en, en", "es, es", "fr, fr", "de, de", "it, it", "pt, pt", "ar, ar", "hi, hi", "ja, ja", "ko, ko",
            "zh, zh", "zh-TW, zh-TW",
            // X's tags in other spellings
            "zh-tw, zh-TW", "zh-Hant, zh-TW", "zh-CN, zh", "pt-BR, pt", "EN, en", "en-GB, en",
            // not supported for sentiment: English
            "nl, en", "sv, en", "th, en", "und, en", "qme, en"
    })
    void choosesTheDominantLanguageWhenSupportedElseEnglish(String language, String expected) {
        assertThat(SentimentLanguages.forSentiment(Optional.of(language))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noLanguageAtAllMeansEnglish() {
        assertThat(SentimentLanguages.forSentiment(Optional.empty())).isEqualTo("en");
        assertThat(SentimentLanguages.forSentiment(Optional.of(" "))).isEqualTo("en");
    }
}
