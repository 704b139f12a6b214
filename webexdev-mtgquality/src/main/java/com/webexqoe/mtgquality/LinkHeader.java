package com.webexqoe.mtgquality;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code rel="next"} target of RFC 8288 {@code Link} headers, which is how the Webex APIs
 * page their lists ("REST API Basics", Pagination): {@code Link: <https://…?…&cursor=…>; rel="next"}.
 * Several links may share one header (comma-separated) or come in several headers; {@code rel}
 * may be quoted or not and may hold several space-separated relation types.
 */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(\"([^\"]*)\"|([^\\s;\"]+))");

    private LinkHeader() {
    }

    /** The next page's URI, resolved against the page that carried the header. */
    public static Optional<URI> next(List<String> headerValues, URI current) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    String types = rel.group(2) != null ? rel.group(2) : rel.group(3);
                    for (String type : types.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (type.equals("next")) {
                            try {
                                return Optional.of(current.resolve(link.group(1).trim()));
                            } catch (IllegalArgumentException unreadable) {
                                return Optional.empty();
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
