package com.webexqoe.te.poll;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One hop of a path trace, as ThousandEyes reports it in v6 ({@code net.pathVis[].routes[].hops[]})
 * and v7 ({@code results[].pathTraces[].hops[]}): the same field names in both.
 *
 * @param number       {@code hop}, 1-based position on the route
 * @param responseTime {@code responseTime}, RTT to the hop in ms, exactly as sent
 * @param ipAddress    {@code ipAddress}
 * @param network      {@code network}, the AS that originates the prefix
 * @param location     {@code location}
 */
public record Hop(int number, Optional<BigDecimal> responseTime, Optional<String> ipAddress,
                  Optional<String> network, Optional<String> location) {
}
