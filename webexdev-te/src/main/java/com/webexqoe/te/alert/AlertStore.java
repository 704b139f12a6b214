package com.webexqoe.te.alert;

import java.time.Instant;

/** Port: the alerts table. */
public interface AlertStore {

    /**
     * Records that the notification {@code eventId} is being stored; false when it already was (a
     * redelivery).
     */
    boolean claim(String eventId, Instant receivedAt);

    /** Stores the alert item, received at {@code receivedAt}. */
    void save(Alert alert, Instant receivedAt);

    /** Forgets a claim whose alert could not be stored, so that the redelivery is accepted. */
    void release(String eventId);
}
