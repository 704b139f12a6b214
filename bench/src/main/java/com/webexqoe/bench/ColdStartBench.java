package com.webexqoe.bench;

import com.webexqoe.standins.RuntimeApi;
import com.webexqoe.local.AppCds;
import com.webexqoe.local.DemoWorld;
import com.webexqoe.local.FunctionJvm;
import com.webexqoe.local.LocalFunction;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.standins.StandIns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start of every function as Lambda sees it: a fresh JVM runs the function's shaded jar
 * through the AWS Lambda runtime interface client, which takes one event from a local Runtime API
 * and answers; the figure is process start to answer received. The stand-ins and demo APIs are the
 * local run's ({@link DemoWorld}: dynalite, S3Proxy, WireMock with the demo payloads), so each run
 * does its real work (the collector's own table is emptied before each run, so twitterapi calls
 * Comprehend and te stores a new alert). The do-nothing stream handler in the same harness gives
 * the floor.
 *
 * <p>Each subject is measured without and with an application class-data-sharing archive
 * (static AppCDS, built here from a training run of the same class path, under
 * {@code bench/target/appcds}). Runs are interleaved (run i of every subject and configuration,
 * then run i+1) so that load from elsewhere on the machine spreads over all of them.
 *
 * <p>Usage: {@code bench/cold-start.sh [runs] [JVM flags…]}; without flags, Lambda's C1-only
 * launch ({@code -XX:TieredStopAtLevel=1}) and the JVM's default JIT. With {@code BENCH_BASELINE}
 * naming a folder of earlier jars ({@code webexdev-<x>.jar}), those are measured beside the
 * current ones ("before").
 */
public final class ColdStartBench {

    private record Subject(String name, String jar, String classpath, String handler, Map<String, String> env,
                           Supplier<String> event, List<String> trainingEvents, Runnable beforeRun) {
    }

    private record Config(String name, List<String> flags, boolean appCds) {
    }

    private record Run(double seconds, long maxRssKb, boolean error, String answer) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<String> userFlags = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
        Path root = StandIns.repositoryRoot();
        Path ricDir = root.resolve("bench/target/ric");
        String ric = FunctionJvm.ricClasspath(ricDir);
        Path work = root.resolve("bench/target");
        Path jni = FunctionJvm.nativeClient(ricDir, work.resolve("jni"));
        Path cdsDir = work.resolve("appcds");
        Path baseline = System.getenv("BENCH_BASELINE") == null ? null : Path.of(System.getenv("BENCH_BASELINE"));

        List<Config> configs = new ArrayList<>();
        if (userFlags.isEmpty()) {
            List<String> c1 = List.of("-XX:TieredStopAtLevel=1");
            configs.add(new Config("C1 (Lambda)", c1, false));
            configs.add(new Config("C1 + AppCDS", c1, true));
            configs.add(new Config("default JIT", List.of(), false));
            configs.add(new Config("default JIT + AppCDS", List.of(), true));
        } else {
            configs.add(new Config(String.join(" ", userFlags), userFlags, false));
            configs.add(new Config(String.join(" ", userFlags) + " + AppCDS", userFlags, true));
        }

