package com.webexqoe.mtgquality;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpTokenEndpointTest {

    private static TokenPair parse(String body) {
        return HttpTokenEndpoint.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedTokenAnswer() {
        TokenPair pair = parse(Fixtures.text("webex-oauth/access-token-refreshed.json"));

        assertThat(pair.accessToken()).startsWith("NEWACCESS-");
        assertThat(pair.refreshToken()).hasValueSatisfying(r -> assertThat(r).startsWith("NEWREFRESH-"));
        assertThat(pair.accessExpiresIn()).contains(Duration.ofDays(14));
        assertThat(pair.refreshExpiresIn()).contains(Duration.ofDays(90));
        assertThat(pair.toString()).doesNotContain("NEWACCESS").doesNotContain("NEWREFRESH");
    }

    @Test
    void anAnswerWithoutRefreshTokenKeepsTheStoredOne() {
        TokenPair pair = parse("{\"access_token\":\"A-1\",\"expires_in\":1209600}");

        assertThat(pair.refreshToken()).isEmpty();
        assertThat(pair.refreshExpiresIn()).isEmpty();
    }

    @Test
    void anAnswerWithoutAccessTokenIsUnreadableAndItsTextStaysOutOfTheMessage() {
        TokenRefreshException missing = catchThrowableOfType(TokenRefreshException.class,
                () -> parse("{\"refresh_token\":\"R-SECRET-1\"}"));
        TokenRefreshException notJson = catchThrowableOfType(TokenRefreshException.class,
                () -> parse("access_token=A-SECRET-2&refresh_token=R-SECRET-3"));
        TokenRefreshException notObject = catchThrowableOfType(TokenRefreshException.class,
                () -> parse("[\"A-SECRET-4\"]"));

        assertThat(missing.reason()).isEqualTo(TokenRefreshException.Reason.UNREADABLE);
        assertThat(missing).hasMessage("Webex token endpoint: the answer has no access_token");
        assertThat(notJson).hasMessage("Webex token endpoint: the answer is not JSON").hasNoCause();
        assertThat(notObject).hasMessage("Webex token endpoint: the answer is not a JSON object");
    }
}
