package com.webexqoe.common.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping between JSON trees and DynamoDB attribute values. Numbers travel as their
 * decimal text in both directions ({@link BigDecimal}, never {@code double}), so what an API
 * sent is what the table holds.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** Looked up on use, not at class load: writers that only use s()/n() never start Jackson databind. */
    private static JsonNodeFactory nodes() {
        return Json.MAPPER.getNodeFactory();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    public static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    public static AttributeValue n(BigDecimal value) {
        return AttributeValue.builder().n(value.toPlainString()).build();
    }

    /** JSON to attribute value: object → M, array → L, number → N, text → S, boolean → BOOL, null → NUL. */
    public static AttributeValue fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.builder().nul(true).build();
        }
        if (node.isObject()) {
            return AttributeValue.builder().m(fromJsonObject(node)).build();
        }
        if (node.isArray()) {
            List<AttributeValue> list = new java.util.ArrayList<>(node.size());
            node.forEach(element -> list.add(fromJson(element)));
            return AttributeValue.builder().l(list).build();
        }
        if (node.isNumber()) {
            return n(node.decimalValue());
        }
        if (node.isBoolean()) {
            return AttributeValue.builder().bool(node.booleanValue()).build();
        }
        return s(node.asText());
    }

    /** A JSON object's fields as an item's attributes. */
    public static Map<String, AttributeValue> fromJsonObject(JsonNode object) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), fromJson(field.getValue())));
        return map;
    }

    /** A record (or any Jackson-mappable object) as an item's attributes, through its JSON tree. */
    public static Map<String, AttributeValue> fromRecord(Object value) {
        JsonNode tree = Json.MAPPER.valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("an item must map to a JSON object, not " + tree.getNodeType());
        }
        return fromJsonObject(tree);
    }

    /**
     * An item read back as a record. Attributes the record does not name are ignored: items are
     * written by other functions, which may add attributes the reader does not know yet.
     */
    public static <T> T toRecord(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.MAPPER.readerFor(type)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .treeToValue(toJson(item), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("item does not match " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Attribute value to JSON; numbers come back as exact integers or decimals. */
    public static JsonNode toJson(AttributeValue value) {
        if (value == null) {
            return nodes().nullNode();
        }
        return switch (value.type()) {
            case S -> nodes().textNode(value.s());
            case N -> number(value.n());
            case BOOL -> nodes().booleanNode(value.bool());
            case NUL -> nodes().nullNode();
            case M -> toJson(value.m());
            case L -> {
                ArrayNode array = nodes().arrayNode();
                value.l().forEach(element -> array.add(toJson(element)));
                yield array;
            }
            case SS -> {
                ArrayNode array = nodes().arrayNode();
                value.ss().forEach(array::add);
                yield array;
            }
            case NS -> {
                ArrayNode array = nodes().arrayNode();
                value.ns().forEach(n -> array.add(number(n)));
                yield array;
            }
            default -> throw new IllegalArgumentException("binary attributes are not used by this project: " + value.type());
        };
    }

    /** An item as a JSON object. */
    public static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode object = nodes().objectNode();
        item.forEach((name, value) -> object.set(name, toJson(value)));
        return object;
    }

    private static JsonNode number(String text) {
        BigDecimal decimal = new BigDecimal(text);
        if (decimal.scale() <= 0) {
            BigInteger integer = decimal.toBigIntegerExact();
            // The node types Jackson itself picks when reading JSON, so trees compare equal.
            if (integer.bitLength() < 32) {
                return nodes().numberNode(integer.intValue());
            }
            return integer.bitLength() < 64 ? nodes().numberNode(integer.longValue()) : nodes().numberNode(integer);
        }
        return nodes().numberNode(decimal);
    }
}
