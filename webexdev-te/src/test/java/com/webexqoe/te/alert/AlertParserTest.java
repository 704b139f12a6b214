package com.webexqoe.te.alert;

import com.webexqoe.te.Fixtures;
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
    void bytesThatAreNotUtf8AndUnpairedSurrogatesAreRefusedNotStoredAltered() {
        // Found by WebhookCorpusTest: Jackson reads a UTF-8-encoded surrogate (ED A0 80) and code
        // points past U+10FFFF leniently, and accepts "\ud800" escapes; DynamoDB strings are UTF-8,
        // so such text would be stored altered (or refused by DynamoDB as a 5xx). Refuse it as 400.
        byte[] cesu = {'{', '"', 'e', 'v', 'e', 'n', 't', 'I', 'd', '"', ':', '"', 'a', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"',
                ',', '"', 'a', 'l', 'e', 'r', 't', '"', ':', '{', '}', '}'};
        byte[] beyondUnicode = {'{', '"', 'e', 'v', 'e', 'n', 't', 'I', 'd', '"', ':', '"', 'a', (byte) 0xf4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80, '"', ',', '"', 'a', 'l', 'e', 'r', 't', '"', ':', '{', '}', '}'};
        assertThat(parser.parse(cesu)).isEqualTo(new AlertParser.Parsed.Invalid(400, "body is not valid UTF-8"));
        assertThat(parser.parse(beyondUnicode)).isEqualTo(new AlertParser.Parsed.Invalid(400, "body is not valid UTF-8"));
        assertThat(parse("{\"eventId\":\"a\",\"alert\":{\"testName\":\"x\\ud800\"}}"))
                .isEqualTo(new AlertParser.Parsed.Invalid(400, "body.alert.testName holds an unpaired surrogate"));
        assertThat(parse("{\"eventId\":\"a\\udfff\",\"alert\":{}}"))
                .isEqualTo(new AlertParser.Parsed.Invalid(400, "body.eventId holds an unpaired surrogate"));
        // (Jackson itself refuses an unpaired surrogate in a key)
        assertThat(parse("{\"eventId\":\"a\",\"alert\":{\"k\\ud83d\":1}}")).isInstanceOf(AlertParser.Parsed.Invalid.class)
                .extracting(parsed -> ((AlertParser.Parsed.Invalid) parsed).status()).isEqualTo(400);
        assertThat(AlertParser.unpairedSurrogate("k\ud83d")).isTrue();
        assertThat(AlertParser.unpairedSurrogate("\ud83d\ude00 ok")).isFalse();
        // a real pair (an emoji, escaped or not) is fine
        assertThat(parse("{\"eventId\":\"a\\ud83d\\ude00\ud83d\ude00\",\"alert\":{}}")).isInstanceOf(AlertParser.Parsed.Valid.class);
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

    @Test
    void alertIdsAreTextWhateverTheySentAndNoneForOtherTypes() {
        assertThat(AlertParser.alertId(com.fasterxml.jackson.databind.node.TextNode.valueOf("5abda706-c065-40fa-aa8c-059c3ac1ea9d")))
                .contains("5abda706-c065-40fa-aa8c-059c3ac1ea9d");
        assertThat(AlertParser.alertId(com.fasterxml.jackson.databind.node.LongNode.valueOf(562949955000593L))).contains("562949955000593");
        assertThat(AlertParser.alertId(com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new java.math.BigDecimal("7.60E+3"))))
                .contains("7600");
        assertThat(AlertParser.alertId(com.fasterxml.jackson.databind.node.BooleanNode.TRUE)).isEmpty();
        assertThat(AlertParser.alertId(com.fasterxml.jackson.databind.node.TextNode.valueOf(" "))).isEmpty();
    }

    @Test
    void anAgentNotificationWithoutActiveTakesItFromTheEventType() {
        Alert older = ((AlertParser.Parsed.Valid) parser.parse(Fixtures.bytes("alerts/agent-alert-clear-legacy.json"))).alert();
        Alert current = ((AlertParser.Parsed.Valid) parser.parse(Fixtures.bytes("alerts/agent-alert-trigger-2025.json"))).alert();

        assertThat(older.active().orElseThrow().intValue()).isEqualTo(0);
        assertThat(current.active().orElseThrow().intValue()).isEqualTo(1);
        assertThat(older.agentAlert()).isTrue();
        assertThat(current.agentAlert()).isTrue();
        assertThat(current.agentNames()).containsExactly("home-raspberrypi");
        assertThat(parse("{\"eventId\":\"x\",\"eventType\":\"AGENT_ALERT_NOTIFICATION_TRIGGER\",\"agentAlert\":\"Tokyo\"}"))
                .isEqualTo(new AlertParser.Parsed.Invalid(400, "agentAlert must be an object"));
    }
}
