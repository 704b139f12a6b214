package com.webexqoe.core;

import java.time.Instant;

/** Where the dashboard's data comes from: the five tables and the user's e-mail. */
public interface DashboardSources {

    /** One logical read of each source for the run at {@code now}; a source that fails is named in the snapshot. */
    Snapshot read(Instant now);

    /** The sources for the log line (table names, no secret). */
    String describe();
}
