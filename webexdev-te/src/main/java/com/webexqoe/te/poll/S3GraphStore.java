package com.webexqoe.te.poll;

import com.webexqoe.common.s3.ObjectStore;

/** The graph files in the dashboard's bucket (docs/behaviour.md#bucket), read by the page on every refresh. */
public record S3GraphStore(ObjectStore bucket) implements GraphStore {

    /** The page polls these files; a browser must not keep an old route. */
    static final String CACHE_CONTROL = "no-cache";

    @Override
    public void put(String key, byte[] json) {
        bucket.put(key, json, "application/json", CACHE_CONTROL);
    }
}
