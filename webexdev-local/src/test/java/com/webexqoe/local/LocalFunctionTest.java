package com.webexqoe.local;

import com.webexqoe.standins.StandIns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./run-local runs each function as AWS does: the handler, schedule and timeout here are those of
 * the function's resource in template.yaml (a run-local timeout shorter than the template's killed
 * te and mtgquality runs that Lambda would let finish).
 */
class LocalFunctionTest {

    @ParameterizedTest
    @EnumSource(LocalFunction.class)
    void handlerScheduleAndTimeoutAreTheTemplates(LocalFunction function) throws IOException {
        String template = Files.readString(StandIns.repositoryRoot().resolve("template.yaml"));
        String resource = resourceOf(template, function.functionName());

        assertThat(field(resource, "Handler")).as("handler").contains(function.handler());
        assertThat(field(resource, "Timeout").map(Long::parseLong).map(Duration::ofSeconds))
                .as("timeout").contains(function.timeout());
        assertThat(field(resource, "Schedule").map(LocalFunctionTest::rate)).as("schedule")
                .isEqualTo(function.schedule());
    }

    /** The text of the function resource whose FunctionName ends in the function's name, up to the next resource. */
    private static String resourceOf(String template, String functionName) {
        String suffix = functionName.substring("webexdev".length());
        Matcher start = Pattern.compile("(?m)^      FunctionName: !Sub \\$\\{NamePrefix}" + Pattern.quote(suffix) + "$")
                .matcher(template);
        assertThat(start.find()).as("a function resource named " + functionName).isTrue();
        Matcher next = Pattern.compile("(?m)^  [A-Za-z]+:$").matcher(template);
        int end = next.find(start.end()) ? next.start() : template.length();
        return template.substring(start.start(), end);
    }

    private static Optional<String> field(String resource, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + name + ": (.+)$").matcher(resource);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    private static Duration rate(String expression) {
        Matcher m = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)").matcher(expression);
        assertThat(m.matches()).as(expression).isTrue();
        long n = Long.parseLong(m.group(1));
        if (m.group(2).startsWith("day")) {
            return Duration.ofDays(n);
        }
        return m.group(2).startsWith("hour") ? Duration.ofHours(n) : Duration.ofMinutes(n);
    }
}
