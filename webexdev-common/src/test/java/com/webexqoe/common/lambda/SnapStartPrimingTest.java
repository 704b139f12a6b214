package com.webexqoe.common.lambda;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    @Test
    void aFailingStepIsLoggedWithoutItsMessageAndTheOthersStillRun() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> ran = new ArrayList<>();
        SnapStartPriming priming = new SnapStartPriming("webexdev-test", List.of(
                new SnapStartPriming.Step("first", () -> ran.add("first")),
                new SnapStartPriming.Step("broken", () -> {
                    throw new IllegalStateException("token=s3cr3t");
                }),
                new SnapStartPriming.Step("last", () -> ran.add("last"))),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        priming.beforeCheckpoint(null);

        assertThat(ran).containsExactly("first", "last");
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\"event\":\"priming step failed\"", "\"step\":\"broken\"", "\"error\":\"IllegalStateException\"",
                "\"event\":\"primed for snapshot\"", "\"failed\":\"broken\"");
        assertThat(text).doesNotContain("s3cr3t");
        assertThat(priming.prime()).containsExactly("broken");
    }
}
