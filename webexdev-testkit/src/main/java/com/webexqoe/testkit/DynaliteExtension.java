package com.webexqoe.testkit;

import com.webexqoe.standins.Dynalite;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * JUnit extension: one dynalite per test JVM (started on first use, stopped when the JVM's
 * tests end), every table deleted before each test, the project's tables made on request.
 *
 * <pre>{@code @RegisterExtension static final DynaliteExtension dynamo = new DynaliteExtension();}</pre>
 */
public final class DynaliteExtension implements BeforeAllCallback, BeforeEachCallback {

    private Dynalite dynalite;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes AutoCloseable values when the test JVM's tests are done.
        dynalite = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Dynalite.class, key -> Dynalite.start(), Dynalite.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        dynalite.deleteAllTables();
    }

    public URI endpoint() {
        return dynalite.endpoint();
    }

    public DynamoDbClient client() {
        return dynalite.client();
    }

    /** Deletes one table and waits until it is gone. */
    public void drop(String table) {
        dynalite.deleteTable(table);
    }

    /** Creates a table (the project's: their schema's {@code createTableRequest()} in webexdev-common). */
    public void create(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest request) {
        dynalite.createTable(request);
    }

    public List<Map<String, AttributeValue>> scan(String table) {
        return dynalite.client().scanPaginator(r -> r.tableName(table)).items().stream().toList();
    }
}
