package com.webexqoe.twitter;

import java.nio.charset.StandardCharsets;

/**
 * What Comprehend accepts as one document (Amazon Comprehend API reference, DetectDominantLanguage
 * and DetectSentiment): at most 5,000 bytes of UTF-8, and at least 20 characters for language
 * detection to be asked at all.
 */
public final class ComprehendText {

    public static final int MAX_BYTES = 5_000;
    public static final int MIN_CHARACTERS_FOR_LANGUAGE = 20;

    private ComprehendText() {
    }

    /**
     * The longest prefix of {@code text} whose UTF-8 encoding fits {@code maxBytes}, cut between two
     * code points: never inside a surrogate pair (emoji) or a multi-byte character (Japanese).
     */
    public static String cut(String text, int maxBytes) {
        if (text.length() * 3L <= maxBytes) {
            return text; // even all 3-byte characters (or surrogate pairs: 4 bytes per 2 chars) fit
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    public static String cut(String text) {
        return cut(text, MAX_BYTES);
    }

    /** Whether Comprehend can be asked for the dominant language (20 characters, as code points). */
    public static boolean longEnoughForLanguage(String text) {
        String trimmed = text.strip();
        return trimmed.codePointCount(0, trimmed.length()) >= MIN_CHARACTERS_FOR_LANGUAGE;
    }

    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint < 0x10000) {
            // a lone surrogate is encoded by Java as "?" (1 byte); counting 3 errs on the safe side
            return 3;
        }
        return 4;
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
