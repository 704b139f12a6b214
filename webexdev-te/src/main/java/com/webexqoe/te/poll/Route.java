package com.webexqoe.te.poll;

import java.util.List;

/** One route (path trace) of one agent: its hops in the order ThousandEyes listed them. */
public record Route(List<Hop> hops) {

    public Route {
        hops = List.copyOf(hops);
    }
}
