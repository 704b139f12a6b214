package com.webexqoe.common.json;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Writes flat JSON objects of strings, numbers and booleans by hand. Log lines and small
 * results use it so that a function which maps no JSON payloads (the status collector) never
 * loads Jackson's databind on its cold-start path; payload mapping stays in {@link Json}.
 */
public final class JsonText {

    private JsonText() {
    }

    /** A JSON object of the map's entries, in its iteration order. */
    public static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(64 + fields.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey());
            out.append(':');
            value(out, field.getValue());
        }
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                out.append(value);
            } else {
                out.append("null");
            }
        } else {
            string(out, value.toString());
        }
    }

    /** A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
