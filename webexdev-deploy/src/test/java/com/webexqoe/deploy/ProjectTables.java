package com.webexqoe.deploy;

import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.HealthTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.common.schema.QualityTable;
import com.webexqoe.common.schema.StatusTable;
import com.webexqoe.common.schema.TableSchema;
import com.webexqoe.common.schema.TwitterTable;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The six tables the functions use, by the names {@code function-access.yaml} gives them; each is its schema in
 * {@code com.webexqoe.common.schema}, which is the definition.
 */
public enum ProjectTables {

    STATUS(StatusTable.SCHEMA),
    TE(AlertTable.SCHEMA),
    TE_POLLING(PollingTable.SCHEMA),
    TWITTER(TwitterTable.SCHEMA),
    MTGQUALITY(QualityTable.SCHEMA),
    HEALTH(HealthTable.SCHEMA);

    private final TableSchema schema;

    ProjectTables(TableSchema schema) {
        this.schema = schema;
    }

    public TableSchema schema() {
        return schema;
    }

    public String tableName() {
        return schema.tableName();
    }

    public CreateTableRequest createRequest() {
        return schema.createTableRequest();
    }
}
