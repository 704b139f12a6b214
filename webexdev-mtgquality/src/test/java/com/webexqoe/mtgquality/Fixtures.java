package com.webexqoe.mtgquality;

import com.webexqoe.testkit.TestResources;

/** Payloads under src/test/resources/, written from developer.webex.com's API reference. */
final class Fixtures {

    private Fixtures() {
    }

    static String text(String path) {
        return TestResources.text(path);
    }
}
