package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.te.Fixtures;
import com.webexqoe.te.TeException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestResultsReaderTest {

    private final TestResultsReader reader = new TestResultsReader();

    @Test
    void v7NetworkResultsBecomeFlatPerAgentMetricsWithExactNumbers() {
        List<ObjectNode> metrics = reader.metrics(Fixtures.te("network-v7-two-agents.json"));

        assertThat(metrics).extracting(Json::write).containsExactly(
                "{\"agentName\":\"Tokyo, Japan\",\"date\":\"2026-11-27T09:10:00Z\",\"loss\":0.0,\"avgLatency\":21.04,"
                        + "\"minLatency\":20,\"maxLatency\":23.5,\"jitter\":0.076808}",
                "{\"agentName\":\"Osaka, Japan\",\"date\":\"2026-11-27T09:10:02Z\",\"loss\":1.5,\"avgLatency\":9.1,"
                        + "\"minLatency\":8,\"maxLatency\":14,\"jitter\":1.000000000000000001}");
    }

    @Test
    void v6MetricsGiveTheSameValuesWithTheV6DateAsSent() {
        List<ObjectNode> v6 = reader.metrics(Fixtures.te("metrics-v6-two-agents.json"));
        List<ObjectNode> v7 = reader.metrics(Fixtures.te("network-v7-two-agents.json"));

        assertThat(v6.get(0).get("date").asText()).isEqualTo("2026-11-27 09:10:00");
        v6.forEach(m -> m.remove("date"));
        v7.forEach(m -> m.remove("date"));
        assertThat(v6).isEqualTo(v7);
    }

    @Test
    void httpServerResultsKeepTheTimingsTheApiSentAndLeaveOutTheRest() {
        List<ObjectNode> v7 = reader.responses(Fixtures.te("http-server-v7-two-agents.json"));
        List<ObjectNode> v6 = reader.responses(Fixtures.te("http-server-v6-two-agents.json"));

        assertThat(Json.write(v7.get(1))).isEqualTo("{\"agentName\":\"Tokyo, Japan (KDDI)\",\"date\":\"2026-11-27T09:10:03Z\","
                + "\"responseTime\":995,\"responseCode\":502,\"dnsTime\":10,\"connectTime\":3,\"waitTime\":980,"
                + "\"serverIp\":\"198.51.100.20\"}");
        assertThat(v6.get(0).get("totalTime").intValue()).isEqualTo(55);
        assertThat(v6.get(0).get("throughput").decimalValue()).isEqualByComparingTo("9993000.5");
        assertThat(v6.get(1).get("errorType").asText()).isEqualTo("HTTP");
        assertThat(v7.get(0).has("_links")).isFalse();
    }

    @Test
    void answersOfAnotherShapeAreRefused() throws Exception {
        assertThatThrownBy(() -> reader.metrics(Json.read("{\"web\":{\"httpServer\":[]}}")))
                .isInstanceOf(TeException.class).hasMessageContaining("neither net.metrics (v6) nor results (v7)");
        assertThatThrownBy(() -> reader.responses(Json.read("{\"results\":[1]}")))
                .isInstanceOf(TeException.class).hasMessageContaining("results[0] is not an object");
    }
}
