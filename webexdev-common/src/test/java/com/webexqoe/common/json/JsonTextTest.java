package com.webexqoe.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    @Test
    void writesFlatObjectsThatAStrictParserReadsBack() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", "quote \" backslash \\ newline \n tab \t bell \u0007 sep \u2028 東京");
        fields.put("stored", 12);
        fields.put("durationMs", 345L);
        fields.put("ratio", 0.25);
        fields.put("nan", Double.NaN);
        fields.put("exact", new BigDecimal("12345678901234567890.000001"));
        fields.put("ok", true);
        fields.put("missing", null);

        String text = JsonText.object(fields);
        JsonNode node = Json.read(text);

        assertThat(text).doesNotContain("\n");
        assertThat(node.get("message").asText()).isEqualTo(fields.get("message"));
        assertThat(node.get("stored").asInt()).isEqualTo(12);
        assertThat(node.get("durationMs").asLong()).isEqualTo(345L);
        assertThat(node.get("ratio").asDouble()).isEqualTo(0.25);
        assertThat(node.get("nan").isNull()).isTrue();
        assertThat(node.get("exact").decimalValue().toPlainString()).isEqualTo("12345678901234567890.000001");
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(node.get("missing").isNull()).isTrue();
        assertThat(node.fieldNames()).toIterable().containsExactly(
                "message", "stored", "durationMs", "ratio", "nan", "exact", "ok", "missing");
    }
}
