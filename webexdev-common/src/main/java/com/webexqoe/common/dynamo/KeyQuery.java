package com.webexqoe.common.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One DynamoDB Query, described without the SDK's builder types: a partition key value, an
 * optional sort-key range, an optional index, an order and a limit.
 *
 * <pre>{@code
 * KeyQuery.on("byDay").partition("day", s("2026-11-28")).sortBetween("datetime", s(from), s(to))
 * KeyQuery.on("byUser").partition("useremail", s(email)).newestFirst().limit(1)
 * }</pre>
 */
public record KeyQuery(Optional<String> index, String partitionName, AttributeValue partitionValue,
                       Optional<SortRange> sort, boolean descending, OptionalInt limit) {

    /** {@code name BETWEEN from AND to} (both ends included), or one-sided when an end is absent. */
    public record SortRange(String name, Optional<AttributeValue> from, Optional<AttributeValue> to) {
    }

    /** A query of the table itself. */
    public static KeyQuery table() {
        return new KeyQuery(Optional.empty(), null, null, Optional.empty(), false, OptionalInt.empty());
    }

    /** A query of a global secondary index. */
    public static KeyQuery on(String index) {
        return new KeyQuery(Optional.of(index), null, null, Optional.empty(), false, OptionalInt.empty());
    }

    public KeyQuery partition(String name, AttributeValue value) {
        return new KeyQuery(index, name, value, sort, descending, limit);
    }

    public KeyQuery sortBetween(String name, AttributeValue from, AttributeValue to) {
        return withSort(new SortRange(name, Optional.of(from), Optional.of(to)));
    }

    public KeyQuery sortAtLeast(String name, AttributeValue from) {
        return withSort(new SortRange(name, Optional.of(from), Optional.empty()));
    }

    public KeyQuery sortAtMost(String name, AttributeValue to) {
        return withSort(new SortRange(name, Optional.empty(), Optional.of(to)));
    }

    /** Highest sort key first (DynamoDB's {@code ScanIndexForward=false}). */
    public KeyQuery newestFirst() {
        return new KeyQuery(index, partitionName, partitionValue, sort, true, limit);
    }

    /** At most {@code count} items in all (pagination stops there). */
    public KeyQuery limit(int count) {
        return new KeyQuery(index, partitionName, partitionValue, sort, descending, OptionalInt.of(count));
    }

    private KeyQuery withSort(SortRange range) {
        return new KeyQuery(index, partitionName, partitionValue, Optional.of(range), descending, limit);
    }
}
