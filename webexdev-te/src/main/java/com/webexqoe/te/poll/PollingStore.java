package com.webexqoe.te.poll;

/** Port: the polling table. */
public interface PollingStore {

    void save(PollingRecord record);
}
