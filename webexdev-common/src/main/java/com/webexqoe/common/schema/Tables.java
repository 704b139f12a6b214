package com.webexqoe.common.schema;

import java.util.List;

/** Every table of the project, for the stand-ins that create them and the tests that check them. */
public final class Tables {

    /** The tables the functions use: all six (core writes the health table when it is configured). */
    public static final List<TableSchema> IN_USE = List.of(StatusTable.SCHEMA, AlertTable.SCHEMA, PollingTable.SCHEMA,
            TwitterTable.SCHEMA, QualityTable.SCHEMA, HealthTable.SCHEMA);

    /** Every declared table, {@link HealthTable} included. */
    public static final List<TableSchema> ALL = List.of(StatusTable.SCHEMA, AlertTable.SCHEMA, PollingTable.SCHEMA,
            TwitterTable.SCHEMA, QualityTable.SCHEMA, HealthTable.SCHEMA);

    private Tables() {
    }
}
