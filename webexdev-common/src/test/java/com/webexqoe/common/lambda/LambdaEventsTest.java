package com.webexqoe.common.lambda;

import com.webexqoe.common.WebexdevException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaEventsTest {

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recognisesAScheduledEvent() {
        assertThat(LambdaEvents.isScheduled(LambdaEvents.read(bytes("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}"))))
                .isTrue();
        assertThat(LambdaEvents.isScheduled(LambdaEvents.read(bytes("{\"httpMethod\":\"POST\",\"resource\":\"/tecloudagent\"}"))))
                .isFalse();
    }

    @Test
    void anEmptyInvocationIsAnEmptyObject() {
        assertThat(LambdaEvents.read(bytes("")).isObject()).isTrue();
        assertThat(LambdaEvents.read(bytes("")).size()).isZero();
    }

    @Test
    void malformedEventIsAClearError() {
        assertThatThrownBy(() -> LambdaEvents.read(bytes("{\"source\": ")))
                .isInstanceOf(WebexdevException.class)
                .hasMessageStartingWith("the invocation event is not valid JSON");
    }
}
