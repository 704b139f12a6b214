package com.webexqoe.core.page;

import com.webexqoe.common.s3.ObjectStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page's static files (the repository's {@code s3-files/} and d3 from its webjar, packed
 * into the jar under {@code s3-files/} by the build) and their upload: an object is put only
 * when it is missing from the bucket or its {@code sha256} metadata differs, so deployment has
 * no manual upload step and a run does not rewrite unchanged files.
 */
public final class StaticAssets {

    /** Metadata key of the content hash ({@code x-amz-meta-sha256}). */
    static final String HASH_METADATA = "sha256";
    /** Assets are linked with {@code ?v=<hash>}, so a browser may keep them a day. */
    static final String CACHE_CONTROL = "public, max-age=86400";
    /** A warm container checks the bucket again after this long (someone may have deleted a file). */
    static final Duration RECHECK = Duration.ofHours(1);

    public record Asset(String key, String contentType, byte[] body, String sha256) {
    }

    /** Every file the page loads, with its content type. A test keeps this list and {@code s3-files/} in step. */
    public static final Map<String, String> FILES = files();

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("style.css", "text/css; charset=utf-8");
        files.put("dashboard.js", "text/javascript; charset=utf-8");
        files.put("d3.min.js", "text/javascript; charset=utf-8");
        files.put("favicon.svg", "image/svg+xml");
        for (String icon : List.of("sunny", "cloudy", "rain", "storm", "score", "path", "service", "social", "home", "detail")) {
            files.put("img/" + icon + ".svg", "image/svg+xml");
        }
        return java.util.Collections.unmodifiableMap(files);
    }

    private final List<Asset> assets;
    private Instant verifiedAt;

    public StaticAssets(List<Asset> assets) {
        this.assets = List.copyOf(assets);
    }

    /** The assets packed in the jar (or on the test class path). */
    public static StaticAssets fromClasspath() {
        return new StaticAssets(FILES.entrySet().stream()
                .map(file -> asset(file.getKey(), file.getValue(), read("s3-files/" + file.getKey())))
                .toList());
    }

    static Asset asset(String key, String contentType, byte[] body) {
        return new Asset(key, contentType, body, sha256(body));
    }

    public List<Asset> assets() {
        return assets;
    }

    /** key → the first 12 hex digits of its hash, for the page's {@code ?v=} links. */
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        assets.forEach(asset -> versions.put(asset.key(), asset.sha256().substring(0, 12)));
        return versions;
    }

    /** Whether the next {@link #ensureIn} would check the bucket (never checked, or {@link #RECHECK} has passed). */
    public synchronized boolean due(Instant now) {
        return verifiedAt == null || !now.isBefore(verifiedAt.plus(RECHECK));
    }

    /**
     * Puts every asset that is missing or changed; a warm container skips the check until
     * {@link #RECHECK} has passed since the last one.
     *
     * @return the keys uploaded (empty when the bucket already held them all)
     */
    public synchronized List<String> ensureIn(ObjectStore store, Instant now) {
        if (!due(now)) {
            return List.of();
        }
        List<String> uploaded = new java.util.ArrayList<>();
        for (Asset asset : assets) {
            Optional<ObjectStore.ObjectInfo> head = store.head(asset.key());
            boolean current = head.map(info -> asset.sha256().equals(info.metadata().get(HASH_METADATA))).orElse(false);
            if (!current) {
                store.put(asset.key(), asset.body(), asset.contentType(), CACHE_CONTROL, Map.of(HASH_METADATA, asset.sha256()));
                uploaded.add(asset.key());
            }
        }
        verifiedAt = now;
        return uploaded;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("asset " + resource + " is not in the jar (build the module with Maven)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + resource, e);
        }
    }
}
