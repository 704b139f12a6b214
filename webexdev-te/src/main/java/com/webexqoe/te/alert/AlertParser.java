package com.webexqoe.te.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a webhook body (pure; no I/O), told apart by its fields: ThousandEyes' classic alert
 * notification ({@code eventId}, {@code eventType}, {@code alert{alertId, type, active, ruleExpression,
 * testName, agents[]{agentName, metricsAtStart}}}, agent notifications with {@code agentAlert}), or a
 * custom webhook's body ({@code id}, {@code type}, {@code alert{id, type, test{name}, rule{name}}}).
 * Anything it cannot store faithfully is refused with a short
 * reason, never a server error: the sender's mistakes are 4xx.
 */
public final class AlertParser {

    /** What the body turned out to be. */
    public sealed interface Parsed {
        /** ThousandEyes' "Test" button. */
        record Test() implements Parsed {
        }

        record Valid(Alert alert) implements Parsed {
        }

        /** @param status 400 or 413 */
        record Invalid(int status, String error) implements Parsed {
        }
    }

    public static final String WEBHOOK_TEST = "WEBHOOK_TEST";
    /** The custom webhook's {@code type}: "2" a trigger, "1" a clear. */
    static final String CUSTOM_TRIGGER = "2";
    static final String CUSTOM_CLEAR = "1";
    /** Bodies over this are refused with 413 (a classic notification is a few KiB). */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** DynamoDB's item limit is 400 KB; the item holds the body and two lists taken from it. */
    static final int MAX_ITEM_BYTES = 390_000;
    /** DynamoDB nests documents 32 levels deep at most; the body sits one level down in {@code items}. */
    static final int MAX_DEPTH = 24;
    public static final int MAX_EVENT_ID_LENGTH = 512;
    /** DynamoDB numbers: 38 significant digits, magnitudes from 1E-130 to below 1E+126. */
    private static final int MAX_PRECISION = 38;

