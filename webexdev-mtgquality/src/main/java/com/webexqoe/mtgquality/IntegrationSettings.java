package com.webexqoe.mtgquality;

/**
 * What the run needs from {@code SECRETMANAGER_NAME}: the Webex integration's client id and
 * secret, and the host whose in-progress meetings are read. {@link #toString()} leaves the
 * values out.
 */
public record IntegrationSettings(String clientId, String clientSecret, String hostEmail) {

    @Override
    public String toString() {
        return "IntegrationSettings[values redacted]";
    }
}
