package com.webexqoe.core;

import com.webexqoe.testkit.ProjectItems;

import java.time.ZoneId;

/** The testkit's items in the other functions' formats, under the name the core's tests use. */
final class SeedItems extends ProjectItems {

    SeedItems(ZoneId zone) {
        super(zone);
    }
}
