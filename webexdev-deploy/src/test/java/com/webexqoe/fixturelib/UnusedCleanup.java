package com.webexqoe.fixturelib;

import com.webexqoe.common.dynamo.DynamoTable;

import java.util.Map;

/** Never run, and not referred to by the fixture function: its DeleteItem must not count. */
public final class UnusedCleanup {

    private final DynamoTable table;

    public UnusedCleanup(DynamoTable table) {
        this.table = table;
    }

    public void clean() {
        table.delete(Map.of());
    }
}
