package com.webexqoe.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Feed documents under src/test/resources/status-feed/. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] feed(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/status-feed/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
