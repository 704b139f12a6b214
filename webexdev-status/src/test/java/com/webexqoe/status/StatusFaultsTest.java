package com.webexqoe.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.standins.Dynalite;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.standins.StandIns;
import com.webexqoe.testkit.StandInEnv;
import com.webexqoe.testkit.faults.DeadEndpoints;
import com.webexqoe.testkit.faults.FaultRun;
import com.webexqoe.testkit.faults.HttpFault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of every dependency of the status function, through its real entry point with a
 * 6-second Lambda timeout: the feed (each {@link HttpFault}) and DynamoDB (a closed port, a hung
 * server, a stand-in stopped between two runs of one warm container). Each run must end in time
 * with an error naming the dependency and quoting no body, leave the stored items as they were,
 * and the next run after the fault clears must store normally.
 */
class StatusFaultsTest {

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final WireMockExtension feedServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(6);
    static final String FEED_PATH = "/history.rss";
    static final String TABLE = StatusTable.SCHEMA.tableName();
    static final Instant FIRST = Instant.parse("2026-11-27T09:15:00Z");
    static final Instant LATER = FIRST.plus(Duration.ofMinutes(5));
    static final byte[] FEED = Fixtures.feed("history-incidents-and-maintenance.xml");
    static final byte[] EVENT = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}".getBytes();

    @BeforeEach
    void table() {
        dynamo.create(StatusTable.SCHEMA.createTableRequest());
    }

    static StandInEnv env(URI dynamoEndpoint) {
        return StandInEnv.create()
                .dynamoDb(dynamoEndpoint)
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("TZ", "Asia/Tokyo")
                .set("STATUS_RSS_URL", feedServer.baseUrl() + FEED_PATH)
                .set("STATUS_API_BASE_URL", feedServer.baseUrl() + "/api")
                .set("HTTP_CONNECT_TIMEOUT_MS", "500")
                .set("HTTP_READ_TIMEOUT_MS", "800")
                .set("HTTP_MAX_ATTEMPTS", "2");
    }

    static FaultRun run(StandInEnv env, Instant now) {
        return run(env, now, LAMBDA_TIMEOUT);
    }

    static FaultRun run(StandInEnv env, Instant now, Duration timeout) {
        return FaultRun.invoke(() -> new StatusHandler(Env.of(env.toMap()), Clock.fixed(now, ZoneOffset.UTC)),
                StatusHandler.FUNCTION, EVENT, timeout);
    }

    static void serveFeed() {
        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody(FEED)));
    }

    static List<Map<String, AttributeValue>> items() {
        return dynamo.scan(TABLE).stream().sorted(Comparator.comparing(item -> item.get("title").s())).toList();
    }

    static long expiresAt(Instant seen) {
        return seen.plus(DynamoStatusStore.RETENTION).getEpochSecond();
    }

    @ParameterizedTest(name = "status feed: {0}")
    @EnumSource(HttpFault.class)
    void aFeedFaultFailsNamingTheFeedKeepsTheItemsAndTheNextRunStores(HttpFault fault) {
        serveFeed();
        run(env(dynamo.endpoint()), FIRST).leaksNothing(List.of(StandIns.SECRET_KEY)).succeeded();
        List<Map<String, AttributeValue>> before = items();
        assertThat(before).hasSize(4);

        feedServer.stubFor(get(urlEqualTo(FEED_PATH)).willReturn(fault.response(FEED, "application/rss+xml", "Retry-After")));
        FaultRun failed = run(env(dynamo.endpoint()), LATER);

        failed.endedInTime().failedNaming("status feed").leaksNothing(List.of());
        assertThat(items()).as("items after the failed run").isEqualTo(before);

        serveFeed();
        run(env(dynamo.endpoint()), LATER).leaksNothing(List.of(StandIns.SECRET_KEY)).succeeded();
        assertThat(items()).hasSize(4).allSatisfy(item -> {
            assertThat(item.keySet()).contains("title", "Status", "expiresAt");
            assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(expiresAt(LATER)));
        });
    }

    @Test
    void dynamoDbOnAClosedPortFailsFastNamingTheTable() {
        serveFeed();
        FaultRun failed = run(env(DeadEndpoints.closedPort()), FIRST);

        failed.endedInTime().failedNaming("DynamoDB", TABLE).leaksNothing(List.of(StandIns.SECRET_KEY));
        assertThat(failed.elapsed()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aHungDynamoDbFailsWithinTheSdksCallTimeoutNamingTheTable() {
        serveFeed();
        try (DeadEndpoints.Blackhole hung = new DeadEndpoints.Blackhole()) {
            // AwsClientSettings.API_CALL_TIMEOUT (7 s) ends the call; the status function's own timeout is 20 s.
            FaultRun failed = run(env(hung.endpoint()), FIRST, Duration.ofSeconds(10));

            failed.endedInTime().failedNaming("DynamoDB", TABLE).leaksNothing(List.of(StandIns.SECRET_KEY));
            assertThat(hung.connections()).isPositive();
            assertThat(failed.elapsed()).isLessThan(AwsClientSettings.API_CALL_TIMEOUT.plusSeconds(1));
        }
    }

    @Test
    void aDynamoDbStoppedBetweenRunsOfAWarmContainerFailsThenTheRestartedOneStores(@TempDir Path data) {
        serveFeed();
        int port = StandIns.freePort();
        Dynalite own = Dynalite.start(data, port);
        StatusHandler[] warm = new StatusHandler[1];
        try {
            own.createTable(StatusTable.SCHEMA.createTableRequest());
            StandInEnv env = env(own.endpoint());
            FaultRun first = FaultRun.invoke(() -> warm[0] = new StatusHandler(Env.of(env.toMap()), Clock.fixed(FIRST, ZoneOffset.UTC)),
                    StatusHandler.FUNCTION, EVENT, LAMBDA_TIMEOUT);
            first.succeeded();
        } finally {
            own.close();
        }

        FaultRun failed = FaultRun.invoke(() -> warm[0], StatusHandler.FUNCTION, EVENT, LAMBDA_TIMEOUT);
        failed.endedInTime().failedNaming("DynamoDB", TABLE).leaksNothing(List.of(StandIns.SECRET_KEY));

        Dynalite restarted = Dynalite.start(data, port);
        try {
            FaultRun.invoke(() -> warm[0], StatusHandler.FUNCTION, EVENT, LAMBDA_TIMEOUT).succeeded();
            assertThat(restarted.client().scan(r -> r.tableName(TABLE)).items()).hasSize(4);
        } finally {
            restarted.close();
        }
    }
}
