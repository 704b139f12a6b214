package com.webexqoe.testkit;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.net.URI;
import java.util.Properties;

/**
 * JUnit extension: the S3 stand-in, S3Proxy 4.0.0 embedded with an in-memory store and AWS v4
 * signatures checked against the stand-in credentials; its client sends uploads as one plain
 * body ({@link StandIns#s3Client}). (2.x rejects the SDK's default aws-chunked uploads, and
 * s3rver stores the chunk framing as content: see FACTS.md.)
 * One server per test JVM; every bucket is emptied and removed before each test.
 */
public final class S3ProxyExtension implements BeforeAllCallback, BeforeEachCallback {

    private Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Server.class, key -> Server.start(), Server.class);
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

    private record Server(S3Proxy proxy, URI endpoint, S3Client client) implements AutoCloseable {

        static Server start() {
            try {
                Properties properties = new Properties();
                properties.setProperty("jclouds.identity", StandIns.ACCESS_KEY);
                properties.setProperty("jclouds.credential", StandIns.SECRET_KEY);
                BlobStore store = BlobStores.create("transient", properties);
                S3Proxy proxy = S3Proxy.builder()
                        .blobStore(store)
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, StandIns.ACCESS_KEY, StandIns.SECRET_KEY)
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .build();
                proxy.start();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!"STARTED".equals(proxy.getState())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                    }
                    Thread.sleep(10);
                }
                URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                S3Client client = StandIns.s3Client(endpoint);
                return new Server(proxy, endpoint, client);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the S3 stand-in (S3Proxy): " + e, e);
            }
        }

        @Override
        public void close() throws Exception {
            client.close();
            proxy.stop();
        }
    }
}
