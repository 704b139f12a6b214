package com.webexqoe.standins;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The DynamoDB stand-in: dynalite (npm, pinned in package-lock.json) in memory, as a child
 * process on a free port. It has tables, GSIs, Query and batch writes; it has no
 * {@code UpdateTimeToLive}, so test tables are made without TTL (the template sets it).
 */
public final class Dynalite implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final DynamoDbClient client;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = StandIns.configure(DynamoDbClient.builder(), endpoint).build();
    }

    public static Dynalite start() {
        return start(null, StandIns.freePort());
    }

    /**
     * dynalite keeping its data under {@code dataDir} (LevelDB files: the tables and items survive
     * a restart), on the given port; {@code dataDir} null keeps everything in memory.
     */
    public static Dynalite start(Path dataDir, int port) {
        Path root = StandIns.repositoryRoot();
        Path cli = root.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed at " + cli
                    + "; run `npm ci` in the repository root (the Maven build does it when node_modules is missing)");
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite: is Node.js 18+ on the PATH? (" + e.getMessage() + ")", e);
        }
        // Should the test JVM end without closing the extension's store, the child goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "dynalite-stop"));
        awaitListening(process, port);
        return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
    }

    /** dynalite prints "Dynalite listening at: …" once it accepts connections. */
    private static void awaitListening(Process process, int port) {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.contains("listening")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        try {
            if (!listening.get(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("dynalite exited before listening on port " + port);
            }
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("dynalite did not start on port " + port + ": " + e, e);
        }
        // Keep draining its output so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "dynalite-output");
        drain.setDaemon(true);
        drain.start();
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The child process, so a caller can check it is gone after {@link #close()}. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Creates the table unless it exists (a persisted data folder keeps its tables). */
    public void createIfAbsent(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest request) {
        if (client.listTablesPaginator().tableNames().stream().noneMatch(request.tableName()::equals)) {
            createTable(request);
        }
    }

    /** Deletes every table: each test starts from an empty stand-in. */
    public void deleteAllTables() {
        List<String> names = client.listTablesPaginator().tableNames().stream().toList();
        names.forEach(name -> client.deleteTable(r -> r.tableName(name)));
        // dynalite deletes asynchronously even with --deleteTableMs 0: wait until they are gone.
        names.forEach(this::awaitGone);
    }

    /** Creates a table and waits until it is ACTIVE (the SDK waiter polls every 20 s: too slow here). */
    public void createTable(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest request) {
        client.createTable(request);
        awaitState(request.tableName(), true);
    }

    /** Deletes a table and waits until it is gone. */
    public void deleteTable(String table) {
        client.deleteTable(r -> r.tableName(table));
        awaitGone(table);
    }

    private void awaitGone(String table) {
        awaitState(table, false);
    }

    private void awaitState(String table, boolean active) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                var status = client.describeTable(r -> r.tableName(table)).table().tableStatus();
                if (active && status == software.amazon.awssdk.services.dynamodb.model.TableStatus.ACTIVE) {
                    return;
                }
            } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
                if (!active) {
                    return;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("dynalite table " + table + (active ? " never became ACTIVE" : " was never deleted"));
    }

    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
