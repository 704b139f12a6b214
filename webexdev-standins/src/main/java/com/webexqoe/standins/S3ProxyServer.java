package com.webexqoe.standins;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The S3 stand-in: S3Proxy 4.0.0 embedded on a free local port, with a client of its own
 * ({@link StandIns#s3Client}). Used by the tests' {@link S3ProxyExtension}, by {@code ./run-local}
 * and by the benchmarks. (2.x rejects the SDK's default aws-chunked uploads, and s3rver stores the
 * chunk framing as content: see FACTS.md.)
 */
public final class S3ProxyServer implements AutoCloseable {

    private static final long START_NANOS = 20_000_000_000L;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client client;

    private S3ProxyServer(S3Proxy proxy, URI endpoint, S3Client client) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** Objects in memory; AWS v4 signatures checked against the stand-in credentials. */
    public static S3ProxyServer inMemory() {
        return start("transient", null, true);
    }

    /** Objects under {@code dir}, kept across restarts; signatures checked. */
    public static S3ProxyServer onDisk(Path dir) {
        return start("filesystem", dir, true);
    }

    /** Objects in memory, no signature checked (for a proxy in between, which changes signed headers). */
    public static S3ProxyServer unsigned() {
        return start("transient", null, false);
    }

    private static S3ProxyServer start(String provider, Path dir, boolean signed) {
        try {
            Properties properties = new Properties();
            properties.setProperty("jclouds.identity", StandIns.ACCESS_KEY);
            properties.setProperty("jclouds.credential", StandIns.SECRET_KEY);
            if (dir != null) {
                properties.setProperty("jclouds.filesystem.basedir", dir.toString());
            }
            S3Proxy.Builder builder = S3Proxy.builder()
                    .blobStore(BlobStores.create(provider, properties))
                    .endpoint(URI.create("http://127.0.0.1:0"));
            builder = signed
                    ? builder.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, StandIns.ACCESS_KEY, StandIns.SECRET_KEY)
                    : builder.awsAuthentication(AuthenticationType.NONE, null, null);
            S3Proxy proxy = builder.build();
            proxy.start();
            long deadline = System.nanoTime() + START_NANOS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            return new S3ProxyServer(proxy, endpoint, StandIns.s3Client(endpoint));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the S3 stand-in (S3Proxy)", e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the S3 stand-in (S3Proxy): " + e, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        client.close();
        proxy.stop();
    }
}
