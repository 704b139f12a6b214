package com.webexqoe.te.poll;

/** Port: where the route graph files and the raw path-vis file go (the dashboard's bucket). */
public interface GraphStore {

    /** Writes (replaces) one JSON object. */
    void put(String key, byte[] json);
}
