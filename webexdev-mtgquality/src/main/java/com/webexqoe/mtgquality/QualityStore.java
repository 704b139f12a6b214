package com.webexqoe.mtgquality;

import java.time.Instant;
import java.util.List;

/** Port: where participants' quality records are kept. */
public interface QualityStore {

    /** Stores (or overwrites) one item per record, read at {@code readAt}. */
    void saveAll(List<ParticipantQuality> records, Instant readAt);
}
