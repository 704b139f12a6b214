package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A generated corpus of hostile webhook bodies: mutations of the real alert payloads under
 * {@code alerts/}, from a fixed seed, so every run sends the same bodies. The generator decides
 * what each body is by construction (which mutations keep a valid alert), from the webhook's
 * documented contract (docs/webexdev-te.md), never by asking the handler.
 *
 * <p>Oracle: an alert is valid when the body is well-formed UTF-8 JSON, an object with nothing after
 * it and no duplicate keys, at most 24 levels deep, at most 256 KiB, {@code eventId} a non-blank
 * string of at most 512 characters, {@code alert} an object, the read fields of the right type (or
 * absent or null), every number one DynamoDB can hold, no empty key, and every string real Unicode
 * text (no unpaired surrogate: DynamoDB strings are UTF-8).
 */
final class WebhookCorpus {

    /** What the sender should get. */
    enum Expect {
        /** 200, stored: the first delivery of a valid alert. */
        STORED,
        /** 200, duplicate: a valid alert whose eventId was already stored. */
        DUPLICATE,
        /** 200, test: ThousandEyes' WEBHOOK_TEST. */
        TEST,
        /** 400 or 413, nothing stored. */
        REFUSED
    }

    /**
     * @param body    the body's bytes
     * @param base64  whether the proxy event carries it base64-encoded (always, for bytes that are not UTF-8)
     * @param eventId the alert's eventId when valid, else null
     * @param sent    the document as sent, when valid (what the item's {@code items} must hold)
     */
    record Case(int index, String kind, byte[] body, boolean base64, Expect expect, String eventId, JsonNode sent) {
    }

    static final long SEED = 20261128L;
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final String[] UNICODE = {
            "東京, Japan (NTT) 東日本", "Zürich – Straße ß", "مرحبا بالعالم", "שלום", "🚀🔥💥 emoji 👩‍👩‍👧‍👦",
            "e\u0301\u0301\u0301 combining", "zero\u200bwidth\u200d\ufeff", "\u202eright-to-left override",
            "𝕳𝖊𝖑𝖑𝖔 astral", "\ufffd replacement", "Ω≈ç√∫˜µ≤≥÷", "\u2028line\u2029separators", "ﷺ", "Ⅻ ⅻ ⓐ"};
    private static final String[] CONTROL = {"\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\u000b", "\f", "\r",
            "\u001b[31m", "\u001f", "\u007f", "\u0085", "\u009b"};
    private static final String[] READ_STRINGS = {"type", "ruleExpression", "testName"};
    private static final String[] VALID_NUMBERS = {"0", "-0", "1", "-1", "2", "1.5", "-273.15", "0.000001",
            "12345678901234567890123456789012345678", "-99999999999999999999999999999999999999", "1e125", "9.99e125",
            "-9.99e125", "1e-130", "-1e-130", "1.000000000000000001", "3.141592653589793238462643383279502884", "0e999",
            "0.0e-999", "100000000000000000000000000000000000000000000000000000000000000"};
    private static final String[] UNSTORABLE_NUMBERS = {"1e126", "-1e126", "1e400", "1e-131", "-1e-400",
            "1.2345678901234567890123456789012345678901", "123456789012345678901234567890123456789",
            "1e1000000", "9.999999999999999999999999999999999999999e125"};

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<ObjectNode> bases;
    private final List<Case> cases = new ArrayList<>();
    private final List<Case> stored = new ArrayList<>();
    private int next;

    WebhookCorpus(List<String> fixtures) {
        bases = fixtures.stream().map(text -> (ObjectNode) read(text)).toList();
    }

    /** {@code count} bodies, the same ones on every run. */
    List<Case> generate(int count) {
        List<Function<Integer, Case>> kinds = List.of(
                this::unchanged, this::unicodeText, this::controlCharacters, this::extraFields, this::missingFields,
                this::nullFields, this::numbersInRange, this::booleanActive, this::unknownEventType, this::validDeepNesting,
                this::oddEventIds, this::duplicateDelivery, this::duplicateDelivery,
                this::wrongType, this::wrongType, this::wrongType, this::missingRequired, this::badEventId,
                this::numbersOutOfRange, this::tooDeep, this::duplicateKeys, this::emptyKey, this::trailingGarbage,
                this::notAnObject, this::truncated, this::invalidUtf8, this::unpairedSurrogate, this::notJson,
                this::webhookTest, this::hugeString);
        for (int i = 0; i < count; i++) {
            Case c = kinds.get(random.nextInt(kinds.size())).apply(i);
            cases.add(c);
            if (c.expect() == Expect.STORED) {
                stored.add(c);
            }
        }
        return List.copyOf(cases);
    }

