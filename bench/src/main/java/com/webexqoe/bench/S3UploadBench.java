package com.webexqoe.bench;

import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.s3.ObjectStore;
import com.webexqoe.common.s3.S3Clients;
import com.webexqoe.standins.S3ProxyServer;
import com.webexqoe.testkit.StandInEnv;
import com.webexqoe.standins.StandIns;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Uploads against the S3 stand-in under load, in the two forms the AWS SDK can send them: its
 * default (aws-chunked frames with a trailing CRC32) and ours ({@link S3Clients}: one plain body,
 * signed whole, the CRC32 in a header). Writers of both forms run at the same time against one
 * S3Proxy, each looping over the dashboard's assets (d3 as random bytes of its size): HEAD the key, then PUT it;
 * one more thread keeps a core busy. A put that fails is checked with a HEAD: "stored anyway"
 * means S3Proxy kept the object though the client saw an error.
 *
 * <p>Usage: {@code bench/s3-upload.sh [seconds] [writers per form]} (default 90 s, 2 writers).
 */
public final class S3UploadBench {

    private static final String BUCKET = "webexdev-bench";

    private record Form(String name, S3Client client) {
    }

    private static final class Tally {
        long puts;
        long failed;
        long storedAnyway;
        String firstError = "";
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<byte[]> bodies = assetBodies(StandIns.repositoryRoot().resolve("s3-files"));
        System.out.printf(Locale.ROOT, "S3 uploads against S3Proxy: %d s, %d writers per form, %d bodies of %d–%d bytes, JDK %s, %d cores%n",
                seconds, writers, bodies.size(), bodies.stream().mapToInt(b -> b.length).min().orElse(0),
                bodies.stream().mapToInt(b -> b.length).max().orElse(0), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (S3ProxyServer server = S3ProxyServer.inMemory()) {
            server.client().createBucket(r -> r.bucket(BUCKET));
            AwsClientSettings settings = AwsClientSettings.fromEnv(Env.of(StandInEnv.create().s3(server.endpoint()).toMap()));
            List<Form> forms = List.of(
                    new Form("SDK default (aws-chunked, trailing CRC32)",
                            settings.configure(S3Client.builder(), AwsClientSettings.Service.S3).forcePathStyle(true).build()),
                    new Form("S3Clients (plain body, CRC32 header)", S3Clients.create(settings)));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread burner = new Thread(() -> {
                long x = 0;
                while (running.get()) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "busy-core");
            burner.setDaemon(true);
            burner.start();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            List<Tally> tallies = new ArrayList<>();
            for (int f = 0; f < forms.size(); f++) {
                for (int w = 0; w < writers; w++) {
                    Tally tally = new Tally();
                    tallies.add(tally);
                    String prefix = "form" + f + "/writer" + w + "/";
                    ObjectStore store = new ObjectStore(forms.get(f).client(), BUCKET);
                    Thread thread = new Thread(() -> write(store, prefix, bodies, end, tally), prefix);
                    threads.add(thread);
                    thread.start();
                }
            }
            for (Thread thread : threads) {
                thread.join();
            }
            running.set(false);
            System.out.println();
            System.out.println("| form | puts | failed | failed but stored anyway | puts/s | first error |");
            System.out.println("|---|---|---|---|---|---|");
            for (int f = 0; f < forms.size(); f++) {
                Tally sum = new Tally();
                for (Tally tally : tallies.subList(f * writers, (f + 1) * writers)) {
                    sum.puts += tally.puts;
                    sum.failed += tally.failed;
                    sum.storedAnyway += tally.storedAnyway;
                    sum.firstError = sum.firstError.isEmpty() ? tally.firstError : sum.firstError;
                }
                System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %,.0f | %s |%n", forms.get(f).name(), sum.puts, sum.failed,
                        sum.storedAnyway, sum.puts / (double) seconds, sum.firstError.isEmpty() ? "–" : sum.firstError);
            }
            for (Form form : forms) {
                form.client().close();
            }
        }
    }

    private static void write(ObjectStore store, String prefix, List<byte[]> bodies, long end, Tally tally) {
        int round = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < bodies.size(); i++) {
                // keys repeat after 500 rounds, so the in-memory store stays bounded
                String key = prefix + i + "/" + (round % 500);
                tally.puts++;
                try {
                    store.head(key);
                    store.put(key, bodies.get(i), "application/octet-stream", "max-age=60", Map.of("round", Integer.toString(round)));
                } catch (RuntimeException e) {
                    tally.failed++;
                    if (tally.firstError.isEmpty()) {
                        tally.firstError = e.getMessage();
                    }
                    String written = Integer.toString(round);
                    if (store.head(key).map(info -> written.equals(info.metadata().get("round"))).orElse(false)) {
                        tally.storedAnyway++;
                    }
                }
            }
            round++;
        }
    }

    /** The assets in {@code s3-files/}, and random bytes the size of d3.min.js (279,706 bytes). */
    private static List<byte[]> assetBodies(Path assets) {
        Random random = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.walk(assets)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                bodies.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + assets, e);
        }
        bodies.add(randomBytes(random, 279_706));
        return bodies;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] body = new byte[size];
        random.nextBytes(body);
        return body;
    }
}
