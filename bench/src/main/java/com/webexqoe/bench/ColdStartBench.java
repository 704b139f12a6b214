package com.webexqoe.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.webexqoe.testkit.Dynalite;
import com.webexqoe.testkit.ProjectTables;
import com.webexqoe.testkit.StandIns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Cold start of a function as Lambda sees it: a fresh JVM runs the function's jar through the AWS
 * Lambda runtime interface client, which takes one scheduled event from a local Runtime API and
 * answers; the figure is process start to answer received, against dynalite and a WireMock feed.
 * The do-nothing handler in the same harness gives the floor.
 *
 * <p>Usage: {@code bench/cold-start.sh [runs] [extra JVM flags…]}
 */
public final class ColdStartBench {

    private static final String EVENT = """
            {"version":"0","id":"bench","detail-type":"Scheduled Event","source":"aws.events",
             "account":"000000000000","time":"2026-11-27T00:00:00Z","region":"us-east-1",
             "resources":["arn:aws:events:us-east-1:000000000000:rule/bench"],"detail":{}}""";

    private record Subject(String name, String classpath, String handler, Map<String, String> env) {
    }

    private record Run(double seconds, long maxRssKb, boolean error, String answer) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<String> jvmFlags = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        Path root = StandIns.repositoryRoot();
        String ric = ricClasspath(root.resolve("bench/target/ric"));
        Path statusJar = root.resolve("webexdev-status/target/webexdev-status.jar");
        require(statusJar);

        try (Dynalite dynalite = Dynalite.start()) {
            WireMockServer feed = new WireMockServer(wireMockConfig().dynamicPort());
            feed.start();
            try {
                feed.stubFor(get(urlEqualTo("/history.rss")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(Files.readAllBytes(root.resolve(
                                "webexdev-status/src/test/resources/status-feed/history-incidents-and-maintenance.xml")))));
                dynalite.createTable(ProjectTables.STATUS.createRequest());

                Map<String, String> awsEnv = new LinkedHashMap<>();
                awsEnv.put("AWS_REGION", StandIns.REGION);
                awsEnv.put("AWS_ACCESS_KEY_ID", StandIns.ACCESS_KEY);
                awsEnv.put("AWS_SECRET_ACCESS_KEY", StandIns.SECRET_KEY);
                awsEnv.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
                awsEnv.put("TZ", "Asia/Tokyo");
                Map<String, String> statusEnv = new LinkedHashMap<>(awsEnv);
                statusEnv.put("DYNAMODB_TABLENAME", ProjectTables.STATUS.tableName());
                statusEnv.put("STATUS_RSS_URL", feed.baseUrl() + "/history.rss");

                List<Subject> subjects = List.of(
                        new Subject("do-nothing handler", root.resolve("bench/target/classes") + File.pathSeparator + ric,
                                "com.webexqoe.bench.NoopHandler::handleRequest", awsEnv),
                        new Subject("webexdev-status", statusJar + File.pathSeparator + ric,
                                "com.webexqoe.status.StatusHandler::handleRequest", statusEnv));

                System.out.printf(Locale.ROOT, "cold start, %d runs each, JVM %s, flags %s%n",
                        runs, System.getProperty("java.version"), jvmFlags.isEmpty() ? "(none)" : String.join(" ", jvmFlags));
                // One unmeasured run each: the first JVM start after a build pays for the page cache.
                for (Subject subject : subjects) {
                    invoke(subject, jvmFlags);
                }
                for (Subject subject : subjects) {
                    List<Run> results = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        results.add(invoke(subject, jvmFlags));
                    }
                    report(subject, results, subject.classpath().split(File.pathSeparator)[0]);
                }
            } finally {
                feed.stop();
            }
        }
    }

    private static Run invoke(Subject subject, List<String> jvmFlags) throws Exception {
        try (RuntimeApi api = new RuntimeApi(EVENT)) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.addAll(List.of("-cp", subject.classpath(),
                    "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", subject.handler()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(subject.env());
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", subject.name());
            builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                RuntimeApi.Outcome outcome = api.outcome().get(60, TimeUnit.SECONDS);
                long rss = maxRssKb(process.pid());
                if (outcome.error()) {
                    System.out.println("  " + subject.name() + " answered with an error: " + outcome.body());
                }
                return new Run((outcome.arrivedNanos() - started) / 1e9, rss, outcome.error(), outcome.body());
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Peak resident set of the JVM so far (VmHWM), in KiB; -1 where /proc is not there. */
    private static long maxRssKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void report(Subject subject, List<Run> runs, String firstJar) throws IOException {
        double[] seconds = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        long[] rss = runs.stream().mapToLong(Run::maxRssKb).sorted().toArray();
        long errors = runs.stream().filter(Run::error).count();
        long jarBytes = firstJar.endsWith(".jar") ? Files.size(Path.of(firstJar)) : 0;
        System.out.printf(Locale.ROOT,
                "%-20s median %.3f s  min %.3f s  max %.3f s  peak RSS median %d MiB%s%s%n",
                subject.name(), median(seconds), seconds[0], seconds[seconds.length - 1], rss[rss.length / 2] / 1024,
                jarBytes > 0 ? String.format(Locale.ROOT, "  jar %.1f MB", jarBytes / 1e6) : "",
                errors > 0 ? "  ERRORS " + errors : "");
        System.out.println("  answer: " + runs.get(runs.size() - 1).answer());
    }

    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String ricClasspath(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: build with ./mvnw -B -pl bench -am package -DskipTests");
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
    }

    private static void require(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -B -pl bench -am package -DskipTests");
        }
    }
}
