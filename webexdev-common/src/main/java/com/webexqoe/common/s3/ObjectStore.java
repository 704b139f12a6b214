package com.webexqoe.common.s3;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;

/** The bucket the dashboard is served from: objects written with their content type and cache policy. */
public final class ObjectStore {

    private final S3Client client;
    private final String bucket;

    public ObjectStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, byte[] body, String contentType, String cacheControl) {
        client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(body));
    }

    public void putText(String key, String body, String contentType, String cacheControl) {
        put(key, body.getBytes(StandardCharsets.UTF_8), contentType, cacheControl);
    }
}
