package com.webexqoe.te.poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import com.webexqoe.te.Fixtures;
import com.webexqoe.te.TeException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route graphs from path-vis answers written after the ThousandEyes API reference (v6 and v7). */
class RouteGraphBuilderTest {

    private final PathVisReader reader = new PathVisReader();
    private final RouteGraphBuilder builder = new RouteGraphBuilder();

    private List<Route> v7Routes() {
        PathVisListing listing = reader.listing(Fixtures.te("path-vis-v7-mmp-list.json"));
        assertThat(listing).isInstanceOf(PathVisListing.Rounds.class);
        List<Route> routes = new ArrayList<>();
        for (AgentRound round : ((PathVisListing.Rounds) listing).rounds()) {
            String detail = switch (round.agentId()) {
                case "101" -> "path-vis-v7-mmp-agent-101-gap-and-full.json";
                case "202" -> "path-vis-v7-mmp-agent-202-one-hop-and-late-start.json";
                default -> throw new AssertionError(round);
            };
            routes.addAll(reader.detailRoutes(Fixtures.te(detail)));
        }
        return routes;
    }

    private JsonNode graphs(List<Route> routes) throws Exception {
        return Json.MAPPER.readTree(builder.file(routes));
    }

    @Test
    void v7ListAsksForEachAgentsLatestRoundInTheOrderAgentsAppear() {
        PathVisListing listing = reader.listing(Fixtures.te("path-vis-v7-mmp-list.json"));

        assertThat(((PathVisListing.Rounds) listing).rounds()).containsExactly(
                new AgentRound("101", "1764234600"), new AgentRound("202", "1764234300"));
    }

