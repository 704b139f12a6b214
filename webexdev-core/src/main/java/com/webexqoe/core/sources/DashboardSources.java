package com.webexqoe.core.sources;

import com.webexqoe.common.dynamo.DynamoTable;

import java.time.Instant;

/** Where the dashboard's data comes from: the five tables and the user's e-mail. */
public interface DashboardSources {

    /** One logical read of each source for the run at {@code now}; a source that fails is named in the snapshot. */
    Snapshot read(Instant now);

    /** The sources for the log line (table names, no secret). */
    String describe();

    /**
     * Items read and read capacity consumed by this object's reads so far (a run logs the
     * difference before and after its read); zero where the source does not count them.
     */
    default DynamoTable.ReadCost readCost() {
        return new DynamoTable.ReadCost(0, 0);
    }
}
