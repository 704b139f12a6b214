package com.webexqoe.common.s3;

import com.webexqoe.common.aws.AwsClientSettings;
import software.amazon.awssdk.services.s3.S3Client;

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
                .build();
    }
}
