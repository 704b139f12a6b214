package com.webexqoe.testkit;

import com.webexqoe.standins.S3ProxyServer;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.net.URI;

/**
 * JUnit extension: the S3 stand-in ({@link S3ProxyServer#inMemory()}: objects in memory, AWS v4
 * signatures checked against the stand-in credentials).
 * One server per test JVM; every bucket is emptied and removed before each test.
 */
public final class S3ProxyExtension implements BeforeAllCallback, BeforeEachCallback {

    private S3ProxyServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(S3ProxyServer.class, key -> S3ProxyServer.inMemory(), S3ProxyServer.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        S3Client client = server.client();
        client.listBuckets().buckets().forEach(bucket -> {
            client.listObjectsV2Paginator(r -> r.bucket(bucket.name())).contents()
                    .forEach(object -> client.deleteObject(r -> r.bucket(bucket.name()).key(object.key())));
            client.deleteBucket(r -> r.bucket(bucket.name()));
        });
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public S3Client client() {
        return server.client();
    }

    public void createBucket(String bucket) {
        server.client().createBucket(r -> r.bucket(bucket));
    }

    public ResponseBytes<GetObjectResponse> get(String bucket, String key) {
        return server.client().getObjectAsBytes(r -> r.bucket(bucket).key(key));
    }
}
