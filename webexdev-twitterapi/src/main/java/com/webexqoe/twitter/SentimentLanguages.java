package com.webexqoe.twitter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language to ask DetectSentiment in (Amazon Comprehend developer guide, "Supported languages":
 * sentiment in en, es, fr, de, it, pt, ar, hi, ja, ko, zh, zh-TW): the post's dominant language when
 * Comprehend supports it for sentiment, else English (the original's choice for the rest).
 */
public final class SentimentLanguages {

    public static final List<String> SUPPORTED = List.of("en", "es", "fr", "de", "it", "pt", "ar", "hi", "ja", "ko", "zh", "zh-TW");
    public static final String FALLBACK = "en";

    private SentimentLanguages() {
    }

    public static String forSentiment(Optional<String> language) {
        return language.flatMap(SentimentLanguages::supported).orElse(FALLBACK);
    }

    /**
     * A language code as Comprehend's sentiment takes it, or empty. Comprehend answers {@code zh}
     * and {@code zh-TW}; X writes BCP 47 tags in any case ({@code zh-tw}, {@code zh-Hant},
     * {@code pt-BR}…): traditional Chinese maps to {@code zh-TW}, other regional tags to their language.
     */
    static Optional<String> supported(String code) {
        String tag = code.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        if (tag.equals("zh-tw") || tag.equals("zh-hant") || tag.startsWith("zh-hant-") || tag.equals("zh-hk")) {
            return Optional.of("zh-TW");
        }
        int dash = tag.indexOf('-');
        String language = dash < 0 ? tag : tag.substring(0, dash);
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }
}
