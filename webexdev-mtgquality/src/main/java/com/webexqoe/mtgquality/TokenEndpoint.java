package com.webexqoe.mtgquality;

import com.webexqoe.common.time.Deadline;

/** Port: the OAuth token endpoint of the Webex integration. */
public interface TokenEndpoint {

    /**
     * Exchanges the refresh token for a new pair ({@code grant_type=refresh_token}). Sent once:
     * a refresh is never repeated.
     *
     * @throws TokenRefreshException when no new pair came back
     */
    TokenPair refresh(IntegrationSettings integration, String refreshToken, Deadline deadline);
}
