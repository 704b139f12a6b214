package com.webexqoe.common.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeValuesTest {

    @Test
    void numbersStayExactBothWays() throws Exception {
        JsonNode payload = Json.read("{\"loss\":0.1,\"avgLatency\":12.50,\"big\":12345678901234567890.000001,"
                + "\"count\":3,\"huge\":123456789012345678901234567890}");

        Map<String, AttributeValue> item = AttributeValues.fromJsonObject(payload);

        assertThat(item.get("loss").n()).isEqualTo("0.1");
        assertThat(item.get("avgLatency").n()).isEqualTo("12.50");
        assertThat(item.get("big").n()).isEqualTo("12345678901234567890.000001");
        assertThat(item.get("count").n()).isEqualTo("3");
        assertThat(item.get("huge").n()).isEqualTo("123456789012345678901234567890");
        JsonNode back = AttributeValues.toJson(item);
        assertThat(back.get("loss").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(back.get("big").decimalValue().toPlainString()).isEqualTo("12345678901234567890.000001");
        assertThat(back.get("count").isIntegralNumber()).isTrue();
        assertThat(back.get("huge").bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void nestedObjectsListsBooleansAndNullsRoundTrip() throws Exception {
        JsonNode payload = Json.read("{\"alert\":{\"active\":1,\"agents\":[{\"agentName\":\"Tokyo\",\"ok\":true,"
                + "\"metricsAtStart\":\"Response Time: 980 ms\",\"dateEnd\":null}]},\"text\":\"\"}");

        Map<String, AttributeValue> item = AttributeValues.fromJsonObject(payload);

        AttributeValue agent = item.get("alert").m().get("agents").l().get(0);
        assertThat(agent.m().get("ok").bool()).isTrue();
        assertThat(agent.m().get("dateEnd").nul()).isTrue();
        assertThat(item.get("text").s()).isEmpty();
        assertThat(AttributeValues.toJson(item)).isEqualTo(payload);
    }

    /** A per-agent network metric, as the polling collector will store it. */
    record Metric(String agentName, java.math.BigDecimal loss, java.math.BigDecimal avgLatency, int samples,
                  java.util.List<String> tags) {
    }

    @Test
    void recordsMapThroughTheSameRulesAndBack() {
        Metric metric = new Metric("Tokyo, Japan", new java.math.BigDecimal("0.10"), new java.math.BigDecimal("12.345"), 10,
                java.util.List.of("home", "wifi"));

        Map<String, AttributeValue> item = AttributeValues.fromRecord(metric);

        assertThat(item.get("agentName").s()).isEqualTo("Tokyo, Japan");
        assertThat(item.get("loss").n()).isEqualTo("0.10");
        assertThat(item.get("avgLatency").n()).isEqualTo("12.345");
        assertThat(item.get("samples").n()).isEqualTo("10");
        assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("home", "wifi");
        assertThat(AttributeValues.toRecord(item, Metric.class)).isEqualTo(metric);
    }

    @Test
    void readingIgnoresAttributesTheRecordDoesNotName() {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(AttributeValues.fromRecord(
                new Metric("Osaka, Japan", new java.math.BigDecimal("0"), new java.math.BigDecimal("3.5"), 4, java.util.List.of())));
        // Written by a newer collector: attributes this reader has never heard of.
        item.put("day", AttributeValues.s("2026-11-28"));
        item.put("expiresAt", AttributeValues.n(1_800_000_000L));

        Metric read = AttributeValues.toRecord(item, Metric.class);

        assertThat(read.agentName()).isEqualTo("Osaka, Japan");
        assertThat(read.avgLatency()).isEqualByComparingTo("3.5");
    }
}
