package com.webexqoe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.webexqoe.common.json.Json;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one HTTP server of the local run, on 127.0.0.1 only: the bucket's objects ({@code GET /} is
 * {@code index.html}), the ThousandEyes webhook ({@code POST /tecloudagent}, handed to the te
 * function as the API Gateway proxy event it gets in AWS) and {@code POST /invoke/<name>}.
 */
final class LocalWebServer implements AutoCloseable {

    /** Runs a function with an event and returns how it ended. */
    interface Invoker extends BiFunction<LocalFunction, String, LambdaProcess.Outcome> {
    }

    private static final int MAX_WEBHOOK_BODY = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService threads;
    private final Clock clock;
    private S3Client s3;
    private String bucket;
    private Invoker invoker;
    private Supplier<Optional<String>> messages = Optional::empty;

    /** Binds the port at once, so that a port in use stops the start before anything else runs. */
    private LocalWebServer(int port, Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (BindException e) {
            throw new StartupException("port " + port + " on 127.0.0.1 is already in use (choose another with --port N)", e);
        } catch (IOException e) {
            throw new StartupException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-web");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
    }

    /** Binds the port and holds it until {@link #start}; a port in use fails naming it. */
    static LocalWebServer bind(int port, Clock clock) {
        return new LocalWebServer(port, clock);
    }

    /** Starts answering, once the bucket and the functions are there. */
    void start(S3Client s3, String bucket, Invoker invoker, Supplier<Optional<String>> messages) {
        this.messages = messages;
        this.s3 = s3;
        this.bucket = bucket;
        this.invoker = invoker;
        server.createContext("/", this::route);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(method) && "/tecloudagent".equals(path)) {
                webhook(exchange);
            } else if ("POST".equals(method) && path.startsWith("/invoke/")) {
                invoke(exchange, path.substring("/invoke/".length()));
            } else if ("GET".equals(method) && "/messages".equals(path)) {
                Optional<String> posted = messages.get();
                if (posted.isPresent()) {
                    json(exchange, 200, posted.get());
                } else {
                    text(exchange, 404, "no Messages stand-in in live mode: core posts to the real Webex space "
                            + "(WEBEX_NOTIFY_ROOM_ID)");
                }
            } else if ("GET".equals(method) || "HEAD".equals(method)) {
                object(exchange, path.equals("/") ? "index.html" : path.substring(1));
            } else {
                text(exchange, 405, "method not allowed");
            }
        } catch (RuntimeException e) {
            text(exchange, 500, "local run error: " + e.getMessage());
        }
    }

    private void object(HttpExchange exchange, String key) throws IOException {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            if ("index.html".equals(key)) {
                text(exchange, 503, "The dashboard is being built: the first page appears within a minute of the start. Refresh soon.");
            } else {
                text(exchange, 404, "no object " + key + " in the bucket");
            }
            return;
        }
        GetObjectResponse response = object.response();
        exchange.getResponseHeaders().add("Content-Type", response.contentType() == null ? "application/octet-stream"
                : response.contentType());
        if (response.cacheControl() != null) {
            exchange.getResponseHeaders().add("Cache-Control", response.cacheControl());
        }
        byte[] body = object.asByteArray();
        if ("HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        send(exchange, 200, body);
    }

    private void webhook(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_WEBHOOK_BODY + 1);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String event = LambdaEvents.proxyRequest("/tecloudagent", headers, new String(body, StandardCharsets.UTF_8), clock.instant());
        LambdaProcess.Outcome outcome = invoker.apply(LocalFunction.TE, event);
        if (outcome.error()) {
            // API Gateway answers 502 when the integration fails.
            json(exchange, 502, "{\"message\":\"Internal server error\"}");
            return;
        }
        JsonNode answer;
        try {
            answer = Json.read(outcome.body());
        } catch (IOException e) {
            json(exchange, 502, "{\"message\":\"Malformed Lambda proxy response\"}");
            return;
        }
        int status = answer.path("statusCode").asInt(502);
        answer.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
        send(exchange, status, answer.path("body").asText("").getBytes(StandardCharsets.UTF_8));
    }

    private void invoke(HttpExchange exchange, String name) throws IOException {
        var function = LocalFunction.byShortName(name);
        if (function.isEmpty()) {
            text(exchange, 404, "no function '" + name + "'; one of: "
                    + String.join(", ", List.of(LocalFunction.values()).stream().map(LocalFunction::shortName).toList()));
            return;
        }
        LambdaProcess.Outcome outcome = invoker.apply(function.get(), LambdaEvents.handRun(function.get(), clock.instant()));
        json(exchange, outcome.error() ? 502 : 200, outcome.body());
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
