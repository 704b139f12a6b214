package com.webexqoe.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Fixtures on the test class path ({@code src/test/resources/<api>/…}), read whole. */
public final class TestResources {

    private TestResources() {
    }

    /** @param path relative to the class path root, e.g. {@code thousandeyes/path-vis-v7-mmp-list.json} */
    public static byte[] bytes(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        try (InputStream in = TestResources.class.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + absolute);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