    // ---- bodies that keep a valid alert -------------------------------------------------------

    private Case unchanged(int i) {
        ObjectNode doc = fresh(i);
        return valid(i, "unchanged", doc);
    }

    private Case unicodeText(int i) {
        ObjectNode doc = fresh(i);
        ObjectNode alert = (ObjectNode) doc.get("alert");
        alert.put(pick(READ_STRINGS), pick(UNICODE) + " " + pick(UNICODE));
        agent(doc).put(random.nextBoolean() ? "agentName" : "metricsAtStart", pick(UNICODE));
        doc.put("eventId", doc.get("eventId").asText() + "-" + pick(UNICODE));
        return valid(i, "unicode text", doc);
    }

    private Case controlCharacters(int i) {
        ObjectNode doc = fresh(i);
        StringBuilder text = new StringBuilder("ctl");
        for (int k = 0; k < 1 + random.nextInt(6); k++) {
            text.append(pick(CONTROL)).append('x');
        }
        ((ObjectNode) doc.get("alert")).put(pick(READ_STRINGS), text.toString());
        agent(doc).put("agentName", "agent" + pick(CONTROL));
        if (random.nextBoolean()) {
            doc.put("eventId", doc.get("eventId").asText() + pick(CONTROL) + "tail");
        }
        return valid(i, "control characters", doc);
    }

    private Case extraFields(int i) {
        ObjectNode doc = fresh(i);
        ObjectNode where = switch (random.nextInt(3)) {
            case 0 -> doc;
            case 1 -> (ObjectNode) doc.get("alert");
            default -> agent(doc);
        };
        for (int k = 0; k < 1 + random.nextInt(5); k++) {
            where.set("extra" + k + "-" + pick(new String[]{"x", "$where", "__proto__", "constructor", "a.b", "#",
                    "<script>", "' OR 1=1 --", "${jndi:ldap://127.0.0.1/a}", "日本"}), anyValue(3));
        }
        return valid(i, "extra fields", doc);
    }

    private Case missingFields(int i) {
        ObjectNode doc = fresh(i);
        ObjectNode alert = (ObjectNode) doc.get("alert");
        switch (random.nextInt(5)) {
            case 0 -> doc.remove("eventType");
            case 1 -> alert.remove(pick(READ_STRINGS));
            case 2 -> alert.remove("active");
            case 3 -> alert.remove("agents");
            default -> agent(doc).remove(random.nextBoolean() ? "agentName" : "metricsAtStart");
        }
        if (random.nextInt(4) == 0) {
            alert.removeAll();
        }
        return valid(i, "missing optional fields", doc);
    }

    private Case nullFields(int i) {
        ObjectNode doc = fresh(i);
        ObjectNode alert = (ObjectNode) doc.get("alert");
        switch (random.nextInt(4)) {
            case 0 -> doc.putNull("eventType");
            case 1 -> alert.putNull(pick(READ_STRINGS));
            case 2 -> alert.putNull(random.nextBoolean() ? "active" : "agents");
            default -> agent(doc).putNull(random.nextBoolean() ? "agentName" : "metricsAtStart");
        }
        return valid(i, "null optional fields", doc);
    }

    private Case numbersInRange(int i) {
        ObjectNode doc = fresh(i);
        ObjectNode alert = (ObjectNode) doc.get("alert");
        alert.put("active", new BigDecimal(pick(VALID_NUMBERS)));
        alert.put(random.nextBoolean() ? "alertId" : "violationCount", new BigDecimal(pick(VALID_NUMBERS)));
        agent(doc).put("agentId", new BigDecimal(pick(VALID_NUMBERS)));
        return valid(i, "numbers in range", doc);
    }

    private Case booleanActive(int i) {
        ObjectNode doc = fresh(i);
        ((ObjectNode) doc.get("alert")).put("active", random.nextBoolean());
        return valid(i, "boolean active", doc);
    }

