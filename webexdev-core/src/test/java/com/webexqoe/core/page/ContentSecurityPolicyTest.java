package com.webexqoe.core.page;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's policy names the CloudWatch frame's origin only: scheme, host and port. Userinfo in
 * {@code CLOUDWATCH_URL} (legal in a URI, and able to hold {@code ;} and quotes) must not reach
 * the policy, where a {@code ;} would end the directive and start another.
 */
class ContentSecurityPolicyTest {

    @Test
    void theFrameSourceIsTheCloudWatchOriginWithoutUserinfo() {
        String policy = DashboardPage.contentSecurityPolicy(
                Optional.of(URI.create("https://x;script-src-elem@cloudwatch.amazonaws.com/dashboard.html")));

        assertThat(policy).contains("frame-src https://cloudwatch.amazonaws.com;").doesNotContain("x;").doesNotContain("@");
        assertThat(policy.split(";")).extracting(String::trim).extracting(d -> d.split(" ")[0])
                .containsExactly("default-src", "script-src", "style-src", "img-src", "connect-src", "frame-src", "base-uri",
                        "form-action", "object-src");
    }

    @Test
    void aPortIsKeptAndNoCloudWatchMeansNoFrames() {
        assertThat(DashboardPage.contentSecurityPolicy(Optional.of(URI.create("https://cw.example:8443/d"))))
                .contains("frame-src https://cw.example:8443;");
        assertThat(DashboardPage.contentSecurityPolicy(Optional.empty())).contains("frame-src 'none';");
    }

    @Test
    void aUrlWithUserinfoIsNoLinkAndNoFrame() {
        // the classic disguise: the text before '@' looks like the host
        assertThat(PageSettings.httpsUrl("https://status.webex.com@198.51.100.7/incidents/1")).isEmpty();
        assertThat(PageSettings.httpsUrl(Optional.of("https://x;script-src-elem@cloudwatch.amazonaws.com/d"))).isEmpty();
        assertThat(PageSettings.httpsUrl("https://status.webex.com/incidents/1")).isPresent();
    }
}
