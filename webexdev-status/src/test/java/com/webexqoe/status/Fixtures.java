package com.webexqoe.status;

import com.webexqoe.testkit.TestResources;

/** Feed documents under src/test/resources/status-feed/, API answers under status-api/. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] feed(String name) {
        return TestResources.bytes("status-feed/" + name);
    }

    /** {@code index.json} bodies under src/test/resources/status-api/. */
    static byte[] api(String name) {
        return TestResources.bytes("status-api/" + name);
    }
}
