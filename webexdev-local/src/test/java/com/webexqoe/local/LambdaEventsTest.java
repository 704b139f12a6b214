package com.webexqoe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.LambdaEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events run-local hands the functions: the schedule's is EventBridge's, and a hand run of
 * mtgquality is not a scheduled event (that one only keeps the Webex token alive).
 */
class LambdaEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void aHandRunOfMtgqualityIsNoScheduledEventSoItCollects() throws Exception {
        JsonNode event = Json.read(com.webexqoe.local.LambdaEvents.handRun(LocalFunction.MTGQUALITY, NOW));

        assertThat(LambdaEvents.isScheduled(event)).isFalse();
        assertThat(event.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = LocalFunction.class, names = "MTGQUALITY", mode = EnumSource.Mode.EXCLUDE)
    void aHandRunOfAnyOtherFunctionIsItsScheduledEvent(LocalFunction function) throws Exception {
        JsonNode event = Json.read(com.webexqoe.local.LambdaEvents.handRun(function, NOW));

        assertThat(LambdaEvents.isScheduled(event)).isTrue();
        assertThat(event.get("resources").get(0).asText()).endsWith(":rule/" + function.functionName() + "-schedule");
    }

    @Test
    void theMtgqualityScheduleSendsTheScheduledEventItsHandlerTreatsAsTheKeepAlive() throws Exception {
        JsonNode event = Json.read(com.webexqoe.local.LambdaEvents.scheduled(LocalFunction.MTGQUALITY.functionName(), NOW));

        assertThat(LambdaEvents.isScheduled(event)).isTrue();
        assertThat(LocalFunction.MTGQUALITY.schedule()).contains(java.time.Duration.ofDays(7));
    }
}
