package com.webexqoe.common.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.testkit.StandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFetcherTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final List<Duration> waits = new ArrayList<>();
    private final HttpSettings settings = new HttpSettings(
            Duration.ofMillis(500), Duration.ofMillis(400), 4, Duration.ofMillis(100), Duration.ofSeconds(5));
    private final HttpFetcher fetcher = new HttpFetcher(settings, waits::add, Clock.fixed(NOW, ZoneOffset.UTC));

    private HttpRequest.Builder getRequest(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
    }

    private void failThenSucceed(String path, int failures, int failureStatus, String retryAfter) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= failures; i++) {
            var response = aResponse().withStatus(failureStatus);
            if (retryAfter != null) {
                response = response.withHeader("Retry-After", retryAfter);
            }
            server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                    .willReturn(response).willSetStateTo("failed-" + i));
            state = "failed-" + i;
        }
        server.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Test
    void retries5xxWithDoublingBackoffUntilSuccess() {
        failThenSucceed("/feed", 3, 503, null);

        HttpResult result = fetcher.send(getRequest("/feed"), "status feed");

        assertThat(result.text()).isEqualTo("ok");
        server.verify(4, getRequestedFor(urlEqualTo("/feed")));
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void honoursRetryAfterSecondsOn429() {
        failThenSucceed("/limited", 1, 429, "2");

        assertThat(fetcher.send(getRequest("/limited"), "ThousandEyes").text()).isEqualTo("ok");

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        failThenSucceed("/dated", 1, 503, "Fri, 27 Nov 2026 12:00:03 GMT");

        fetcher.send(getRequest("/dated"), "status feed");

        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterLongerThanTheFunctionCanWaitFailsAtOnce() {
        failThenSucceed("/later", 1, 429, "120");

        assertThatThrownBy(() -> fetcher.send(getRequest("/later"), "Webex meeting qualities"))
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("Webex meeting qualities: HTTP 429 asks to retry after 120 s");
        assertThat(waits).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/later")));
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        server.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("{\"message\":\"not found\"}")));

        assertThatThrownBy(() -> fetcher.send(getRequest("/missing"), "status feed"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("status feed: HTTP 404: {\"message\":\"not found\"}");
        server.verify(1, getRequestedFor(urlEqualTo("/missing")));
    }

    @Test
    void persistent5xxGivesUpAfterMaxAttempts() {
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> fetcher.send(getRequest("/down"), "status feed"))
                .isInstanceOf(HttpStatusException.class)
                .hasMessage("status feed: HTTP 500 after 4 attempts");
        server.verify(4, getRequestedFor(urlEqualTo("/down")));
    }

    @Test
    void slowResponseTimesOutWithoutRetry() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

        assertThatThrownBy(() -> fetcher.send(getRequest("/slow"), "status feed"))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("status feed: no response within 400 ms");
        server.verify(1, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void refusedConnectionIsRetriedThenReported() {
        URI closed = URI.create("http://127.0.0.1:" + StandIns.freePort() + "/feed");

        assertThatThrownBy(() -> fetcher.send(HttpRequest.newBuilder(closed).GET(), "status feed"))
                .isInstanceOf(WebexdevException.class)
                .hasMessageStartingWith("status feed: request failed after 4 attempts");
        assertThat(waits).hasSize(3);
    }
}