    @Test
    void aRouteWithAHopGapHasAnInactiveNodeWithNullValuesAndAHopWithoutNetworkOrLocationHasNulls() {
        List<Route> routes = reader.detailRoutes(Fixtures.te("path-vis-v7-mmp-agent-101-gap-and-full.json"));

        String graph = Json.write(builder.graph(routes.get(0)).orElseThrow());

        assertThat(graph).isEqualTo("{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":["
                + "{\"id\":0,\"name\":\"hop1\",\"nc\":\"active\",\"rt\":1,\"ip\":\"203.0.113.1\",\"nw\":\"Home ISP (AS 64500)\",\"lc\":\"Tokyo, Japan\"},"
                + "{\"id\":1,\"name\":\"hop2\",\"nc\":\"active\",\"rt\":4,\"ip\":\"192.0.2.1\",\"nw\":\"Transit Net (AS 64501)\",\"lc\":\"Tokyo, Japan\"},"
                + "{\"id\":2,\"name\":\"hop3\",\"nc\":\"active\",\"rt\":12,\"ip\":\"192.0.2.77\",\"nw\":\"Transit Net (AS 64501)\",\"lc\":\"Osaka, Japan\"},"
                + "{\"id\":3,\"name\":\"hop4\",\"nc\":\"inactive\",\"rt\":null,\"ip\":null,\"nw\":null,\"lc\":null},"
                + "{\"id\":4,\"name\":\"hop5\",\"nc\":\"active\",\"rt\":22,\"ip\":\"198.51.100.10\",\"nw\":null,\"lc\":null}],"
                + "\"links\":[{\"source\":0,\"target\":1},{\"source\":1,\"target\":2},{\"source\":2,\"target\":3},{\"source\":3,\"target\":4}]}");
    }

    @Test
    void everyRouteOfEveryAgentIsOneGraphInOrder() throws Exception {
        JsonNode graphs = graphs(v7Routes());

        assertThat(graphs).hasSize(4);
        assertThat(graphs.get(0).get("nodes")).hasSize(5);
        assertThat(graphs.get(1).get("nodes")).hasSize(5);
        assertThat(graphs.get(1).get("nodes").findValuesAsText("nc")).containsOnly("active");
        assertThat(graphs.get(1).get("links")).hasSize(4);
    }

    @Test
    void aOneHopRouteIsOneNodeWithoutLinks() throws Exception {
        JsonNode oneHop = graphs(v7Routes()).get(2);

        assertThat(Json.write(oneHop)).isEqualTo("{\"directed\":true,\"multigraph\":false,\"graph\":{},\"nodes\":["
                + "{\"id\":0,\"name\":\"hop1\",\"nc\":\"active\",\"rt\":3,\"ip\":\"198.51.100.10\",\"nw\":\"Cisco Webex LLC (AS 13445)\",\"lc\":\"Osaka, Japan\"}],"
                + "\"links\":[]}");
    }

    @Test
    void aRouteStartingAtHopTwoBeginsWithAnInactiveNode() throws Exception {
        JsonNode lateStart = graphs(v7Routes()).get(3);

        assertThat(lateStart.get("nodes")).hasSize(3);
        assertThat(lateStart.get("nodes").get(0).get("nc").asText()).isEqualTo("inactive");
        assertThat(lateStart.get("nodes").get(0).get("rt").isNull()).isTrue();
        assertThat(lateStart.get("nodes").get(2).get("ip").asText()).isEqualTo("198.51.100.10");
        assertThat(lateStart.get("links")).hasSize(2);
    }

    @Test
    void v6AndV7AnswersWithTheSameDataGiveByteIdenticalFiles() {
        PathVisListing v6 = reader.listing(Fixtures.te("path-vis-v6-mmp-two-agents.json"));
        assertThat(v6).isInstanceOf(PathVisListing.Routes.class);

        byte[] fromV6 = builder.file(((PathVisListing.Routes) v6).routes());
        byte[] fromV7 = builder.file(v7Routes());

        assertThat(new String(fromV6, StandardCharsets.UTF_8)).isEqualTo(new String(fromV7, StandardCharsets.UTF_8));
        assertThat(fromV6).hasSizeGreaterThan(1000);
    }

    @Test
    void hopsOutOfOrderAndRepeatedNumbersAreDrawnByNumberFirstReportWinning() {
        Route route = new Route(List.of(
                hop(2, "10.0.0.2"), hop(1, "10.0.0.1"), hop(2, "10.0.0.99")));

        JsonNode graph = builder.graph(route).orElseThrow();

        assertThat(graph.get("nodes").findValuesAsText("ip")).containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void aRouteWithoutHopsGivesNoGraph() {
        assertThat(builder.graph(new Route(List.of()))).isEmpty();
        assertThat(new String(builder.file(List.of(new Route(List.of()))), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void decimalResponseTimesAreWrittenExactly() {
        Route route = new Route(List.of(new Hop(1, Optional.of(new BigDecimal("0.125")), Optional.empty(), Optional.empty(),
                Optional.empty())));

        assertThat(Json.write(builder.graph(route).orElseThrow())).contains("\"rt\":0.125");
    }

    @Test
    void malformedAnswersAreRefusedWithWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> reader.listing(Json.read("{\"tests\":[]}")))
                .isInstanceOf(TeException.class).hasMessageContaining("neither net.pathVis (v6) nor results (v7)");
        assertThatThrownBy(() -> reader.listing(Json.read("{\"results\":{}}")))
                .isInstanceOf(TeException.class).hasMessageContaining("results is not an array");
        assertThatThrownBy(() -> reader.listing(Json.read("{\"results\":[{\"roundId\":1}]}")))
                .isInstanceOf(TeException.class).hasMessageContaining("results[0] has no agent.agentId");
        assertThatThrownBy(() -> reader.detailRoutes(Json.read("{\"results\":[{\"pathTraces\":[{\"hops\":[{\"hop\":\"one\"}]}]}]}")))
                .isInstanceOf(TeException.class).hasMessageContaining("results[0].pathTraces[0].hops[0].hop is not a hop number");
        assertThatThrownBy(() -> reader.detailRoutes(Json.read("{\"results\":[{\"pathTraces\":[{\"hops\":[{\"hop\":100000}]}]}]}")))
                .isInstanceOf(TeException.class).hasMessageContaining("from 1 to 255");
        assertThatThrownBy(() -> reader.listing(Json.read("[1,2]")))
                .isInstanceOf(TeException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void aV7AnswerWhoseTracesAlreadyCarryHopsNeedsNoDetailCalls() {
        PathVisListing listing = reader.listing(Fixtures.te("path-vis-v7-mmp-agent-101-gap-and-full.json"));

        assertThat(listing).isInstanceOf(PathVisListing.Routes.class);
        assertThat(((PathVisListing.Routes) listing).routes()).hasSize(2);
    }

    private static Hop hop(int number, String ip) {
        return new Hop(number, Optional.empty(), Optional.of(ip), Optional.empty(), Optional.empty());
    }
}
