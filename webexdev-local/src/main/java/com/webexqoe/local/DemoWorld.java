package com.webexqoe.local;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.webexqoe.common.aws.AwsClientSettings.Service;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.standins.Dynalite;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.Tables;
import com.webexqoe.common.schema.TwitterTable;
import com.webexqoe.standins.S3ProxyServer;
import com.webexqoe.standins.SecretsState;
import com.webexqoe.standins.StandIns;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The stand-ins every function needs, with the demo APIs behind them: dynalite (the tables of
 * docs/behaviour.md#tables), S3Proxy (the bucket), and one WireMock answering Secrets Manager ({@link SecretsService}),
 * Comprehend ({@link ComprehendDemo}) and the demo feeds and APIs ({@link DemoData}). Each function's
 * environment comes from {@link #environment(LocalFunction)}. The local run ({@code LocalSystem})
 * starts it persisting under its data folder; the benchmarks start it in memory
 * ({@link #startInMemory(Clock)}). {@link #close()} stops what it started.
 */
public final class DemoWorld implements AutoCloseable {

    public static final String BUCKET = LocalSystem.BUCKET;

    /** A ThousandEyes alert notification (a trigger) as the demo webhook body. */
    private static final String DEMO_ALERT = "/demo/alert-trigger-response-time.json";

    private final boolean demo;
    private final SecretsService secrets;
    private final ZoneId zone;
    private final List<AutoCloseable> started = new ArrayList<>();
    private Dynalite dynalite;
    private URI s3Endpoint;
    private S3Client s3;
    private WireMockServer apis;
    private Map<String, String> values;
    private MessagesStandIn messages;

    private DemoWorld(boolean demo, SecretsService secrets, ZoneId zone) {
        this.demo = demo;
        this.secrets = secrets;
        this.zone = zone;
    }

    /**
     * Everything in memory, demo APIs and demo secrets, a day of demo history seeded: what the
     * benchmarks invoke the function jars against.
     */
    public static DemoWorld startInMemory(Clock clock) {
        return start(Optional.empty(), true, SecretsService.inMemory(DemoData.secrets()), clock, ZoneId.systemDefault());
    }

    /**
     * Starts the stand-ins: persisting under {@code dataDir} (its {@code dynamodb} and {@code s3}
     * folders, created here) or in memory; in demo mode with the demo APIs and history.
     */
    static DemoWorld start(Optional<Path> dataDir, boolean demo, SecretsService secrets, Clock clock, ZoneId zone) {
        DemoWorld world = new DemoWorld(demo, secrets, zone);
        try {
            world.startAll(dataDir, clock);
            return world;
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    private void startAll(Optional<Path> dataDir, Clock clock) {
        if (dataDir.isPresent()) {
            Path data = dataDir.get();
            try {
                Files.createDirectories(data.resolve("dynamodb"));
                Files.createDirectories(data.resolve("s3"));
            } catch (IOException e) {
                throw new StartupException("cannot create the data folder " + data + ": " + e.getMessage(), e);
            }
            dynalite = Dynalite.start(data.resolve("dynamodb"), StandIns.freePort());
        } else {
            dynalite = Dynalite.start();
        }
        started.add(dynalite);
        for (TableSchema table : Tables.ALL) {
            dynalite.createIfAbsent(table.createTableRequest());
        }
        S3ProxyServer s3Server = startS3(dataDir.map(dir -> dir.resolve("s3")));
        started.add(s3Server);
        s3Endpoint = s3Server.endpoint();
        s3 = s3Server.client();
        if (s3.listBuckets().buckets().stream().noneMatch(b -> BUCKET.equals(b.name()))) {
            s3.createBucket(r -> r.bucket(BUCKET));
        }

        ComprehendDemo comprehend = new ComprehendDemo();
        DemoData demoData = new DemoData(clock, zone);
        apis = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .extensions(secrets.state(), comprehend, demoData));
        apis.start();
        started.add(apis::stop);
        for (String target : List.of("secretsmanager.GetSecretValue", "secretsmanager.PutSecretValue")) {
            apis.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                    .willReturn(aResponse().withTransformers(SecretsState.NAME)));
        }
        if (demo) {
            demoData.register(apis);
            apis.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", matching("Comprehend_20171127\\..*"))
                    .willReturn(aResponse().withTransformers(ComprehendDemo.NAME)));
            demoData.seedHistory(dynalite.client(), dataDir.map(dir -> dir.resolve(".demo-seeded")));
            messages = new MessagesStandIn(apis);
        }
        values = variableValues(apis.baseUrl());
    }

    /** Every configuration value a function may read, local names and URLs. */
    private Map<String, String> variableValues(String apisBase) {
        Map<String, String> all = new LinkedHashMap<>();
        for (TableSchema table : Tables.ALL) {
            // The writer's own DYNAMODB_TABLENAME is set per function (environment below).
            if (!table.writerVariable().equals(EnvVars.DYNAMODB_TABLENAME)) {
                all.put(table.writerVariable(), table.tableName());
            }
            table.readerVariable().ifPresent(variable -> all.put(variable, table.tableName()));
        }
        all.put(EnvVars.S3_BUCKET_NAME, BUCKET);
        all.put(EnvVars.SECRETMANAGER_NAME, LocalSystem.SECRETS);
        all.put(EnvVars.SECRETMANAGER_TOKEN_NAME, LocalSystem.TOKEN_SECRET);
        all.put(EnvVars.TZ, zone.getId());
        if (demo) {
            all.putAll(DemoData.urls(apisBase));
            all.put(EnvVars.DASHBOARD_BANNER, LocalSystem.DEMO_BANNER);
            all.put(EnvVars.WEBEX_NOTIFY_ROOM_ID, MessagesStandIn.ROOM);
        } else {
            secrets.environment().ifPresent(settings -> settings.fields()
                    .forEachRemaining(field -> all.put(field.getKey(), field.getValue().asText())));
        }
        return all;
    }

    /**
     * What one function's JVM gets: only the variables it reads, Lambda's region and credentials
     * (stand-in ones, or the user's own for the real Comprehend in live mode), and its endpoints.
     */
    public Map<String, String> environment(LocalFunction function) {
        Map<String, String> env = new LinkedHashMap<>();
        Stream.concat(function.variables().required().stream(), function.variables().optional().stream())
                .filter(values::containsKey)
                .forEach(name -> env.put(name, values.get(name)));
        String table = switch (function) {
            case STATUS -> StatusTable.SCHEMA.tableName();
            case TE -> AlertTable.SCHEMA.tableName();
            case TWITTERAPI -> TwitterTable.SCHEMA.tableName();
            case MTGQUALITY -> QualityTable.SCHEMA.tableName();
            case CORE -> null;
        };
        if (table != null) {
            env.put(EnvVars.DYNAMODB_TABLENAME, table);
        }
        env.put(EnvVars.AWS_REGION, System.getenv().getOrDefault(EnvVars.AWS_REGION, LocalSystem.REGION));
        boolean realComprehend = !demo && function.services().contains(Service.COMPREHEND);
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
                case DYNAMODB -> env.put(service.endpointVariable(), dynalite.endpoint().toString());
                case S3 -> env.put(service.endpointVariable(), s3Endpoint.toString());
                case SECRETS_MANAGER -> env.put(service.endpointVariable(), apis.baseUrl());
                case COMPREHEND -> {
                    if (demo) {
                        env.put(service.endpointVariable(), apis.baseUrl());
                    }
                }
            }
        }
        return env;
    }

    /** Whether the demo APIs answer (otherwise the functions call the real ones). */
    public boolean demo() {
        return demo;
    }

    /** An EventBridge scheduled event for a function. */
    public static String scheduledEvent(LocalFunction function, Instant now) {
        return LambdaEvents.scheduled(function.functionName(), now);
    }

    /**
     * The event of a run by hand: the scheduled event, but {@code {}} for mtgquality, whose
     * scheduled event only keeps its Webex token alive (docs/behaviour.md#mtgquality).
     */
    public static String handRunEvent(LocalFunction function, Instant now) {
        return LambdaEvents.handRun(function, now);
    }

    /** The API Gateway proxy event of {@code POST /tecloudagent} carrying a demo alert trigger. */
    public static String webhookEvent(Instant now) {
        try (InputStream in = DemoWorld.class.getResourceAsStream(DEMO_ALERT)) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return LambdaEvents.proxyRequest("/tecloudagent", Map.of("Content-Type", "application/json"), body, now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties a table (deleted and made again), so that the next run finds nothing stored. */
    public void emptyTable(TableSchema table) {
        dynalite.deleteTable(table.tableName());
        dynalite.createTable(table.createTableRequest());
    }

    public DynamoDbClient dynamo() {
        return dynalite.client();
    }

    public URI dynamoEndpoint() {
        return dynalite.endpoint();
    }

    /** The dynalite process (the local run's checks after shutdown). */
    public ProcessHandle dynaliteProcess() {
        return dynalite.process();
    }

    /** The demo's Webex space (demo mode only). */
    Optional<MessagesStandIn> messages() {
        return Optional.ofNullable(messages);
    }

    public S3Client s3() {
        return s3;
    }

    private static S3ProxyServer startS3(Optional<Path> dir) {
        try {
            return dir.map(S3ProxyServer::onDisk).orElseGet(S3ProxyServer::inMemory);
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping the stand-ins: " + e);
            }
        }
        started.clear();
    }
}
