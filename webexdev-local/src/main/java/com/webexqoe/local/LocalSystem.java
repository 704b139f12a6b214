package com.webexqoe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.json.Json;
import com.webexqoe.standins.StandIns;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


/**
 * The whole system on this machine: the stand-ins (persisting under the data folder), the five
 * functions in their own JVMs on their schedules, and the web server. {@link #close()} stops
 * everything it started.
 */
final class LocalSystem implements AutoCloseable {

    static final String REGION = StandIns.REGION;
    static final String BUCKET = "webexdev-local";
    static final String SECRETS = "webexdev/secrets";
    static final String TOKEN_SECRET = "webexdev/mtgquality-token";
    static final String DEMO_BANNER = "Demo data: nothing on this page comes from a real organisation. "
            + "Start ./run-local --secrets FILE to watch yours.";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Options options;
    private final PrintStream out;
    private final Clock clock;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<LocalFunction, LambdaProcess> functions = new EnumMap<>(LocalFunction.class);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private LocalWebServer web;
    private DemoWorld world;
    private final Map<LocalFunction, AppCds> archives = new EnumMap<>(LocalFunction.class);
    private Thread archiver;
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;

    private LocalSystem(Options options, PrintStream out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Starts everything and runs the collectors once, then the dashboard. Returns when the page
     * exists (or the first core run failed, which is logged).
     */
    static LocalSystem start(Options options, PrintStream out, Clock clock) {
        LocalSystem system = new LocalSystem(options, out, clock);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startAll() {
        Path root = StandIns.repositoryRoot();
        web = LocalWebServer.bind(options.port(), clock);
        started.add(web);
        SecretsService secrets = options.secretsFile()
                .map(file -> SecretsService.fromFile(file, SECRETS, TOKEN_SECRET))
                .orElseGet(() -> SecretsService.inMemory(DemoData.secrets()));
        Path data = options.dataDir().toAbsolutePath();
        Path logs = data.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new StartupException("cannot create the data folder " + data + ": " + e.getMessage(), e);
        }
        world = DemoWorld.start(Optional.of(data), options.demo(), secrets, clock, zone());
        started.add(world);

        List<String> missingJars = new ArrayList<>();
        Path ricDir = root.resolve("webexdev-local/target/ric");
        String ric = FunctionJvm.ricClasspath(ricDir);
        Path jni = FunctionJvm.nativeClient(ricDir, data.resolve("ric"));
        for (LocalFunction function : LocalFunction.values()) {
            Path jar = root.resolve(function.jarPath());
            if (!Files.isRegularFile(jar)) {
                missingJars.add(function.jarPath());
                continue;
            }
            if (function == LocalFunction.TWITTERAPI && !options.demo() && !hasAwsCredentials()) {
                out.println("twitterapi is skipped: live mode calls the real Amazon Comprehend, and no AWS credentials were "
                        + "found (set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE).");
                continue;
            }
            String classpath = jar + File.pathSeparator + ric;
            AppCds cds = AppCds.forClasspath(data.resolve("appcds"), function.functionName(), classpath);
            archives.put(function, cds);
            LambdaProcess process = new LambdaProcess(function.functionName(), command(classpath, jni, function, cds),
                    world.environment(function), logs.resolve(function.functionName() + ".log"), function.timeout());
            functions.put(function, process);
            started.add(process);
        }
        if (!missingJars.isEmpty()) {
            out.println("not built, so not running: " + String.join(", ", missingJars) + " (./mvnw -B package -DskipTests builds them)");
        }
        world.messages().ifPresent(space -> space.printTo(out, this::stamp));
        web.start(world.s3(), BUCKET, this::invoke, () -> world.messages().map(MessagesStandIn::json));
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-schedule");
            thread.setDaemon(true);
            return thread;
        });
        functions.values().forEach(LambdaProcess::start);
        firstRuns();
        writeArchives(logs);
        for (LocalFunction function : functions.keySet()) {
            function.schedule().ifPresent(every -> scheduler.scheduleAtFixedRate(() -> runQuietly(function),
                    every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
        }
        String base = "http://127.0.0.1:" + web.port();
        out.println();
        out.println("Dashboard:  " + base + "/");
        out.println("Webhook:    POST " + base + "/tecloudagent");
        out.println("Run now:    POST " + base + "/invoke/<status|te|twitterapi|mtgquality|core>");
        if (options.demo()) {
            out.println("Messages:   GET " + base + "/messages (what core posted to the demo Webex space)");
        }
        out.println((options.demo() ? "Demo mode" : "Live mode") + "; data in " + data + "; function logs in " + logs
                + ". Ctrl-C stops everything.");
        out.flush();
    }

    /**
     * After the first runs (the training runs of functions without an archive), writes each missing
     * class-data archive in the background, one at a time: the next start of that JVM maps it.
     */
    private void writeArchives(Path logs) {
        List<Map.Entry<LocalFunction, AppCds>> toWrite = archives.entrySet().stream()
                .filter(entry -> !entry.getValue().ready() && entry.getValue().trained()).toList();
        if (toWrite.isEmpty()) {
            return;
        }
        archiver = new Thread(() -> {
            for (Map.Entry<LocalFunction, AppCds> entry : toWrite) {
                try {
                    Path log = logs.resolve(entry.getKey().functionName() + "-appcds.log");
                    if (!entry.getValue().dump(FunctionJvm.LAMBDA_FLAGS, log)) {
                        // A list the JDK refused is not retried as is: the next start trains afresh.
                        entry.getValue().forgetTraining();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    out.println("class-data archive of " + entry.getKey().shortName() + " not written: " + e.getMessage());
                }
            }
        }, "local-appcds");
        archiver.setDaemon(true);
        archiver.setPriority(Thread.MIN_PRIORITY);
        archiver.start();
    }

    /**
     * Each scheduled collector once and, in demo mode, a hand run of mtgquality (its weekly
     * schedule only keeps the Webex token alive, so it is not run at start), side by side, then
     * the dashboard.
     */
    private void firstRuns() {
        List<CompletableFuture<Void>> collectors = new ArrayList<>();
        for (LocalFunction function : functions.keySet()) {
            if (function == LocalFunction.MTGQUALITY) {
                if (options.demo()) {
                    collectors.add(CompletableFuture.runAsync(() -> runQuietly(function,
                            LambdaEvents.handRun(function, clock.instant())), scheduler));
                }
            } else if (function != LocalFunction.CORE && function.schedule().isPresent()) {
                collectors.add(CompletableFuture.runAsync(() -> runQuietly(function), scheduler));
            }
        }
        collectors.forEach(CompletableFuture::join);
        if (functions.containsKey(LocalFunction.CORE)) {
            runQuietly(LocalFunction.CORE);
        }
    }

    private void runQuietly(LocalFunction function) {
        runQuietly(function, LambdaEvents.scheduled(function.functionName(), clock.instant()));
    }

    private void runQuietly(LocalFunction function, String event) {
        try {
            invoke(function, event);
        } catch (RuntimeException e) {
            out.println(stamp() + function.shortName() + " could not run: " + e.getMessage());
        }
    }

    /** Runs one invocation and logs it in one line: function, duration, what it stored, or its error. */
    LambdaProcess.Outcome invoke(LocalFunction function, String event) {
        LambdaProcess process = functions.get(function);
        if (process == null) {
            return new LambdaProcess.Outcome(true, Json.write(Json.object().put("errorMessage",
                    function.functionName() + " is not running here (not built, or skipped)")), 0);
        }
        LambdaProcess.Outcome outcome = process.invoke(event);
        out.printf(Locale.ROOT, "%s%-11s %6d ms  %s%n", stamp(), function.shortName(), outcome.millis(),
                outcome.error() ? "ERROR " + errorMessage(outcome.body()) : outcome.body());
        out.flush();
        return outcome;
    }

    private static String errorMessage(String body) {
        try {
            JsonNode error = Json.read(body);
            return error.path("errorMessage").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private String stamp() {
        return "[" + LocalTime.now(clock.withZone(zone())).format(CLOCK) + "] ";
    }

    private ZoneId zone() {
        return ZoneId.systemDefault();
    }

    private static boolean hasAwsCredentials() {
        return System.getenv(EnvVars.AWS_ACCESS_KEY_ID) != null || System.getenv("AWS_PROFILE") != null
                || Files.isRegularFile(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
    }

    /**
     * The JVM as Lambda's java21 runtime starts it (C1 only, serial GC, class-data sharing), with
     * this function's class-data archive when it has been written, or as its training run.
     */
    private static List<String> command(String classpath, Path jni, LocalFunction function, AppCds cds) {
        List<String> flags = new ArrayList<>(FunctionJvm.LAMBDA_FLAGS);
        flags.addAll(cds.flags(true));
        return FunctionJvm.command(flags, classpath, jni, function.handler());
    }

    int port() {
        return web.port();
    }

    /** The DynamoDB stand-in's endpoint (tests read the tables through it). */
    URI dynamoEndpoint() {
        return world.dynamoEndpoint();
    }

    /** The child processes this run started (dynalite and the function JVMs), for checks after shutdown. */
    List<ProcessHandle> children() {
        List<ProcessHandle> handles = new ArrayList<>();
        if (world != null) {
            handles.add(world.dynaliteProcess());
        }
        functions.values().forEach(process -> process.processHandle().ifPresent(handles::add));
        return handles;
    }

    void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (archiver != null) {
            archiver.interrupt();
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                out.println("while stopping: " + e);
            }
        }
        stopped.countDown();
    }
}