        System.out.printf(Locale.ROOT, "cold start, %d runs each, JDK %s (%s, %s), %d cores, load %s%n", runs,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        try (DemoWorld world = DemoWorld.startInMemory(Clock.systemUTC())) {
            List<Subject> subjects = subjects(root, ric, world, null);
            if (baseline != null) {
                subjects = new ArrayList<>(subjects);
                subjects.addAll(subjects(root, ric, world, baseline).stream()
                        .filter(s -> s.jar() != null).toList());
            }
            String only = System.getenv("BENCH_ONLY");
            if (only != null) {
                List<String> names = List.of(only.split(","));
                subjects = subjects.stream().filter(s -> s.jar() == null || names.contains(s.name().replace(" (before)", ""))).toList();
            }
            // The archives: one training run per class path (te: both events in one JVM), then -Xshare:dump.
            Map<String, AppCds> archives = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                AppCds cds = archives.computeIfAbsent(subject.classpath(),
                        cp -> AppCds.forClasspath(cdsDir, archiveName(subject), cp));
                if (!cds.ready()) {
                    cds.forgetTraining();
                    List<String> flags = new ArrayList<>(configs.get(0).flags());
                    flags.add(cds.trainFlag());
                    List<Run> training = invoke(subject, flags, jni, subject.trainingEvents());
                    Path dumpLog = cdsDir.resolve(cds.archive().getFileName() + ".log");
                    boolean written = cds.dump(flags, dumpLog);
                    System.out.printf(Locale.ROOT, "  class-data archive for %s: %s (%s)%n", subject.name(),
                            written ? "written " + cds.archive().getFileName() : "NOT WRITTEN, see " + dumpLog,
                            training.stream().anyMatch(Run::error) ? "training run answered with an error" : "training run ok");
                }
            }
            // One unmeasured run each: the first JVM start after a build pays for the page cache.
            for (Config config : configs) {
                for (Subject subject : subjects) {
                    invoke(subject, flags(config, archives.get(subject.classpath())), jni, List.of(subject.event().get()));
                }
            }
            Map<Config, Map<Subject, List<Run>>> results = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (Config config : configs) {
                    for (Subject subject : subjects) {
                        List<Run> one = invoke(subject, flags(config, archives.get(subject.classpath())), jni,
                                List.of(subject.event().get()));
                        results.computeIfAbsent(config, c -> new LinkedHashMap<>())
                                .computeIfAbsent(subject, s -> new ArrayList<>()).add(one.get(0));
                    }
                }
            }
            for (Config config : configs) {
                report(config, results.get(config));
            }
            System.out.println();
            System.out.println("jar sizes and what dominates them (compressed bytes by package):");
            for (Subject subject : subjects) {
                if (subject.jar() != null) {
                    System.out.println("  " + subject.name() + ": " + jarBreakdown(Path.of(subject.jar())));
                }
            }
            System.out.println();
            System.out.println("classes loaded in one cold run (C1, no archive), by origin:");
            for (Subject subject : subjects) {
                System.out.println("  " + subject.name() + ": " + classesLoaded(subject, configs.get(0).flags(), jni, work));
            }
            System.out.println("load at the end: " + loadAverage());
        }
    }

    private static String archiveName(Subject subject) {
        return subject.jar() == null ? "floor" : Path.of(subject.jar()).getFileName().toString().replace(".jar", "")
                + (subject.name().endsWith("(before)") ? "-before" : "");
    }

    private static List<String> flags(Config config, AppCds cds) {
        List<String> flags = new ArrayList<>(config.flags());
        if (config.appCds() && cds != null && cds.ready()) {
            flags.add(cds.useFlag());
        }
        return flags;
    }

    private static List<Subject> subjects(Path root, String ric, DemoWorld world, Path baseline) {
        String suffix = baseline == null ? "" : " (before)";
        List<Subject> subjects = new ArrayList<>();
        if (baseline == null) {
            Map<String, String> awsEnv = world.environment(LocalFunction.STATUS);
            subjects.add(new Subject("do-nothing handler", null, floorJar(root) + File.pathSeparator + ric,
                    "com.webexqoe.bench.NoopHandler::handleRequest", Map.of("AWS_REGION", awsEnv.get("AWS_REGION")),
                    ColdStartBench::scheduled, List.of(scheduled()), () -> { }));
        }
        for (LocalFunction function : LocalFunction.values()) {
            Path jar = baseline == null ? root.resolve(function.jarPath()) : baseline.resolve(function.functionName() + ".jar");
            if (!Files.isRegularFile(jar)) {
                if (baseline != null) {
                    continue;
                }
                throw new IllegalStateException(jar + " is missing: build with ./mvnw -B -pl bench -am package -DskipTests");
            }
            String classpath = jar + File.pathSeparator + ric;
            Map<String, String> env = world.environment(function);
            Runnable empty = switch (function) {
                case STATUS -> () -> world.emptyTable(StatusTable.SCHEMA);
                case TE -> () -> {
                    world.emptyTable(AlertTable.SCHEMA);
                    world.emptyTable(PollingTable.SCHEMA);
                };
                case TWITTERAPI -> () -> world.emptyTable(TwitterTable.SCHEMA);
                case MTGQUALITY -> () -> world.emptyTable(QualityTable.SCHEMA);
                case CORE -> () -> { };
            };
            // mtgquality's scheduled event only rotates its token: a collecting run is a hand run.
            Supplier<String> scheduled = () -> DemoWorld.handRunEvent(function, Instant.now());
            if (function == LocalFunction.TE) {
                List<String> both = List.of(scheduled.get(), DemoWorld.webhookEvent(Instant.now()));
                subjects.add(new Subject("te poll" + suffix, jar.toString(), classpath, function.handler(), env, scheduled,
                        both, empty));
                subjects.add(new Subject("te webhook" + suffix, jar.toString(), classpath, function.handler(), env,
                        () -> DemoWorld.webhookEvent(Instant.now()), both, empty));
            } else {
                subjects.add(new Subject(function.shortName() + suffix, jar.toString(), classpath, function.handler(), env,
                        scheduled, List.of(scheduled.get()), empty));
            }
        }
        return subjects;
    }

    /**
     * The do-nothing handler in a jar of its own, as a function is deployed (class-data sharing
     * archives classes from jars only, not from folders).
     */
    private static Path floorJar(Path root) {
        Path jar = root.resolve("bench/target/floor/noop-handler.jar");
        String entry = NoopHandler.class.getName().replace('.', '/') + ".class";
        try {
            Files.createDirectories(jar.getParent());
            byte[] bytes = Files.readAllBytes(root.resolve("bench/target/classes").resolve(entry));
            Path temp = Files.createTempFile(jar.getParent(), "noop", ".jar");
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(temp))) {
                ZipEntry zipEntry = new ZipEntry(entry);
                zipEntry.setTime(0);
                out.putNextEntry(zipEntry);
                out.write(bytes);
                out.closeEntry();
            }
            Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String scheduled() {
        return """
                {"version":"0","id":"bench","detail-type":"Scheduled Event","source":"aws.events",
                 "account":"000000000000","time":"2026-11-27T00:00:00Z","region":"us-east-1",
                 "resources":["arn:aws:events:us-east-1:000000000000:rule/bench"],"detail":{}}""";
    }

    /** One fresh JVM taking these events in turn; each run's time is from process start to that answer. */
    private static List<Run> invoke(Subject subject, List<String> jvmFlags, Path jni, List<String> events) throws Exception {
        subject.beforeRun().run();
        List<CompletableFuture<RuntimeApi.Outcome>> outcomes = new ArrayList<>();
        try (RuntimeApi api = RuntimeApi.withEvents(events, outcomes)) {
            ProcessBuilder builder = new ProcessBuilder(FunctionJvm.command(jvmFlags, subject.classpath(), jni, subject.handler()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            environment(builder, subject.env(), api, subject.name());
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                List<Run> runs = new ArrayList<>();
                for (CompletableFuture<RuntimeApi.Outcome> future : outcomes) {
                    RuntimeApi.Outcome outcome = future.get(90, TimeUnit.SECONDS);
                    if (outcome.error()) {
                        System.out.println("  " + subject.name() + " answered with an error: " + outcome.body());
                    }
                    runs.add(new Run((outcome.arrivedNanos() - started) / 1e9, maxRssKb(process.pid()), outcome.error(),
                            outcome.body()));
                }
                return runs;
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static void environment(ProcessBuilder builder, Map<String, String> env, RuntimeApi api, String name) {
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", name.replace(' ', '-'));
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    }

    /** Peak resident set of the JVM so far (VmHWM), in KiB; -1 where /proc is not there. */
    static long maxRssKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void report(Config config, Map<Subject, List<Run>> bySubject) {
        System.out.println();
        System.out.println("### " + config.name() + (config.flags().isEmpty() ? "" : " (" + String.join(" ", config.flags()) + ")"));
        System.out.println("| function | median s | min–max s | × floor | peak RSS MiB | jar MB | answer |");
        System.out.println("|---|---|---|---|---|---|---|");
        double floor = 0;
        for (Map.Entry<Subject, List<Run>> entry : bySubject.entrySet()) {
            Subject subject = entry.getKey();
            List<Run> runs = entry.getValue();
            double[] seconds = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
            long[] rss = runs.stream().mapToLong(Run::maxRssKb).sorted().toArray();
            long errors = runs.stream().filter(Run::error).count();
            double median = median(seconds);
            if (subject.jar() == null) {
                floor = median;
            }
            String answer = runs.get(runs.size() - 1).answer();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f–%.3f | %s | %d | %s | %s |%n", subject.name(), median,
                    seconds[0], seconds[seconds.length - 1],
                    floor > 0 ? String.format(Locale.ROOT, "%.1f", median / floor) : "–", rss[rss.length / 2] / 1024,
                    subject.jar() == null ? "–" : String.format(Locale.ROOT, "%.1f", size(subject.jar()) / 1e6),
                    errors > 0 ? "ERRORS " + errors + ": " + shorten(answer) : shorten(answer));
        }
    }

    private static String shorten(String answer) {
        String flat = answer.replace('|', '/').replace('\n', ' ');
        return flat.length() > 110 ? flat.substring(0, 110) + "…" : flat;
    }

    private static long size(String jar) {
        try {
            return Files.size(Path.of(jar));
        } catch (IOException e) {
            return -1;
        }
    }

    static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The biggest contributors to a jar, by package (three levels; the SDK's services by name). */
    private static String jarBreakdown(Path jar) throws IOException {
        Map<String, Long> bytes = new TreeMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                String[] parts = entry.getName().split("/");
                int depth = entry.getName().startsWith("software/amazon/awssdk/services/") ? 5
                        : entry.getName().startsWith("software/amazon/awssdk/") ? 4 : 3;
                String group = parts.length <= 1 ? "(root)"
                        : String.join(".", Arrays.copyOf(parts, Math.min(depth - 1, parts.length - 1)));
                long size = Math.max(entry.getCompressedSize(), 0);
                bytes.merge(group, size, Long::sum);
                total += size;
            }
        }
        long all = total;
        return String.format(Locale.ROOT, "%.1f MB: ", Files.size(jar) / 1e6) + String.join(", ", bytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(7)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / all)).toList());
    }

    /** Runs the subject once with {@code -Xlog:class+load} and counts the classes by where they came from. */
    private static String classesLoaded(Subject subject, List<String> flags, Path jni, Path work) throws Exception {
        Path log = work.resolve("class-load-" + subject.name().replaceAll("\\W+", "-") + ".txt");
        List<String> withLog = new ArrayList<>(flags);
        withLog.add("-Xlog:class+load=info:file=" + log);
        invoke(subject, withLog, jni, List.of(subject.event().get()));
        Map<String, Integer> byGroup = new TreeMap<>();
        int total = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int source = line.indexOf(" source: ");
            if (source < 0) {
                continue;
            }
            total++;
            String name = line.substring(line.indexOf("] ") + 2, source).trim();
            String[] parts = name.split("\\.");
            int depth = name.startsWith("software.amazon.awssdk.services.") ? 5 : name.startsWith("software.amazon.awssdk.") ? 4 : 3;
            String group = line.contains("shared objects file") ? "(JDK archive) " : "";
            group += String.join(".", Arrays.copyOf(parts, Math.min(depth - 1, parts.length - 1)));
            byGroup.merge(group, 1, Integer::sum);
        }
        return total + " classes; " + String.join(", ", byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(8)
                .map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
