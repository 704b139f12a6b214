package com.webexqoe.te.poll;

import java.util.List;

/**
 * What a configured path-vis URL answered, told apart by the response itself (never by a flag).
 */
public sealed interface PathVisListing {

    /** The hops are in the answer: v6 ({@code net.pathVis[].routes[]}), or a v7 answer whose traces carry hops. */
    record Routes(String shape, List<Route> routes) implements PathVisListing {
        public Routes {
            routes = List.copyOf(routes);
        }
    }

    /** A v7 list ({@code results[]} per agent, traces without hops): one detail call per agent. */
    record Rounds(List<AgentRound> rounds) implements PathVisListing {
        public Rounds {
            rounds = List.copyOf(rounds);
        }
    }
}
