package com.webexqoe.mtgquality;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts the access token may be sent to for Meeting Qualities: Webex's documented regional
 * analytics hosts ("Historical Analytics APIs", developer.webex.com: {@code analytics.webexapis.com},
 * {@code analytics-eu.webexapis.com}, {@code analytics-ca.webexapis.com}) and the configured
 * {@code WEBEX_ANALYTICS_BASE_URL}. A host that refuses an organisation it does not serve answers
 * 403 or 451 with a body naming the right one; only a host of this list is ever retried
 * (docs/behaviour.md#mtgquality). Tests extend the list with their stand-in.
 */
public final class AnalyticsHosts {

    /** Webex's documented regional analytics hosts (https, default port). */
    public static final List<URI> DOCUMENTED = List.of(
            URI.create("https://analytics.webexapis.com"),
            URI.create("https://analytics-eu.webexapis.com"),
            URI.create("https://analytics-ca.webexapis.com"));

    private final List<URI> allowed;

    private AnalyticsHosts(List<URI> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The documented hosts, the configured base's origin, and {@code extra} (tests' stand-ins). */
    public static AnalyticsHosts of(URI configuredBase, List<URI> extra) {
        List<URI> hosts = new ArrayList<>();
        for (URI uri : DOCUMENTED) {
            hosts.add(origin(uri));
        }
        hosts.add(origin(configuredBase));
        extra.forEach(uri -> hosts.add(origin(uri)));
        return new AnalyticsHosts(hosts.stream().distinct().toList());
    }

    public boolean allows(URI uri) {
        return uri.getHost() != null && allowed.contains(origin(uri));
    }

    /**
     * The first allowed host other than {@code current}'s that the refusal's body names, as
     * {@code https://analytics-eu.webexapis.com} or bare {@code analytics-eu.webexapis.com}.
     */
    public Optional<URI> namedIn(byte[] body, URI current) {
        String text = new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        URI from = origin(current);
        for (URI host : allowed) {
            if (host.equals(from)) {
                continue;
            }
            if (mentions(text, host)) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
    }

    private static boolean mentions(String text, URI host) {
        boolean defaultPort = host.getPort() == defaultPort(host.getScheme());
        String name = host.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + host.getPort());
        // Not part of a longer name ("xanalytics…", "analytics.webexapis.com.evil") nor followed by another port.
        Pattern whole = Pattern.compile("(?<![a-z0-9.-])" + Pattern.quote(name) + "(?![a-z0-9-]|\\.[a-z0-9]|:[0-9])");
        return whole.matcher(text).find();
    }

    /** {@code uri} with scheme, host and port of {@code host}; path and query kept. */
    static URI onHost(URI uri, URI host) {
        String origin = display(host);
        String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            rest += "?" + uri.getRawQuery();
        }
        return URI.create(origin + rest);
    }

    /** Scheme, lower-case host and explicit port, nothing else. */
    static URI origin(URI uri) {
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        return URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    /** The origin as written in messages: {@code https://analytics-eu.webexapis.com} (no default port). */
    static String display(URI host) {
        URI origin = origin(host);
        boolean defaultPort = origin.getPort() == defaultPort(origin.getScheme());
        return origin.getScheme() + "://" + origin.getHost() + (defaultPort ? "" : ":" + origin.getPort());
    }

    private static int defaultPort(String scheme) {
        return "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }

    @Override
    public String toString() {
        return allowed.stream().map(AnalyticsHosts::display).toList().toString();
    }
}
