package com.webexqoe.fixturefn;

import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.dynamo.KeyQuery;
import com.webexqoe.common.s3.ObjectStore;
import com.webexqoe.fixturelib.TokenRotation;
import software.amazon.awssdk.services.s3.S3Client;

/** Never run: CodeActionsTest reads its class file to see which AWS actions it refers to. */
public final class FixtureHandler {

    private final DynamoTable table;
    private final ObjectStore store;
    private final TokenRotation rotation;

    public FixtureHandler(DynamoTable table, ObjectStore store, TokenRotation rotation) {
        this.table = table;
        this.store = store;
        this.rotation = rotation;
    }

    public void run(KeyQuery query, S3Client s3) {
        table.query(query);
        store.head("style.css");
        rotation.rotate();
        Runnable later = () -> s3.listObjectsV2Paginator(b -> b.bucket("bucket"));
        later.run();
    }
}
