package com.webexqoe.te;

/** Port: the polling table. */
public interface PollingStore {

    void save(PollingRecord record);
}
