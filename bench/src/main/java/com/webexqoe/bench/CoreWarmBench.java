package com.webexqoe.bench;

import com.webexqoe.standins.RuntimeApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.json.Json;
import com.webexqoe.local.DemoWorld;
import com.webexqoe.local.FunctionJvm;
import com.webexqoe.local.LocalFunction;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.standins.StandIns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core function's warm run at realistic history: one day of data, then seven, then thirty days
 * at the same rate ({@link HistoryItems}; the health table's run items one a minute and its series
 * items, so the 7-day chart is full from 7 days on), each measured in a fresh JVM of the shaded jar (Lambda's flags:
 * C1, serial GC, 445 MB heap cap) through the runtime interface client: one cold run, then
 * {@code runs} warm runs. Reports the median warm duration (event handed out to answer), the
 * items read and read capacity consumed per run (from the function's own answer, i.e.
 * {@code DynamoTable.readCost()} deltas with DynamoDB's ConsumedCapacity), and the heap in use
 * after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}).
 *
 * <p>Usage: {@code bench/core-warm.sh [runs]} (default 20).
 */
public final class CoreWarmBench {

    private record Figures(int days, int seeded, double median, double min, double max, long itemsRead, String capacity,
                           long heapUsedKb, long rssKb, int historyPoints, String answer) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path root = StandIns.repositoryRoot();
        Path ricDir = root.resolve("bench/target/ric");
        String classpath = root.resolve(LocalFunction.CORE.jarPath()) + File.pathSeparator + FunctionJvm.ricClasspath(ricDir);
        Path jni = FunctionJvm.nativeClient(ricDir, root.resolve("bench/target/jni"));
        System.out.printf(Locale.ROOT, "core warm run, %d warm runs per history, JDK %s (%s), flags %s%n", runs,
                System.getProperty("java.version"), System.getProperty("java.vm.version"), FunctionJvm.LAMBDA_FLAGS);
        List<Figures> figures = new ArrayList<>();
        try (DemoWorld world = DemoWorld.startInMemory(Clock.systemUTC())) {
            for (TableSchema table : List.of(StatusTable.SCHEMA, AlertTable.SCHEMA, PollingTable.SCHEMA,
                    TwitterTable.SCHEMA, QualityTable.SCHEMA, HealthTable.SCHEMA)) {
                world.emptyTable(table);
            }
            HistoryItems history = new HistoryItems(ZoneId.systemDefault(), Instant.now());
            int seeded = 0;
            int seededDays = 0;
            for (int days : List.of(1, 7, 30)) {
                HistoryItems.Days more = history.days(seededDays, days);
                long started = System.nanoTime();
                new DynamoTable(world.dynamo(), StatusTable.SCHEMA.tableName()).putAll(more.statuses());
                new DynamoTable(world.dynamo(), AlertTable.SCHEMA.tableName()).putAll(more.alerts());
                new DynamoTable(world.dynamo(), PollingTable.SCHEMA.tableName()).putAll(more.polls());
                new DynamoTable(world.dynamo(), TwitterTable.SCHEMA.tableName()).putAll(more.posts());
                new DynamoTable(world.dynamo(), QualityTable.SCHEMA.tableName()).putAll(more.qualities());
                HistoryItems.Health health = history.health(seededDays, days);
                new DynamoTable(world.dynamo(), HealthTable.SCHEMA.tableName()).putAll(health.runs());
                new DynamoTable(world.dynamo(), HealthTable.SCHEMA.tableName()).putAll(health.series());
                seeded += more.size() + health.runs().size();
                seededDays = days;
                System.out.printf(Locale.ROOT, "  seeded %d days: %d items in the five tables and the health table's run items (%.0f s)%n", days, seeded,
                        (System.nanoTime() - started) / 1e9);
                figures.add(measure(world, classpath, jni, days, seeded, runs));
            }
        }
        System.out.println();
        System.out.println("| history | items stored | warm median ms | min–max ms | items read / run | read capacity / run | health.json points | heap after GC MiB | peak RSS MiB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "| %d day%s | %d | %.0f | %.0f–%.0f | %d | %s | %d | %.1f | %d |%n", f.days(),
                    f.days() == 1 ? "" : "s", f.seeded(), f.median(), f.min(), f.max(), f.itemsRead(), f.capacity(),
                    f.historyPoints(), f.heapUsedKb() / 1024.0, f.rssKb() / 1024);
        }
        Figures one = figures.get(0);
        Figures seven = figures.get(1);
        Figures thirty = figures.get(figures.size() - 1);
        System.out.printf(Locale.ROOT, "items read at 7 days / at 1 day: %.2f, at 30 days / at 1 day: %.2f (target ≤ 1.2); "
                        + "warm median at 1 day %.0f ms, at 7 days %.0f ms (target ≤ 300 ms); heap after GC %.1f MiB (target ≤ 256 MB)%n",
                (double) seven.itemsRead() / one.itemsRead(), (double) thirty.itemsRead() / one.itemsRead(), one.median(),
                seven.median(), figures.stream().mapToLong(Figures::heapUsedKb).max().orElse(0) / 1024.0);
        System.out.println("last answer at 30 days: " + thirty.answer());
    }

    private static Figures measure(DemoWorld world, String classpath, Path jni, int days, int seeded, int runs) throws Exception {
        List<CompletableFuture<RuntimeApi.Outcome>> outcomes = new ArrayList<>();
        try (RuntimeApi api = new RuntimeApi()) {
            ProcessBuilder builder = new ProcessBuilder(FunctionJvm.command(FunctionJvm.LAMBDA_FLAGS, classpath, jni,
                    LocalFunction.CORE.handler())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            ColdStartBench.environment(builder, world.environment(LocalFunction.CORE), api, "webexdev-core");
            Process process = builder.start();
            try {
                RuntimeApi.Outcome cold = api.submit(DemoWorld.scheduledEvent(LocalFunction.CORE, Instant.now()))
                        .get(90, TimeUnit.SECONDS);
                require(cold);
                double[] millis = new double[runs];
                RuntimeApi.Outcome last = cold;
                for (int i = 0; i < runs; i++) {
                    last = api.submit(DemoWorld.scheduledEvent(LocalFunction.CORE, Instant.now())).get(90, TimeUnit.SECONDS);
                    require(last);
                    millis[i] = last.millis();
                }
                Arrays.sort(millis);
                JsonNode answer = Json.read(last.body());
                long heap = heapAfterGc(process.pid());
                return new Figures(days, seeded, ColdStartBench.median(millis), millis[0], millis[millis.length - 1],
                        answer.path("itemsRead").asLong(), answer.path("readCapacity").asText(), heap,
                        ColdStartBench.maxRssKb(process.pid()), answer.path("historyPoints").asInt(), last.body());
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void require(RuntimeApi.Outcome outcome) {
        if (outcome.error() || outcome.body().contains("\"history\":\"failed")) {
            throw new IllegalStateException("core answered with an error: " + outcome.body());
        }
    }

    /** Heap in use after a full collection: {@code jcmd <pid> GC.run}, then the generations' "used" in {@code GC.heap_info}. */
    private static long heapAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("(?:generation|space)\\s+total \\d+K, used (\\d+)K").matcher(info);
        long total = 0;
        while (used.find()) {
            total += Long.parseLong(used.group(1));
        }
        return total;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
