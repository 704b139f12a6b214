package com.webexqoe.status;

import com.webexqoe.testkit.TestResources;

/** Feed documents under src/test/resources/status-feed/. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] feed(String name) {
        return TestResources.bytes("status-feed/" + name);
    }
}
