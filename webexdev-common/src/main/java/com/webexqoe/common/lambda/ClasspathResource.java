package com.webexqoe.common.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a file bundled in the function's jar (the priming samples under {@code /priming/}). */
public final class ClasspathResource {

    private ClasspathResource() {
    }

    /** The bytes of {@code path} (absolute, e.g. {@code "/priming/alert.json"}); a missing one fails naming it. */
    public static byte[] read(String path) {
        try (InputStream in = ClasspathResource.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no bundled resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled resource " + path, e);
        }
    }
}
