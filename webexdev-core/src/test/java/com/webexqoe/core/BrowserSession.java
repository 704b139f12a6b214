package com.webexqoe.core;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every browser test of the page holds for one test: a headless Chromium
 * ({@link HeadlessChromium}) and, once the core has written the bucket, the bucket served on
 * 127.0.0.1 ({@link BucketSite}); both closed after the test.
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private final String profilePrefix;
    private HeadlessChromium chromium;
    private BucketSite site;

    BrowserSession(String profilePrefix) {
        this.profilePrefix = profilePrefix;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        chromium = HeadlessChromium.start(profilePrefix);
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    /** Serves the bucket for this test's browser. */
    BucketSite serve(S3Client s3, String bucket) {
        site = new BucketSite(s3, bucket);
        return site;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (site != null) {
            site.close();
            site = null;
        }
    }
}
