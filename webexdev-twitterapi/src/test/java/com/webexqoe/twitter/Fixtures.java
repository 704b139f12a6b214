package com.webexqoe.twitter;

import com.webexqoe.testkit.TestResources;

/** Documents under src/test/resources/ (x-api-v2/, x-api-v1.1/, comprehend/). */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String path) {
        return TestResources.bytes(path);
    }

    static String text(String path) {
        return TestResources.text(path);
    }
}
