package com.webexqoe.core.page;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What the page needs besides the data: the local zone, the optional banner and CloudWatch
 * dashboard, and the version tag of each static asset (so browsers fetch a changed file).
 */
public record PageSettings(ZoneId zone, Optional<String> banner, Optional<URI> cloudWatch, Map<String, String> assetVersions) {

    /** {@code CLOUDWATCH_URL} (and a feed link) counts only as an https URL with a host and no userinfo: anything else is ignored. */
    public static Optional<URI> httpsUrl(Optional<String> raw) {
        return raw.flatMap(PageSettings::httpsUrl);
    }

    public static Optional<URI> httpsUrl(String raw) {
        try {
            URI uri = URI.create(raw.trim());
            // No userinfo: "https://status.webex.com@elsewhere.example/" shows one host and opens another.
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
