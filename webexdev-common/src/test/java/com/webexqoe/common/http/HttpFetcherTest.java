package com.webexqoe.common.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.testkit.MutableClock;
import com.webexqoe.standins.StandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFetcherTest {

    @RegisterExtension
    static final WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Another origin, for redirects that must not carry credentials. */
    @RegisterExtension
    static final WireMockExtension other = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final List<Duration> waits = new ArrayList<>();
    private final HttpSettings settings = new HttpSettings(
            // Timeouts with room for a loaded build machine: a WireMock answer can take a few hundred ms there.
            Duration.ofMillis(1000), Duration.ofMillis(1500), 4, Duration.ofMillis(100), Duration.ofSeconds(30));
    /** Waits are recorded and move the clock on, so deadlines behave as in real time without sleeping. */
    private final MutableClock clock = new MutableClock(NOW);
    private final HttpFetcher fetcher = new HttpFetcher(settings, wait -> {
        waits.add(wait);
        clock.advance(wait);
    }, clock);

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
    void retryAfterThatCannotFitBeforeTheDeadlineFailsAtOnce() {
        failThenSucceed("/later", 1, 429, "120");

        assertThatThrownBy(() -> fetcher.send(getRequest("/later"), "Webex meeting qualities",
                Deadline.after(Duration.ofSeconds(14), clock)))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
                })
                .hasMessage("Webex meeting qualities: HTTP 429, and retrying after 120000 ms would pass the invocation's deadline");
        assertThat(waits).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/later")));
    }

    @Test
    void oneDeadlineBoundsTheWholeCallWithItsRetries() {
        // The case that took 34 s before: every answer a 503 asking for 5 s. With 10 s left, one
        // wait fits (5 s + an attempt), the second does not.
        server.stubFor(get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "5")));
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), clock);

        assertThatThrownBy(() -> fetcher.send(getRequest("/busy"), "ThousandEyes network", deadline))
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("would pass the invocation's deadline");

        assertThat(waits).containsExactly(Duration.ofSeconds(5));
        server.verify(2, getRequestedFor(urlEqualTo("/busy")));
        assertThat(Duration.between(NOW, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aCallStartedWithTooLittleTimeLeftIsNotMade() {
        server.stubFor(get(urlEqualTo("/feed")).willReturn(aResponse().withStatus(200).withBody("ok")));

        assertThatThrownBy(() -> fetcher.send(getRequest("/feed"), "status feed", Deadline.after(Duration.ofMillis(300), clock)))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("status feed: no time left before the invocation's deadline");
        server.verify(0, getRequestedFor(urlEqualTo("/feed")));
    }

    @Test
    void honoursThousandEyesOrganizationRateLimitReset() {
        String path = "/v7/test-results/1/network";
        server.stubFor(get(urlEqualTo(path)).inScenario("te").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)
                        .withHeader("X-Organization-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 7)))
                .willSetStateTo("reset"));
        server.stubFor(get(urlEqualTo(path)).inScenario("te").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        fetcher.send(getRequest(path), "ThousandEyes network", Deadline.after(Duration.ofSeconds(12), clock));

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursXRateLimitReset() {
        String path = "/2/tweets/search/recent";
        server.stubFor(get(urlEqualTo(path)).inScenario("x").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-rate-limit-reset", Long.toString(NOW.getEpochSecond() + 3)))
                .willSetStateTo("reset"));
        server.stubFor(get(urlEqualTo(path)).inScenario("x").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        fetcher.send(getRequest(path), "X search");

        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aPostIsSentOnceByDefaultEvenWhenTheAnswerIsRetryable() {
        server.stubFor(post(urlEqualTo("/access_token")).willReturn(aResponse().withStatus(502)));
        HttpRequest.Builder refresh = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=rt-secret"));

        assertThatThrownBy(() -> fetcher.send(refresh, "Webex OAuth"))
                .isInstanceOf(HttpStatusException.class)
                .hasMessage("Webex OAuth: HTTP 502");
        server.verify(1, postRequestedFor(urlEqualTo("/access_token")));
        assertThat(waits).isEmpty();
    }

    @Test
    void aPostIsRetriedWhenItsCallerOptsIn() {
        server.stubFor(post(urlEqualTo("/batch")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> fetcher.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/batch"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")), "batch", Deadline.after(Duration.ofSeconds(12), clock),
                HttpFetcher.Retries.ALSO_NON_IDEMPOTENT))
                .hasMessage("batch: HTTP 502 after 4 attempts");
        server.verify(4, postRequestedFor(urlEqualTo("/batch")));
    }

    @Test
    void credentialsNeverFollowARedirectToAnotherOrigin() {
        other.stubFor(get(urlEqualTo("/collect")).willReturn(aResponse().withStatus(200).withBody("stolen")));
        server.stubFor(get(urlEqualTo("/v7/tests")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.baseUrl() + "/collect")));

        assertThatThrownBy(() -> fetcher.send(getRequest("/v7/tests").header("Authorization", "Bearer te-token-123"),
                "ThousandEyes tests"))
                .isInstanceOf(WebexdevException.class)
                .hasMessageStartingWith("ThousandEyes tests: redirected to another origin (http://localhost:" + other.getPort() + ")")
                .hasMessageNotContaining("te-token-123");
        other.verify(0, getRequestedFor(urlEqualTo("/collect")));
    }

    @Test
    void aSameOriginRedirectIsFollowedWithItsHeaders() {
        server.stubFor(get(urlEqualTo("/old")).willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
        server.stubFor(get(urlEqualTo("/new")).willReturn(aResponse().withStatus(200).withBody("moved")));

        HttpResult result = fetcher.send(getRequest("/old").header("Authorization", "Bearer t"), "feed");

        assertThat(result.text()).isEqualTo("moved");
        server.verify(1, getRequestedFor(urlEqualTo("/new")).withHeader("Authorization", equalTo("Bearer t")));
    }

    @Test
    void errorMessagesNameAWhitelistedCodeButNeverTheBodyOrTheQuery() {
        server.stubFor(post(urlPathEqualTo("/access_token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token rt-9f8e7d expired\"}")));
        server.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(403)
                .withBody("<html>token ab12-secret refused</html>")));

        assertThatThrownBy(() -> fetcher.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/access_token"))
                .POST(HttpRequest.BodyPublishers.ofString("refresh_token=rt-9f8e7d")), "Webex OAuth"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.errorCode()).contains("invalid_grant"))
                .hasMessage("Webex OAuth: HTTP 400 (invalid_grant)");
        assertThatThrownBy(() -> fetcher.send(getRequest("/search?access_token=ab12-secret"), "X search"))
                .hasMessage("X search: HTTP 403")
                .hasMessageNotContaining("ab12-secret");
    }

    @Test
    void aRefusalKeepsItsBodyForTheCallerButNeverInTheMessage() {
        String body = "{\"message\":\"This server cannot serve the data for this organization. Please use "
                + "https://analytics-eu.webexapis.com\",\"errorCode\":451,\"trackingId\":\"ROUTER_7A3F\"}";
        server.stubFor(get(urlPathEqualTo("/v1/meeting/qualities")).willReturn(aResponse().withStatus(451)
                .withHeader("Content-Type", "application/json").withBody(body)));

        assertThatThrownBy(() -> fetcher.send(getRequest("/v1/meeting/qualities?meetingId=m1"), "Webex meeting qualities"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(451);
                    assertThat(new String(e.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
                    assertThat(e.errorCode()).isEmpty(); // a number, not a code to quote
                })
                .hasMessage("Webex meeting qualities: HTTP 451");
    }

    @Test
    void aCallersOwnTimeoutIsKept() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

        assertThatThrownBy(() -> fetcher.send(getRequest("/slow").timeout(Duration.ofMillis(150)), "status feed"))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("status feed: no response within 150 ms");
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        server.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404).withBody("{\"message\":\"not found\"}")));

        assertThatThrownBy(() -> fetcher.send(getRequest("/missing"), "status feed"))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessage("status feed: HTTP 404");
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
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));

        assertThatThrownBy(() -> fetcher.send(getRequest("/slow"), "status feed"))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("status feed: no response within 1500 ms");
        server.verify(1, getRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void refusedConnectionIsRetriedThenReported() {
        URI closed = URI.create("http://127.0.0.1:" + StandIns.freePort() + "/feed");

        assertThatThrownBy(() -> fetcher.send(HttpRequest.newBuilder(closed).GET(), "status feed"))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("status feed: could not connect (ConnectException) after 4 attempts");
        assertThat(waits).hasSize(3);
    }
}