    /** Strict reading: bounded nesting and sizes, no duplicate keys, nothing after the document. */
    static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(100)
                            .maxStringLength(MAX_BODY_BYTES)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Reads a JSON document strictly; throws when it is not one, or breaks a limit (see {@link #parse(byte[])}). */
    static JsonNode readStrict(byte[] bytes) throws IOException {
        JsonNode node = STRICT.readTree(bytes);
        return node == null ? MissingNode.getInstance() : node;
    }

    public Parsed parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            return new Parsed.Invalid(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        String text;
        try {
            // Strict: Jackson alone lets some ill-formed UTF-8 through, which DynamoDB's UTF-8 strings cannot hold.
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed.Invalid(400, "body is not valid UTF-8");
        }
        if (text.isBlank()) {
            return new Parsed.Invalid(400, "empty body");
        }
        JsonNode document;
        try {
            document = readStrict(body);
        } catch (StreamConstraintsException e) {
            return new Parsed.Invalid(400, "body nests or runs too deep or long");
        } catch (IOException e) {
            return new Parsed.Invalid(400, "body is not valid JSON");
        }
        return parse(document, body.length);
    }

    /** Validates a document already read strictly, {@code size} bytes long: a classic or a custom webhook's body. */
    Parsed parse(JsonNode document, int size) {
        if (!document.isObject()) {
            return new Parsed.Invalid(400, "body is not a JSON object");
        }
        if (document.has("eventId") || document.has("eventType")) {
            return classic(document, size);
        }
        if (document.has("id") || document.has("type")) {
            return custom(document, size);
        }
        return new Parsed.Invalid(400, "body is neither a classic webhook's (eventId, eventType, alert) "
                + "nor a custom webhook's (id, type, alert)");
    }

    /**
     * The classic webhook: {@code eventId}, {@code eventType}, and {@code alert} — or, in agent
     * notifications, {@code agentAlert} (the older shape has only that; the current one has both,
     * the same, with the agent's name at {@code alert.agentName}).
     */
    private Parsed classic(JsonNode document, int size) {
        JsonNode eventType = document.path("eventType");
        if (!eventType.isMissingNode() && !eventType.isNull() && !eventType.isTextual()) {
            return new Parsed.Invalid(400, "eventType must be a string");
        }
        String type = eventType.asText("");
        if (WEBHOOK_TEST.equals(type)) {
            return new Parsed.Test();
        }
        Optional<Parsed.Invalid> badId = nonBlank(document.path("eventId"), "eventId");
        if (badId.isPresent()) {
            return badId.get();
        }
        String field = "alert";
        JsonNode alert = document.path("alert");
        if (absent(alert) && !absent(document.path("agentAlert"))) {
            field = "agentAlert";
            alert = document.path("agentAlert");
        }
        if (absent(alert)) {
            return new Parsed.Invalid(400, "alert is missing");
        }
        if (!alert.isObject()) {
            return new Parsed.Invalid(400, field + " must be an object");
        }
        for (String name : List.of("type", "ruleExpression", "testName")) {
            JsonNode value = alert.path(name);
            if (!absent(value) && !value.isTextual()) {
                return new Parsed.Invalid(400, field + "." + name + " must be a string");
            }
        }
        JsonNode active = alert.path("active");
        if (!absent(active) && !active.isNumber() && !active.isBoolean()) {
            return new Parsed.Invalid(400, field + ".active must be a number or a boolean");
        }
        if (absent(active)) {
            // Agent notifications carry no "active": the event type says which it is.
            active = type.endsWith("_TRIGGER") ? IntNode.valueOf(1) : type.endsWith("_CLEAR") ? IntNode.valueOf(0) : active;
        }
        boolean agentAlert = type.startsWith("AGENT_ALERT_NOTIFICATION") || "agentAlert".equals(field)
                || !absent(document.path("agentAlert")) || "agent".equalsIgnoreCase(alert.path("type").asText(""));
        return alert(document, size, document.path("eventId").asText(), alertId(alert.path("alertId")), alert, field,
                active, text(alert, "ruleName"), text(alert, "testName"), agentAlert, false);
    }

    /**
     * The custom webhook (Integrations 2.0) as its Generic preset renders it: {@code id} the
     * notification, {@code type} ({@code {{type.id}}}) "2" trigger or "1" clear, {@code alert.id} the
     * alert, {@code alert.type}, {@code alert.test.name}, {@code alert.rule.name}, and per agent
     * {@code alert.details[]{metricsAtStart, source{name}}} (docs/thousandeyes-custom-webhook.json).
     */
    private Parsed custom(JsonNode document, int size) {
        Optional<Parsed.Invalid> badId = nonBlank(document.path("id"), "id");
        if (badId.isPresent()) {
            return badId.get();
        }
        JsonNode type = document.path("type");
        if (absent(type)) {
            return new Parsed.Invalid(400, "type is missing");
        }
        String state = type.isTextual() ? type.asText().trim() : type.isIntegralNumber() ? type.bigIntegerValue().toString() : "";
        if (!state.equals(CUSTOM_TRIGGER) && !state.equals(CUSTOM_CLEAR)) {
            return new Parsed.Invalid(400, "type must be \"2\" (trigger) or \"1\" (clear)");
        }
        JsonNode alert = document.path("alert");
        if (absent(alert)) {
            return new Parsed.Invalid(400, "alert is missing");
        }
        if (!alert.isObject()) {
            return new Parsed.Invalid(400, "alert must be an object");
        }
        JsonNode alertId = alert.path("id");
        if (!alertId.isTextual() || alertId.asText().isBlank()) {
            return new Parsed.Invalid(400, "alert.id must be a non-empty string");
        }
        for (String path : List.of("type", "test.name", "rule.name")) {
            JsonNode value = at(alert, path);
            if (!absent(value) && !value.isTextual()) {
                return new Parsed.Invalid(400, "alert." + path + " must be a string");
            }
        }
        JsonNode testName = at(alert, "test.name");
        JsonNode ruleName = at(alert, "rule.name");
        return alert(document, size, document.path("id").asText(), Optional.of(alertId.asText()), alert, "alert",
                IntNode.valueOf(state.equals(CUSTOM_TRIGGER) ? 1 : 0),
                ruleName.isTextual() ? Optional.of(ruleName.asText()) : Optional.empty(),
                testName.isTextual() ? Optional.of(testName.asText()) : Optional.empty(),
                "agent".equalsIgnoreCase(alert.path("type").asText("")), true);
    }

    /** The checks both families share: the agents, what DynamoDB can hold, the item's size. */
    private Parsed alert(JsonNode document, int size, String eventId, Optional<String> alertId, JsonNode alert, String field,
                         JsonNode active, Optional<String> ruleName, Optional<String> testName, boolean agentAlert,
                         boolean custom) {
        if (eventId.length() > MAX_EVENT_ID_LENGTH) {
            return new Parsed.Invalid(400, (document.has("eventId") ? "eventId" : "id") + " longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
        List<String> agentNames = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        JsonNode agents = alert.path("agents");
        if (!absent(agents)) {
            if (!agents.isArray()) {
                return new Parsed.Invalid(400, field + ".agents must be an array");
            }
            int i = 0;
            for (JsonNode agent : agents) {
                String where = field + ".agents[" + i++ + "]";
                if (!agent.isObject()) {
                    return new Parsed.Invalid(400, where + " must be an object");
                }
                JsonNode name = agent.path("agentName");
                JsonNode metric = agent.path("metricsAtStart");
                if (!absent(name) && !name.isTextual()) {
                    return new Parsed.Invalid(400, where + ".agentName must be a string");
                }
                if (!absent(metric) && !metric.isTextual()) {
                    return new Parsed.Invalid(400, where + ".metricsAtStart must be a string");
                }
                agentNames.add(name.isTextual() ? name.asText() : "");
                metrics.add(metric.isTextual() ? metric.asText() : "");
            }
        }
        JsonNode details = custom ? alert.path("details") : MissingNode.getInstance();
        if (!absent(details)) {
            // The custom webhook's {{#each alert.details}}: one per agent, its name at source.name.
            if (!details.isArray()) {
                return new Parsed.Invalid(400, "alert.details must be an array");
            }
            int i = 0;
            for (JsonNode detail : details) {
                String where = "alert.details[" + i++ + "]";
                if (!detail.isObject()) {
                    return new Parsed.Invalid(400, where + " must be an object");
                }
                JsonNode name = detail.path("source").path("name");
                JsonNode metric = detail.path("metricsAtStart");
                if (!absent(name) && !name.isTextual()) {
                    return new Parsed.Invalid(400, where + ".source.name must be a string");
                }
                if (!absent(metric) && !metric.isTextual()) {
                    return new Parsed.Invalid(400, where + ".metricsAtStart must be a string");
                }
                agentNames.add(name.isTextual() ? name.asText() : "");
                metrics.add(metric.isTextual() ? metric.asText() : "");
            }
        }
        if (agentNames.isEmpty() && alert.path("agentName").isTextual()) {
            agentNames.add(alert.path("agentName").asText());
            metrics.add("");
        }
        Optional<String> unstorable = unstorable(document, "body");
        if (unstorable.isPresent()) {
            return new Parsed.Invalid(400, unstorable.get());
        }
        long itemSize = size + 1024L;
        for (String text : agentNames) {
            itemSize += text.length() * 3L + 8;
        }
        for (String text : metrics) {
            itemSize += text.length() * 3L + 8;
        }
        if (itemSize > MAX_ITEM_BYTES) {
            return new Parsed.Invalid(413, "alert too large to store");
        }
        return new Parsed.Valid(new Alert(eventId, alertId, text(alert, "type"), absent(active) ? Optional.empty() : Optional.of(active),
                text(alert, "ruleExpression"), ruleName, testName, agentNames, metrics, agentAlert, (ObjectNode) document));
    }

    private static Optional<Parsed.Invalid> nonBlank(JsonNode id, String field) {
        if (!id.isTextual() || id.asText().isBlank()) {
            return Optional.of(new Parsed.Invalid(400, field + " must be a non-empty string"));
        }
        return Optional.empty();
    }

    /** The alert id as text: a UUID string as sent, a number in its plain decimal form; anything else none. */
    static Optional<String> alertId(JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            return Optional.of(value.asText());
        }
        if (value.isNumber() && storableNumber(value.decimalValue())) {
            return Optional.of(value.decimalValue().stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    private static JsonNode at(JsonNode node, String dotted) {
        JsonNode value = node;
        for (String part : dotted.split("\\.")) {
            value = value.path(part);
        }
        return value;
    }

    private static Optional<String> text(JsonNode alert, String field) {
        JsonNode value = alert.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** What DynamoDB would refuse in the {@code items} map: out-of-range numbers, empty keys. */
    public static Optional<String> unstorable(JsonNode node, String where) {
        if (node.isTextual()) {
            return unpairedSurrogate(node.textValue()) ? Optional.of(where + " holds an unpaired surrogate") : Optional.empty();
        }
        if (node.isNumber()) {
            return storableNumber(node.decimalValue()) ? Optional.empty() : Optional.of(where + " is a number DynamoDB cannot hold");
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().isEmpty()) {
                    return Optional.of(where + " has an empty key");
                }
                if (unpairedSurrogate(field.getKey())) {
                    return Optional.of(where + " has a key with an unpaired surrogate");
                }
                Optional<String> inner = unstorable(field.getValue(), where + "." + shortKey(field.getKey()));
                if (inner.isPresent()) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inner = unstorable(node.get(i), where + "[" + i + "]");
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** A {@code \\ud800}-style escape without its pair: no Unicode text, so DynamoDB's UTF-8 strings cannot hold it. */
    static boolean unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean storableNumber(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int magnitude = stripped.precision() - stripped.scale() - 1; // the exponent in d.ddd × 10^magnitude
        return stripped.precision() <= MAX_PRECISION && magnitude >= -130 && magnitude <= 125;
    }

    private static String shortKey(String key) {
        String safe = key.replaceAll("[^A-Za-z0-9_]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
