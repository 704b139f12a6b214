package com.webexqoe.twitter;

import com.webexqoe.common.time.Deadline;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Port: Comprehend's language and sentiment detection, per document, each with its own outcome. */
public interface TextAnalysis {

    /**
     * One language of a post: Comprehend's, with its confidence; or, for a post too short for
     * Comprehend, the one X reported, without a score.
     */
    record LanguageScore(String languageCode, Optional<BigDecimal> score) {
    }

    /** Comprehend's sentiment of one document. */
    record SentimentScores(String sentiment, BigDecimal positive, BigDecimal negative, BigDecimal neutral, BigDecimal mixed) {
    }

    /** The result for one document, or why there is none (an error code, never the text). */
    record Outcome<T>(Optional<T> value, String error) {
        public static <T> Outcome<T> of(T value) {
            return new Outcome<>(Optional.of(value), null);
        }

        public static <T> Outcome<T> failed(String error) {
            return new Outcome<>(Optional.empty(), error);
        }
    }

    /** The dominant languages of each text, in the order given (texts already cut to size). */
    List<Outcome<List<LanguageScore>>> dominantLanguages(List<String> texts, Deadline deadline);

    /** The sentiment of each text in one language, in the order given. */
    List<Outcome<SentimentScores>> sentiments(List<String> texts, String languageCode, Deadline deadline);

    /** Requests made so far (for the log: a batch is one request). */
    int calls();
}
