package com.webexqoe.mtgquality;

import java.time.Duration;
import java.util.Optional;

/**
 * A token pair as Webex's token endpoint returned it ({@code access_token}, {@code expires_in},
 * {@code refresh_token}, {@code refresh_token_expires_in}; developer.webex.com, "Integrations").
 * {@link #toString()} leaves the tokens out, so the pair can never reach a log by accident.
 *
 * @param refreshToken the refresh token that came back (Webex often returns the same one); empty
 *                     when the answer had none, in which case the stored one stays
 */
public record TokenPair(String accessToken, Optional<String> refreshToken,
                        Optional<Duration> accessExpiresIn, Optional<Duration> refreshExpiresIn) {

    @Override
    public String toString() {
        return "TokenPair[tokens redacted, accessExpiresIn=" + accessExpiresIn.map(Duration::toString).orElse("?")
                + ", refreshExpiresIn=" + refreshExpiresIn.map(Duration::toString).orElse("?") + "]";
    }
}
