package com.webexqoe.common.s3;

import com.webexqoe.common.aws.AwsClientSettings;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the S3 client (kept apart so functions without S3 never load it). */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * The SDK has no environment variable for path-style access, and local emulators need it
     * (bucket names are not resolvable host names there), so it is on exactly when the S3
     * endpoint is overridden. Real S3 keeps virtual-hosted style.
     */
    public static S3Client create(AwsClientSettings settings) {
        boolean overridden = settings.endpointOverride(AwsClientSettings.Service.S3).isPresent();
        return settings.configure(S3Client.builder(), AwsClientSettings.Service.S3)
                .forcePathStyle(overridden)
                .serviceConfiguration(SERVICE)
                .build();
    }

    /**
     * Uploads are sent as one plain body, not the SDK's aws-chunked framing. Our objects are in
     * memory and small (the page, graph JSON, at most d3's 280 KB), so the payload can be hashed
     * and signed whole before it is sent. With the framing, S3Proxy answers a PutObject once it
     * has read the last chunk, before the trailing checksum: the client, still writing that
     * trailer, fails with "Error writing request body to server" though the object was stored.
     * Under load that was 32 puts in 27,202 (0 in 182,756 without the framing); it failed a CI run.
     */
    static final S3Configuration SERVICE = S3Configuration.builder().chunkedEncodingEnabled(false).build();
}
