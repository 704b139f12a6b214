package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;

import java.util.List;
import java.util.Optional;

/**
 * The {@code items} of every page of a Webex list that could be read, and why the rest could not.
 *
 * @param items   the items of the pages read, in order
 * @param pages   how many pages were read
 * @param failure why reading stopped early, if it did
 */
public record Pages(List<JsonNode> items, int pages, Optional<WebexdevException> failure) {

    /** The items, or the failure when one page could not be read. */
    public List<JsonNode> orThrow() {
        if (failure.isPresent()) {
            throw failure.get();
        }
        return items;
    }
}
