package com.webexqoe.te;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AlertParserTest {

    private final AlertParser parser = new AlertParser();

    private AlertParser.Parsed parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void strictReadingRefusesTrailingTextDuplicateKeysAndDeepNesting() {
        assertThat(parse("{\"eventId\":\"a\",\"alert\":{}} trailing"))
                .isEqualTo(new AlertParser.Parsed.Invalid(400, "body is not valid JSON"));
        assertThat(parse("{\"eventId\":\"a\",\"eventId\":\"b\",\"alert\":{}}"))
                .isEqualTo(new AlertParser.Parsed.Invalid(400, "body is not valid JSON"));
        assertThat(parse("{\"eventId\":\"a\",\"alert\":{\"x\":" + "[".repeat(30) + "]".repeat(30) + "}}"))
                .isEqualTo(new AlertParser.Parsed.Invalid(400, "body nests or runs too deep or long"));
    }

    @Test
    void aClassicTriggerIsValidAndKeepsItsFields() {
        AlertParser.Parsed parsed = parser.parse(Fixtures.bytes("alerts/alert-trigger-http-server-response-time.json"));

        Alert alert = ((AlertParser.Parsed.Valid) parsed).alert();
        assertThat(alert.eventId()).isEqualTo("205647251-76947300");
        assertThat(alert.type()).contains("HTTP Server");
        assertThat(alert.active().orElseThrow().intValue()).isEqualTo(1);
        assertThat(alert.ruleExpression()).contains("Response Time ≥ 900 ms");
        assertThat(alert.metrics()).containsExactly("Response Time: 980 ms", "Response Time: 1,204 ms");
    }

    @Test
    void webhookTestNeedsNoEventIdOrAlert() {
        assertThat(parse("{\"eventType\":\"WEBHOOK_TEST\"}")).isInstanceOf(AlertParser.Parsed.Test.class);
    }

    @Test
    void theSizeLimitIsExact() {
        String head = "{\"eventId\":\"a\",\"alert\":{\"pad\":\"";
        String tail = "\"}}";
        String atLimit = head + "x".repeat(AlertParser.MAX_BODY_BYTES - head.length() - tail.length()) + tail;

        assertThat(parse(atLimit)).isInstanceOf(AlertParser.Parsed.Valid.class);
        assertThat(parse(atLimit + " ")).isEqualTo(new AlertParser.Parsed.Invalid(413, "body larger than 262144 bytes"));
    }
}
