package com.webexqoe.core;

import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bucket as a web site on 127.0.0.1 (what the bucket policy serves the operator): each GET
 * answers the object under the path's key, with the content type it was written with; {@code /}
 * is {@code index.html}; a query string is ignored (as S3 does for the {@code ?v=} links).
 */
final class BucketSite implements AutoCloseable {

    private final HttpServer server;
    private final List<String> misses = new CopyOnWriteArrayList<>();

    BucketSite(S3Client s3, String bucket) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String key = path.equals("/") ? "index.html" : path.substring(1);
            try (exchange) {
                ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
                byte[] body = object.asByteArray();
                String type = object.response().contentType();
                exchange.getResponseHeaders().set("Content-Type", type == null ? "application/octet-stream" : type);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (NoSuchKeyException e) {
                misses.add(key);
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Keys asked for that the bucket did not hold. */
    List<String> misses() {
        return List.copyOf(misses);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
