package com.webexqoe.te;

import java.util.List;
import java.util.Map;

/**
 * The few Handlebars constructs docs/thousandeyes-custom-webhook.json uses, rendered as Handlebars
 * does (handlebarsjs.com guide): {@code {{a.b}}} HTML-escaped, {@code {{#if a.b}}…{{/if}}},
 * {@code {{#each list}}…{{/each}}} with the item as context and {@code @last},
 * {@code {{#unless @last}}…{{/unless}}}. Anything else in a
 * template fails the test instead of rendering wrong.
 */
final class MiniHandlebars {

    private MiniHandlebars() {
    }

    static String render(String template, Map<String, Object> context) {
        StringBuilder out = new StringBuilder();
        int end = render(template, 0, context, false, out, null);
        if (end != template.length()) {
            throw new IllegalArgumentException("unbalanced block at " + end);
        }
        return out.toString();
    }

    /** Renders from {@code at} until a closing tag ({@code {{/…}}}) or the end; returns where it stopped. */
    private static int render(String template, int at, Map<String, Object> context, boolean last, StringBuilder out,
                              String closing) {
        int i = at;
        while (i < template.length()) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                out.append(template, i, template.length());
                return template.length();
            }
            out.append(template, i, open);
            int close = template.indexOf("}}", open);
            String tag = template.substring(open + 2, close).trim();
            int after = close + 2;
            if (tag.startsWith("/")) {
                if (!tag.substring(1).equals(closing)) {
                    throw new IllegalArgumentException("unexpected {{" + tag + "}}");
                }
                return open;
            }
            if (tag.startsWith("#each ")) {
                List<?> items = (List<?>) lookup(context, tag.substring(6).trim());
                int blockEnd = after;
                if (items == null || items.isEmpty()) {
                    blockEnd = render(template, after, context, last, new StringBuilder(), "each");
                }
                for (int k = 0; items != null && k < items.size(); k++) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> item = (Map<String, Object>) items.get(k);
                    blockEnd = render(template, after, item, k == items.size() - 1, out, "each");
                }
                i = template.indexOf("}}", blockEnd) + 2;
            } else if (tag.startsWith("#if ")) {
                StringBuilder block = new StringBuilder();
                int blockEnd = render(template, after, context, last, block, "if");
                if (truthy(lookup(context, tag.substring(4).trim()))) {
                    out.append(block);
                }
                i = template.indexOf("}}", blockEnd) + 2;
            } else if (tag.equals("#unless @last")) {
                StringBuilder block = new StringBuilder();
                int blockEnd = render(template, after, context, last, block, "unless");
                if (!last) {
                    out.append(block);
                }
                i = template.indexOf("}}", blockEnd) + 2;
            } else if (tag.startsWith("#") || tag.startsWith("{") || tag.startsWith("!") || tag.startsWith(">")) {
                throw new IllegalArgumentException("not supported: {{" + tag + "}}");
            } else {
                Object value = lookup(context, tag);
                out.append(escape(value == null ? "" : String.valueOf(value)));
                i = after;
            }
        }
        if (closing != null) {
            throw new IllegalArgumentException("{{#" + closing + "}} not closed");
        }
        return i;
    }

    /** Handlebars' falsy values: undefined/null, false, "", 0, an empty list. */
    private static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof Number number && number.doubleValue() == 0)
                && !(value instanceof List<?> list && list.isEmpty());
    }

    private static Object lookup(Map<String, Object> context, String path) {
        Object value = context;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** Handlebars' escapeExpression: & < > " ' ` = become entities. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;").replace("`", "&#x60;").replace("=", "&#x3D;");
    }
}
