package com.webexqoe.twitter;

import com.webexqoe.common.time.Deadline;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.BatchDetectDominantLanguageItemResult;
import software.amazon.awssdk.services.comprehend.model.BatchDetectDominantLanguageResponse;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentItemResult;
import software.amazon.awssdk.services.comprehend.model.BatchDetectSentimentResponse;
import software.amazon.awssdk.services.comprehend.model.BatchItemError;
import software.amazon.awssdk.services.comprehend.model.DetectDominantLanguageResponse;
import software.amazon.awssdk.services.comprehend.model.DetectSentimentResponse;
import software.amazon.awssdk.services.comprehend.model.DominantLanguage;
import software.amazon.awssdk.services.comprehend.model.SentimentScore;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Comprehend through the SDK. One text: {@code DetectDominantLanguage}/{@code DetectSentiment}; more:
 * the batch operations, 25 documents a request (Comprehend API reference, BatchDetectDominantLanguage,
 * BatchDetectSentiment), which cost the same per document and save requests. A batch answers per
 * document ({@code ResultList}, {@code ErrorList} by {@code Index}): a document in the error list
 * fails alone. A request that fails as a whole (throttled past the SDK's retries, out of time)
 * fails each of its documents. Every request ends by the invocation's deadline.
 */
public final class ComprehendTextAnalysis implements TextAnalysis {

    static final int BATCH_LIMIT = 25;
    private static final Duration MIN_CALL = Duration.ofMillis(500);

    private final ComprehendClient client;
    private int calls;

    public ComprehendTextAnalysis(ComprehendClient client) {
        this.client = client;
    }

    @Override
    public int calls() {
        return calls;
    }

    @Override
    public List<Outcome<List<LanguageScore>>> dominantLanguages(List<String> texts, Deadline deadline) {
        List<Outcome<List<LanguageScore>>> outcomes = new ArrayList<>();
        if (texts.size() == 1) {
            outcomes.add(call(deadline, () -> {
                DetectDominantLanguageResponse response = client.detectDominantLanguage(r -> r.text(texts.get(0))
                        .overrideConfiguration(timeout(deadline)));
                return Outcome.of(languages(response.languages()));
            }));
            return outcomes;
        }
        for (List<String> chunk : chunks(texts)) {
            List<Outcome<List<LanguageScore>>> results = blank(chunk.size());
            try {
                checkTime(deadline);
                calls++;
                BatchDetectDominantLanguageResponse response = client.batchDetectDominantLanguage(r -> r.textList(chunk)
                        .overrideConfiguration(timeout(deadline)));
                for (BatchDetectDominantLanguageItemResult item : response.resultList()) {
                    set(results, item.index(), Outcome.of(languages(item.languages())));
                }
                for (BatchItemError error : response.errorList()) {
                    set(results, error.index(), Outcome.failed(error.errorCode()));
                }
            } catch (SdkException e) {
                results.replaceAll(ignored -> Outcome.failed(describe(e)));
            }
            outcomes.addAll(results);
        }
        return outcomes;
    }

    @Override
    public List<Outcome<SentimentScores>> sentiments(List<String> texts, String languageCode, Deadline deadline) {
        List<Outcome<SentimentScores>> outcomes = new ArrayList<>();
        if (texts.size() == 1) {
            outcomes.add(call(deadline, () -> {
                DetectSentimentResponse response = client.detectSentiment(r -> r.text(texts.get(0)).languageCode(languageCode)
                        .overrideConfiguration(timeout(deadline)));
                return Outcome.of(scores(response.sentimentAsString(), response.sentimentScore()));
            }));
            return outcomes;
        }
        for (List<String> chunk : chunks(texts)) {
            List<Outcome<SentimentScores>> results = blank(chunk.size());
            try {
                checkTime(deadline);
                calls++;
                BatchDetectSentimentResponse response = client.batchDetectSentiment(r -> r.textList(chunk).languageCode(languageCode)
                        .overrideConfiguration(timeout(deadline)));
                for (BatchDetectSentimentItemResult item : response.resultList()) {
                    set(results, item.index(), Outcome.of(scores(item.sentimentAsString(), item.sentimentScore())));
                }
                for (BatchItemError error : response.errorList()) {
                    set(results, error.index(), Outcome.failed(error.errorCode()));
                }
            } catch (SdkException e) {
                results.replaceAll(ignored -> Outcome.failed(describe(e)));
            }
            outcomes.addAll(results);
        }
        return outcomes;
    }

    private interface Call<T> {
        Outcome<T> run();
    }

    private <T> Outcome<T> call(Deadline deadline, Call<T> call) {
        try {
            checkTime(deadline);
            calls++;
            return call.run();
        } catch (SdkException e) {
            return Outcome.failed(describe(e));
        }
    }

    private static void checkTime(Deadline deadline) {
        if (!deadline.fits(MIN_CALL)) {
            throw SdkException.builder().message("no time left before the invocation's deadline").build();
        }
    }

    private static Consumer<AwsRequestOverrideConfiguration.Builder> timeout(Deadline deadline) {
        return o -> o.apiCallTimeout(deadline.remaining());
    }

    private static List<List<String>> chunks(List<String> texts) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH_LIMIT) {
            chunks.add(texts.subList(from, Math.min(texts.size(), from + BATCH_LIMIT)));
        }
        return chunks;
    }

    /** Every document starts as "no result": an index the answer leaves out fails rather than vanishes. */
    @SuppressWarnings("unchecked")
    private static <T> List<Outcome<T>> blank(int size) {
        Outcome<T>[] outcomes = new Outcome[size];
        Arrays.fill(outcomes, Outcome.failed("NoResultForDocument"));
        return new ArrayList<>(Arrays.asList(outcomes));
    }

    private static <T> void set(List<Outcome<T>> results, Integer index, Outcome<T> outcome) {
        if (index != null && index >= 0 && index < results.size()) {
            results.set(index, outcome);
        }
    }

    private static List<LanguageScore> languages(List<DominantLanguage> languages) {
        return languages.stream().map(l -> new LanguageScore(l.languageCode(), java.util.Optional.of(exact(l.score())))).toList();
    }

    private static SentimentScores scores(String sentiment, SentimentScore score) {
        return new SentimentScores(sentiment, exact(score.positive()), exact(score.negative()),
                exact(score.neutral()), exact(score.mixed()));
    }

    /** The SDK reads Comprehend's scores as floats: their shortest decimal form, not the double's digits. */
    static BigDecimal exact(Float value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(Float.toString(value));
    }

    /** An error by its AWS code and status, or its kind: never the document's text. */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
        }
        String message = e.getMessage();
        return message != null && message.startsWith("no time left") ? message : e.getClass().getSimpleName();
    }
}
