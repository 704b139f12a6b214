package com.webexqoe.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.webexqoe.common.json.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Amazon Comprehend for demo mode only: the four detect operations the twitter function calls,
 * answered in Comprehend's JSON shapes by a deliberately simple rule (the script a text is written
 * in, and a few words of praise or complaint). Live mode uses the real service, never this.
 */
final class ComprehendDemo implements ResponseDefinitionTransformerV2 {

    static final String NAME = "comprehend-demo";
    private static final String PREFIX = "Comprehend_20171127.";

    private static final List<String> NEGATIVE = List.of("down", "outage", "not working", "broken", "can't", "cannot",
            "error", "fail", "lag", "frozen", "drop", "落ち", "繋がらない", "つながらない", "caída", "no funciona", "panne",
            "störung", "kaputt");
    private static final List<String> POSITIVE = List.of("great", "love", "smooth", "works well", "excellent", "good",
            "快適", "良い", "genial", "super", "génial", "toll", "clear");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        String target = serveEvent.getRequest().getHeader("X-Amz-Target");
        JsonNode request;
        try {
            request = Json.read(serveEvent.getRequest().getBodyAsString());
        } catch (JsonProcessingException e) {
            return AwsJson.error(400, "SerializationException", "request is not JSON");
        }
        String operation = target == null ? "" : target.replace(PREFIX, "");
        return switch (operation) {
            case "DetectDominantLanguage" -> AwsJson.ok(languages(Json.object(), request.path("Text").asText()));
            case "DetectSentiment" -> AwsJson.ok(sentiment(Json.object(), request.path("Text").asText()));
            case "BatchDetectDominantLanguage" -> AwsJson.ok(batch(request, true));
            case "BatchDetectSentiment" -> AwsJson.ok(batch(request, false));
            default -> AwsJson.error(400, "UnknownOperationException", "demo Comprehend does not answer " + operation);
        };
    }

    private static ObjectNode batch(JsonNode request, boolean language) {
        ObjectNode answer = Json.object();
        ArrayNode results = answer.putArray("ResultList");
        answer.putArray("ErrorList");
        JsonNode texts = request.path("TextList");
        for (int i = 0; i < texts.size(); i++) {
            ObjectNode result = results.addObject().put("Index", i);
            if (language) {
                languages(result, texts.get(i).asText());
            } else {
                sentiment(result, texts.get(i).asText());
            }
        }
        return answer;
    }

    /** Language and sentiment of one text, as a DetectDominantLanguage and a DetectSentiment answer would give them. */
    static ObjectNode analyse(String text) {
        return sentiment(languages(Json.object(), text), text);
    }

    private static ObjectNode languages(ObjectNode into, String text) {
        into.putArray("Languages").addObject().put("LanguageCode", language(text)).put("Score", new BigDecimal("0.98"));
        return into;
    }

    static String language(String text) {
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)) {
            return "ja";
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
            return "ko";
        }
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "zh";
        }
        String lower = " " + text.toLowerCase(Locale.ROOT) + " ";
        if (lower.contains(" el ") || lower.contains(" la ") || lower.contains(" está") || lower.contains(" no funciona")) {
            return "es";
        }
        if (lower.contains(" le ") || lower.contains(" est ") || lower.contains(" une ") || lower.contains(" c'est")) {
            return "fr";
        }
        if (lower.contains(" der ") || lower.contains(" und ") || lower.contains(" ist ") || lower.contains(" nicht ")) {
            return "de";
        }
        return "en";
    }

    private static ObjectNode sentiment(ObjectNode into, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long negative = NEGATIVE.stream().filter(lower::contains).count();
        long positive = POSITIVE.stream().filter(lower::contains).count();
        String label;
        String[] scores; // Positive, Negative, Neutral, Mixed
        if (negative > 0 && positive > 0) {
            label = "MIXED";
            scores = new String[]{"0.21", "0.24", "0.05", "0.50"};
        } else if (negative > 0) {
            label = "NEGATIVE";
            scores = new String[]{"0.02", "0.91", "0.06", "0.01"};
        } else if (positive > 0) {
            label = "POSITIVE";
            scores = new String[]{"0.93", "0.01", "0.05", "0.01"};
        } else {
            label = "NEUTRAL";
            scores = new String[]{"0.08", "0.04", "0.87", "0.01"};
        }
        into.put("Sentiment", label);
        into.putObject("SentimentScore")
                .put("Positive", new BigDecimal(scores[0]))
                .put("Negative", new BigDecimal(scores[1]))
                .put("Neutral", new BigDecimal(scores[2]))
                .put("Mixed", new BigDecimal(scores[3]));
        return into;
    }
}
