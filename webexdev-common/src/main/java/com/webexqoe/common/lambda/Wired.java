package com.webexqoe.common.lambda;

import java.util.List;

/**
 * What a function's wiring class builds once per container: the service its handler runs (a
 * collector, a dashboard run, a dispatcher's parts) and the SnapStart priming that warms it.
 */
public record Wired<T>(T service, SnapStartPriming priming) {

    /** A service handed in by a test: nothing to prime. */
    public static <T> Wired<T> unprimed(String function, T service) {
        return new Wired<>(service, new SnapStartPriming(function, List.of()));
    }
}
