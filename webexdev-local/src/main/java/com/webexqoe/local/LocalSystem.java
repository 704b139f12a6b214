package com.webexqoe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.webexqoe.common.aws.AwsClientSettings.Service;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.json.Json;
import com.webexqoe.testkit.Dynalite;
import com.webexqoe.testkit.ProjectTables;
import com.webexqoe.testkit.StandIns;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

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
    private Dynalite dynalite;
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
            Files.createDirectories(data.resolve("dynamodb"));
            Files.createDirectories(data.resolve("s3"));
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new StartupException("cannot create the data folder " + data + ": " + e.getMessage(), e);
        }

        dynalite = Dynalite.start(data.resolve("dynamodb"), StandIns.freePort());
        started.add(dynalite);
        for (ProjectTables table : ProjectTables.values()) {
            dynalite.createIfAbsent(table.createRequest());
        }
        S3Proxy s3Proxy = startS3(data.resolve("s3"));
        started.add(s3Proxy::stop);
        URI s3Endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
        S3Client s3 = StandIns.configure(S3Client.builder(), s3Endpoint).forcePathStyle(true).build();
        started.add(s3);
        if (s3.listBuckets().buckets().stream().noneMatch(b -> BUCKET.equals(b.name()))) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }

        ComprehendDemo comprehend = new ComprehendDemo();
        DemoData demo = new DemoData(clock, zone());
        WireMockServer apis = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .extensions(secrets, comprehend, demo));
        apis.start();
        started.add(apis::stop);
        for (String target : List.of("secretsmanager.GetSecretValue", "secretsmanager.PutSecretValue")) {
            apis.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                    .willReturn(aResponse().withTransformers(SecretsService.NAME)));
        }
        if (options.demo()) {
            demo.register(apis);
            apis.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", com.github.tomakehurst.wiremock.client.WireMock
                    .matching("Comprehend_20171127\\..*")).willReturn(aResponse().withTransformers(ComprehendDemo.NAME)));
            demo.seedHistory(dynalite.client(), data.resolve(".demo-seeded"));
        }

        Map<String, String> values = variableValues(apis.baseUrl(), secrets);
        List<String> missingJars = new ArrayList<>();
        String ric = ricClasspath(root);
        Path jni = nativeClient(root, data.resolve("ric"));
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
            Map<String, String> env = environment(function, values, dynalite.endpoint(), s3Endpoint, URI.create(apis.baseUrl()));
            LambdaProcess process = new LambdaProcess(function.functionName(), command(jar, ric, jni, function), env,
                    logs.resolve(function.functionName() + ".log"), function.timeout());
            functions.put(function, process);
            started.add(process);
        }
        if (!missingJars.isEmpty()) {
            out.println("not built, so not running: " + String.join(", ", missingJars) + " (./mvnw -B package -DskipTests builds them)");
        }
        web.start(s3, BUCKET, this::invoke);
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-schedule");
            thread.setDaemon(true);
            return thread;
        });
        functions.values().forEach(LambdaProcess::start);
        firstRuns();
        for (LocalFunction function : functions.keySet()) {
            function.schedule().ifPresent(every -> scheduler.scheduleAtFixedRate(() -> runQuietly(function),
                    every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
        }
        String base = "http://127.0.0.1:" + web.port();
        out.println();
        out.println("Dashboard:  " + base + "/");
        out.println("Webhook:    POST " + base + "/tecloudagent");
        out.println("Run now:    POST " + base + "/invoke/<status|te|twitterapi|mtgquality|core>");
        out.println((options.demo() ? "Demo mode" : "Live mode") + "; data in " + data + "; function logs in " + logs
                + ". Ctrl-C stops everything.");
        out.flush();
    }

    /** Each collector once (mtgquality too in demo mode), side by side, then the dashboard. */
    private void firstRuns() {
        List<CompletableFuture<Void>> collectors = new ArrayList<>();
        for (LocalFunction function : functions.keySet()) {
            boolean collector = function != LocalFunction.CORE
                    && (function.schedule().isPresent() || options.demo());
            if (collector) {
                collectors.add(CompletableFuture.runAsync(() -> runQuietly(function), scheduler));
            }
        }
        collectors.forEach(CompletableFuture::join);
        if (functions.containsKey(LocalFunction.CORE)) {
            runQuietly(LocalFunction.CORE);
        }
    }

    private void runQuietly(LocalFunction function) {
        try {
            invoke(function, LambdaEvents.scheduled(function.functionName(), clock.instant()));
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

    /** Every configuration value a function may read, local names and URLs. */
    private Map<String, String> variableValues(String apisBase, SecretsService secrets) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EnvVars.DYNAMODB_TABLENAME_PO, ProjectTables.TE_POLLING.tableName());
        values.put(EnvVars.DYNAMODB_TABLENAME_STATUS, ProjectTables.STATUS.tableName());
        values.put(EnvVars.DYNAMODB_TABLENAME_TE, ProjectTables.TE.tableName());
        values.put(EnvVars.DYNAMODB_TABLENAME_TEPOLLING, ProjectTables.TE_POLLING.tableName());
        values.put(EnvVars.DYNAMODB_TABLENAME_TWITTER, ProjectTables.TWITTER.tableName());
        values.put(EnvVars.DYNAMODB_TABLENAME_MTGQA, ProjectTables.MTGQUALITY.tableName());
        values.put(EnvVars.S3_BUCKET_NAME, BUCKET);
        values.put(EnvVars.SECRETMANAGER_NAME, SECRETS);
        values.put(EnvVars.SECRETMANAGER_TOKEN_NAME, TOKEN_SECRET);
        values.put(EnvVars.TZ, zone().getId());
        if (options.demo()) {
            values.putAll(DemoData.urls(apisBase));
            values.put(EnvVars.DASHBOARD_BANNER, DEMO_BANNER);
        } else {
            secrets.environment().ifPresent(settings -> settings.fields()
                    .forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText())));
        }
        return values;
    }

    /** What one function's JVM gets: only the variables it reads, Lambda's own, and its endpoints. */
    private Map<String, String> environment(LocalFunction function, Map<String, String> values, URI dynamo, URI s3, URI apis) {
        Map<String, String> env = new LinkedHashMap<>();
        Stream.concat(function.variables().required().stream(), function.variables().optional().stream())
                .filter(values::containsKey)
                .forEach(name -> env.put(name, values.get(name)));
        String table = switch (function) {
            case STATUS -> ProjectTables.STATUS.tableName();
            case TE -> ProjectTables.TE.tableName();
            case TWITTERAPI -> ProjectTables.TWITTER.tableName();
            case MTGQUALITY -> ProjectTables.MTGQUALITY.tableName();
            case CORE -> null;
        };
        if (table != null) {
            env.put(EnvVars.DYNAMODB_TABLENAME, table);
        }
        env.put(EnvVars.AWS_REGION, System.getenv().getOrDefault(EnvVars.AWS_REGION, REGION));
        boolean realComprehend = !options.demo() && function.services().contains(Service.COMPREHEND);
        if (realComprehend) {
            // The real Comprehend signs with the user's own credentials (environment or profile).
            for (String name : List.of(EnvVars.AWS_ACCESS_KEY_ID, EnvVars.AWS_SECRET_ACCESS_KEY, EnvVars.AWS_SESSION_TOKEN,
                    "AWS_PROFILE", "HOME")) {
                Optional.ofNullable(System.getenv(name)).ifPresent(value -> env.put(name, value));
            }
        } else {
            env.put(EnvVars.AWS_ACCESS_KEY_ID, StandIns.ACCESS_KEY);
            env.put(EnvVars.AWS_SECRET_ACCESS_KEY, StandIns.SECRET_KEY);
        }
        for (Service service : function.services()) {
            switch (service) {
                case DYNAMODB -> env.put(service.endpointVariable(), dynamo.toString());
                case S3 -> env.put(service.endpointVariable(), s3.toString());
                case SECRETS_MANAGER -> env.put(service.endpointVariable(), apis.toString());
                case COMPREHEND -> {
                    if (options.demo()) {
                        env.put(service.endpointVariable(), apis.toString());
                    }
                }
            }
        }
        return env;
    }

    private static boolean hasAwsCredentials() {
        return System.getenv(EnvVars.AWS_ACCESS_KEY_ID) != null || System.getenv("AWS_PROFILE") != null
                || Files.isRegularFile(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
    }

    /** The JVM as Lambda's java21 runtime starts it: C1 only, serial GC, class-data sharing. */
    private static List<String> command(Path jar, String ric, Path jni, LocalFunction function) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Xmx445m"));
        // The runtime client would unpack its native library to one fixed /tmp path in every JVM;
        // five JVMs starting together then load a half-written file (SIGBUS). Each loads this copy.
        command.add("-D" + JNI_PROPERTY + "=" + jni);
        command.addAll(List.of("-cp", jar + File.pathSeparator + ric,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", function.handler()));
        return command;
    }

    /** The runtime client's system property naming its native library, read before it unpacks its own. */
    private static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** Unpacks the runtime client's native library for this machine once, under the data folder. */
    private static Path nativeClient(Path root, Path dir) {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        String entry = "jni/libaws-lambda-jni.linux-" + arch + ".so";
        Path target = dir.resolve("libaws-lambda-jni.so");
        try (Stream<Path> jars = Files.list(root.resolve("webexdev-local/target/ric"))) {
            Path ricJar = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new StartupException("the Lambda runtime interface client jar is missing"));
            Files.createDirectories(dir);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(ricJar.toFile())) {
                var zipEntry = zip.getEntry(entry);
                if (zipEntry == null) {
                    throw new StartupException("the Lambda runtime interface client has no native library for linux-" + arch);
                }
                Path temp = Files.createTempFile(dir, ".jni-", ".so");
                try (var in = zip.getInputStream(zipEntry)) {
                    Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new StartupException("cannot unpack the Lambda runtime client's native library: " + e.getMessage(), e);
        }
    }

    private static String ricClasspath(Path root) {
        Path dir = root.resolve("webexdev-local/target/ric");
        if (!Files.isDirectory(dir)) {
            throw new StartupException(dir + " is missing: build with ./mvnw -B -pl webexdev-local -am package -DskipTests");
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3Proxy startS3(Path dir) {
        try {
            Properties properties = new Properties();
            properties.setProperty("jclouds.identity", StandIns.ACCESS_KEY);
            properties.setProperty("jclouds.credential", StandIns.SECRET_KEY);
            properties.setProperty("jclouds.filesystem.basedir", dir.toString());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", properties))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, StandIns.ACCESS_KEY, StandIns.SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:" + StandIns.freePort()))
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new StartupException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return proxy;
        } catch (StartupException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException("cannot start the S3 stand-in (S3Proxy): " + e, e);
        }
    }

    int port() {
        return web.port();
    }

    /** The DynamoDB stand-in's endpoint (tests read the tables through it). */
    URI dynamoEndpoint() {
        return dynalite.endpoint();
    }

    /** The child processes this run started (dynalite and the function JVMs), for checks after shutdown. */
    List<ProcessHandle> children() {
        List<ProcessHandle> handles = new ArrayList<>();
        if (dynalite != null) {
            handles.add(dynalite.process());
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
