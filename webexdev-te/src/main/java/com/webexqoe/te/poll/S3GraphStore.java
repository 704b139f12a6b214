package com.webexqoe.te.poll;

import com.webexqoe.common.s3.ObjectStore;

/** The graph files in the dashboard's bucket (docs/behaviour.md#bucket), read by the page on every refresh. */
public final class S3GraphStore implements GraphStore {

    /** The page polls these files; a browser must not keep an old route. */
    static final String CACHE_CONTROL = "no-cache";

    private final ObjectStore bucket;

    public S3GraphStore(ObjectStore bucket) {
        this.bucket = bucket;
    }

    @Override
    public void put(String key, byte[] json) {
        bucket.put(key, json, "application/json", CACHE_CONTROL);
    }
}
