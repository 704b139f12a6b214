package com.webexqoe.standins;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts all stand-ins share: fake credentials, region, free ports, the repository root. */
public final class StandIns {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "standin-access-key";
    public static final String SECRET_KEY = "standin-secret-key";

    private StandIns() {
    }

    /**
     * Region, fake credentials, HTTP client and endpoint for a test's own SDK client (the one the
     * test uses to set up and inspect a stand-in, not the function's).
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /**
     * A test's own client of an S3 stand-in: path-style, and uploads as one plain body like the
     * functions' client ({@code S3Clients}): S3Proxy answers the SDK's aws-chunked uploads before
     * reading their trailer, which now and then fails the client's write of it.
     */
    public static S3Client s3Client(URI endpoint) {
        return configure(S3Client.builder(), endpoint).forcePathStyle(true)
                .serviceConfiguration(c -> c.chunkedEncodingEnabled(false)).build();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /**
     * The repository root (where {@code node_modules/} is): the build passes it as the system
     * property {@code webexdev.root}; otherwise the nearest parent folder holding package.json.
     */
    public static Path repositoryRoot() {
        String configured = System.getProperty("webexdev.root");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "package.json"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json")) && Files.isDirectory(dir.resolve("webexdev-testkit"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (package.json); run the tests from the repository");
    }
}
