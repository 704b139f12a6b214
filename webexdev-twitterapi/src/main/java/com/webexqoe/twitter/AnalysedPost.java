package com.webexqoe.twitter;

import com.webexqoe.twitter.TextAnalysis.LanguageScore;
import com.webexqoe.twitter.TextAnalysis.SentimentScores;

import java.util.List;

/** A post with what Comprehend made of it: ready to store. */
public record AnalysedPost(Post post, List<LanguageScore> languages, SentimentScores sentiment) {

    public AnalysedPost {
        languages = List.copyOf(languages);
    }
}