    private Case unknownEventType(int i) {
        ObjectNode doc = fresh(i);
        doc.put("eventType", pick(new String[]{"ALERT_NOTIFICATION_SOMETHING_NEW", "", "webhook_test", "WEBHOOK_TEST ",
                "ALERT_NOTIFICATION_TRIGGER\u0000", pick(UNICODE)}));
        return valid(i, "unknown eventType", doc);
    }

    private Case validDeepNesting(int i) {
        ObjectNode doc = fresh(i);
        // the document is depth 1, alert 2: up to 24 levels in all is allowed
        JsonNode inner = NODES.textNode("bottom");
        int levels = 1 + random.nextInt(21);
        for (int k = 0; k < levels; k++) {
            inner = random.nextBoolean() ? NODES.arrayNode().add(inner) : NODES.objectNode().set("d", inner);
        }
        ((ObjectNode) doc.get("alert")).set("nested", inner);
        return valid(i, "nesting within the limit", doc);
    }

    private Case oddEventIds(int i) {
        ObjectNode doc = fresh(i);
        String id = doc.get("eventId").asText();
        doc.put("eventId", switch (random.nextInt(6)) {
            case 0 -> " " + id + " ";
            case 1 -> id + "/../../etc/passwd";
            case 2 -> id + "#delivery";
            case 3 -> "#delivery-" + id;
            case 4 -> (id + "-" + "x".repeat(512)).substring(0, 512);
            default -> id + "\"'<>&;|`$(){}[]";
        });
        return valid(i, "odd but valid eventId", doc);
    }

    private Case duplicateDelivery(int i) {
        if (stored.isEmpty()) {
            return unchanged(i);
        }
        Case earlier = stored.get(random.nextInt(stored.size()));
        if (random.nextBoolean()) {
            return new Case(i, "duplicate (same body)", earlier.body(), !earlier.base64(), Expect.DUPLICATE,
                    earlier.eventId(), earlier.sent());
        }
        ObjectNode doc = base();
        doc.put("eventId", earlier.eventId());
        ((ObjectNode) doc.get("alert")).put("testName", "redelivered with other content " + i);
        byte[] body = write(doc);
        return new Case(i, "duplicate (same eventId, other body)", body, random.nextBoolean(), Expect.DUPLICATE,
                earlier.eventId(), earlier.sent());
    }

    // ---- bodies that must be refused ----------------------------------------------------------

    private Case wrongType(int i) {
        ObjectNode doc = fresh(i);
        ObjectNode alert = (ObjectNode) doc.get("alert");
        JsonNode[] notString = {NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode().add("x"),
                NODES.objectNode().put("x", 1)};
        switch (random.nextInt(10)) {
            case 0 -> doc.set("eventId", random.nextBoolean() ? NODES.nullNode() : pick(notString));
            case 1 -> doc.set("eventType", pick(notString));
            case 2 -> doc.set("alert", pick(new JsonNode[]{NODES.textNode("HTTP Server"), NODES.numberNode(1),
                    NODES.arrayNode().add(alert.deepCopy()), NODES.booleanNode(false), NODES.nullNode()}));
            case 3 -> alert.set(pick(READ_STRINGS), pick(notString));
            case 4 -> alert.set("active", pick(new JsonNode[]{NODES.textNode("1"), NODES.textNode("yes"),
                    NODES.arrayNode().add(1), NODES.objectNode().put("v", 1)}));
            case 5 -> alert.set("agents", pick(new JsonNode[]{agent(doc).deepCopy(), NODES.textNode("Tokyo"),
                    NODES.numberNode(2), NODES.booleanNode(true)}));
            case 6 -> ((ArrayNode) alert.withArray("agents")).insert(0, pick(new JsonNode[]{NODES.nullNode(),
                    NODES.textNode("Tokyo, Japan"), NODES.numberNode(303), NODES.arrayNode()}));
            case 7 -> agent(doc).set("agentName", pick(notString));
            case 8 -> agent(doc).set("metricsAtStart", pick(notString));
            default -> {
                agent(doc).set("metricsAtStart", NODES.objectNode().put("responseTime", 980));
                alert.put("testName", "fine");
            }
        }
        return refused(i, "wrong type", write(doc));
    }

