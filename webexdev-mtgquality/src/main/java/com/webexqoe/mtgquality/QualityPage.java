package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One page of Get Meeting Qualities.
 *
 * @param items       its {@code items[]}
 * @param next        the {@code Link: rel="next"} page, when there is one on an allowed host
 * @param refusedNext why a next link was not kept (it pointed to a host the token may not go to)
 */
public record QualityPage(List<JsonNode> items, Optional<URI> next, Optional<String> refusedNext) {

    public QualityPage {
        items = List.copyOf(items);
    }
}
