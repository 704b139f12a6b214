package com.webexqoe.mtgquality;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which host a 403/451 body names, and where the token may go ("Historical Analytics APIs", developer.webex.com). */
class AnalyticsHostsTest {

    private static final URI US = URI.create("https://analytics.webexapis.com/v1");
    private final AnalyticsHosts hosts = AnalyticsHosts.of(US, List.of());

    private static byte[] body(String message) {
        return ("{\"message\":\"" + message + "\",\"errorCode\":451,\"trackingId\":\"ROUTER_1\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theRegionNamedWithOrWithoutSchemeIsFound() {
        assertThat(hosts.namedIn(body("This server cannot serve the data for this organization. Please use "
                + "https://analytics-eu.webexapis.com"), US)).contains(URI.create("https://analytics-eu.webexapis.com:443"));
        assertThat(hosts.namedIn(body("Please use analytics-ca.webexapis.com/v1"), US))
                .contains(URI.create("https://analytics-ca.webexapis.com:443"));
    }

    @Test
    void theRefusingHostItselfALookAlikeAndAnUnlistedHostAreNotFollowed() {
        assertThat(hosts.namedIn(body("Please use https://analytics.webexapis.com"), US)).isEmpty();
        assertThat(hosts.namedIn(body("Please use https://analytics-eu.webexapis.com.attacker.example"), US)).isEmpty();
        assertThat(hosts.namedIn(body("Please use https://xanalytics-eu.webexapis.com"), US)).isEmpty();
        assertThat(hosts.namedIn(body("Please use https://analytics-eu.webexapis.com:8443"), US)).isEmpty();
        assertThat(hosts.namedIn(body("Please use https://analytics-ap.webexapis.com"), US)).isEmpty();
        assertThat(hosts.namedIn(body("This server cannot serve the data for this organization."), US)).isEmpty();
    }

    @Test
    void onlyListedHostsAreAllowedAndAMovedUrlKeepsItsPathAndQuery() {
        assertThat(hosts.allows(URI.create("https://analytics-eu.webexapis.com/v1/meeting/qualities?meetingId=m&max=1000&offset=2"))).isTrue();
        assertThat(hosts.allows(URI.create("http://analytics-eu.webexapis.com/v1/meeting/qualities"))).isFalse();
        assertThat(hosts.allows(URI.create("https://webexapis.com/v1/meeting/qualities"))).isFalse();
        assertThat(AnalyticsHosts.onHost(URI.create("https://analytics.webexapis.com/v1/meeting/qualities?meetingId=a%2Fb&max=1000"),
                URI.create("https://analytics-eu.webexapis.com")))
                .isEqualTo(URI.create("https://analytics-eu.webexapis.com/v1/meeting/qualities?meetingId=a%2Fb&max=1000"));
    }

    @Test
    void aStandInAddedByATestIsNamedByHostAndPort() {
        AnalyticsHosts withStandIn = AnalyticsHosts.of(URI.create("http://localhost:8081/v1"), List.of(URI.create("http://localhost:9099")));

        assertThat(withStandIn.namedIn(body("Please use http://localhost:9099"), URI.create("http://localhost:8081/v1/meeting/qualities")))
                .contains(URI.create("http://localhost:9099"));
        assertThat(withStandIn.namedIn(body("Please use http://localhost:9098"), URI.create("http://localhost:8081/v1/meeting/qualities")))
                .isEmpty();
    }
}