    private Case missingRequired(int i) {
        ObjectNode doc = fresh(i);
        switch (random.nextInt(3)) {
            case 0 -> doc.remove("eventId");
            case 1 -> doc.remove("alert");
            default -> {
                doc.remove("eventId");
                doc.remove("alert");
            }
        }
        return refused(i, "missing required field", write(doc));
    }

    private Case badEventId(int i) {
        ObjectNode doc = fresh(i);
        doc.put("eventId", switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> " \t\n ";
            case 2 -> "x".repeat(513);
            default -> "y".repeat(513 + random.nextInt(100_000));
        });
        return refused(i, "blank or long eventId", write(doc));
    }

    private Case numbersOutOfRange(int i) {
        ObjectNode doc = fresh(i);
        String number = pick(UNSTORABLE_NUMBERS);
        String text = new String(write(doc), StandardCharsets.UTF_8);
        // written as text: the tree would round some of these
        String where = pick(new String[]{"\"alertId\":", "\"agentId\":", "\"active\":", "\"violationCount\":"});
        if (text.contains(where)) {
            text = text.replaceFirst(java.util.regex.Pattern.quote(where) + "\\s*-?[0-9.eE+-]+", where + number);
        } else {
            text = text.replaceFirst("\\{", "{\"big\":" + number + ",");
        }
        if (random.nextInt(5) == 0) {
            text = text.replaceFirst("\\{", "{\"long\":" + "9".repeat(101) + ",");
        }
        return refused(i, "number out of range", text.getBytes(StandardCharsets.UTF_8));
    }

    private Case tooDeep(int i) {
        ObjectNode doc = fresh(i);
        int levels = 24 + random.nextInt(random.nextBoolean() ? 10 : 50_000);
        String deep = random.nextBoolean() ? "[".repeat(levels) + "]".repeat(levels)
                : "{\"d\":".repeat(levels) + "1" + "}".repeat(levels);
        String text = new String(write(doc), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"deep\":" + deep.replace("$", "\\$") + ",");
        return refused(i, "nesting too deep", text.getBytes(StandardCharsets.UTF_8));
    }

    private Case duplicateKeys(int i) {
        ObjectNode doc = fresh(i);
        String text = new String(write(doc), StandardCharsets.UTF_8);
        text = switch (random.nextInt(3)) {
            case 0 -> text.replaceFirst("\\{", "{\"eventId\":\"other-" + i + "\",");
            case 1 -> text.replaceFirst("\"alert\":\\{", "\"alert\":{\"testName\":\"first\",\"testName\":\"second\",");
            default -> text.replaceFirst("\\{", "{\"x\":1,\"x\":1,");
        };
        return refused(i, "duplicate keys", text.getBytes(StandardCharsets.UTF_8));
    }

    private Case emptyKey(int i) {
        ObjectNode doc = fresh(i);
        (random.nextBoolean() ? doc : agent(doc)).put("", "empty key");
        return refused(i, "empty key", write(doc));
    }

    private Case trailingGarbage(int i) {
        byte[] valid = write(fresh(i));
        String tail = pick(new String[]{"x", "}", ",", "{}", "[]", "null", "0", "\"s\"", new String(valid, StandardCharsets.UTF_8),
                "\u0000", "// comment", "<!-- -->", "\n\n--boundary--"});
        return refused(i, "trailing garbage", concat(valid, tail.getBytes(StandardCharsets.UTF_8)));
    }

    private Case notAnObject(int i) {
        String body = new String(write(fresh(i)), StandardCharsets.UTF_8);
        String root = pick(new String[]{"[" + body + "]", "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                "42", "-1e5", "true", "false", "null", "[]", "\"\"", "[{}]"});
        return refused(i, "not an object", root.getBytes(StandardCharsets.UTF_8));
    }

    private Case truncated(int i) {
        byte[] valid = write(fresh(i));
        String text = new String(valid, StandardCharsets.UTF_8);
        int end = random.nextInt(Math.max(1, text.lastIndexOf('}')));
        return refused(i, "truncated", text.substring(0, end).getBytes(StandardCharsets.UTF_8));
    }

    private Case invalidUtf8(int i) {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, (byte) 0x28}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82}};
        ObjectNode doc = fresh(i);
        ((ObjectNode) doc.get("alert")).put(pick(READ_STRINGS), "BAD");
        byte[] text = write(doc);
        byte[] marker = "BAD".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(text, marker);
        byte[] body = concat(concat(java.util.Arrays.copyOf(text, at), pick(bad)), java.util.Arrays.copyOfRange(text, at + 3, text.length));
        return new Case(i, "invalid UTF-8", body, true, Expect.REFUSED, null, null);
    }

    private Case unpairedSurrogate(int i) {
        ObjectNode doc = fresh(i);
        ((ObjectNode) doc.get("alert")).put(pick(READ_STRINGS), "SURROGATE");
        String escape = pick(new String[]{"\\ud800", "\\udfff", "x\\ud83d", "\\ude00x", "\\udc00\\ud800"});
        String text = new String(write(doc), StandardCharsets.UTF_8).replace("SURROGATE", escape);
        return refused(i, "unpaired surrogate escape", text.getBytes(StandardCharsets.UTF_8));
    }

    private Case notJson(int i) {
        String body = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> " \r\n\t ";
            case 2 -> "eventId=1&alert=x";
            case 3 -> "<?xml version=\"1.0\"?><alert><eventId>1</eventId></alert>";
            case 4 -> "{'eventId': 'single-quoted', 'alert': {}}";
            default -> "{\"eventId\":\"nan-" + i + "\",\"alert\":{\"active\":NaN}}";
        };
        return refused(i, "not JSON", body.getBytes(StandardCharsets.UTF_8));
    }

    private Case webhookTest(int i) {
        ObjectNode doc = random.nextBoolean() ? fresh(i) : NODES.objectNode();
        doc.put("eventType", "WEBHOOK_TEST");
        return new Case(i, "WEBHOOK_TEST", write(doc), random.nextBoolean(), Expect.TEST, null, null);
    }

    private Case hugeString(int i) {
        ObjectNode doc = fresh(i);
        boolean tooBig = random.nextBoolean();
        int length = tooBig ? 262_145 + random.nextInt(200_000) : 20_000 + random.nextInt(40_000);
        ((ObjectNode) doc.get("alert")).put(random.nextBoolean() ? "testName" : "padding", "h".repeat(length));
        return tooBig ? refused(i, "huge string over the limit", write(doc)) : valid(i, "huge string within the limit", doc);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ObjectNode base() {
        return bases.get(random.nextInt(bases.size())).deepCopy();
    }

    /** A base alert with a new eventId, so that each valid body is a distinct alert. */
    private ObjectNode fresh(int i) {
        ObjectNode doc = base();
        doc.put("eventId", "corpus-" + SEED + "-" + i);
        return doc;
    }

    private static ObjectNode agent(ObjectNode doc) {
        ObjectNode alert = (ObjectNode) doc.get("alert");
        ArrayNode agents = alert.withArray("agents");
        if (agents.isEmpty()) {
            agents.addObject().put("agentName", "Osaka, Japan");
        }
        return (ObjectNode) agents.get(0);
    }

    private JsonNode anyValue(int depth) {
        return switch (random.nextInt(depth <= 0 ? 5 : 7)) {
            case 0 -> NODES.textNode(pick(UNICODE));
            case 1 -> NODES.numberNode(new BigDecimal(pick(VALID_NUMBERS)));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.textNode("");
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int k = 0; k < random.nextInt(4); k++) {
                    array.add(anyValue(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int k = 0; k < random.nextInt(4); k++) {
                    object.set("k" + k, anyValue(depth - 1));
                }
                yield object;
            }
        };
    }

    private Case valid(int i, String kind, ObjectNode doc) {
        byte[] body = write(doc);
        String text = new String(body, StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) {
            text = doc.toPrettyString() + (random.nextBoolean() ? "\n" : "  \r\n\t");
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new Case(i, kind, body, random.nextInt(3) == 0, Expect.STORED, doc.get("eventId").asText(), read(text));
    }

    private Case refused(int i, String kind, byte[] body) {
        return new Case(i, kind, body, random.nextInt(3) == 0, Expect.REFUSED, null, null);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    static byte[] write(JsonNode doc) {
        return Json.write(doc).getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode read(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("marker not found");
    }
}
