package io.kycflow.store;

import io.kycflow.core.ConcurrentUpdateException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import static io.kycflow.store.KycflowTable.n;
import static io.kycflow.store.KycflowTable.s;

/**
 * Aggregates stored as one JSON document per item ({@code doc}) with a {@code version} for optimistic locking:
 * the shape journeys and KYC checks share.
 */
final class VersionedItems {
    /** A stored document and the version it was read at, with the whole item (its other attributes). */
    record Stored(String doc, long version, Map<String, AttributeValue> item) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    VersionedItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Optional<Stored> find(String pk, String sk) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(KycflowTable.key(pk, sk)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Stored(item.get("doc").s(), Long.parseLong(item.get("version").n()), item));
    }

    /** The item for a document at a version, with any extra attributes (index keys). */
    static Map<String, AttributeValue> item(String pk, String sk, String doc, long version, Map<String, AttributeValue> extra) {
        Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key(pk, sk));
        item.put("doc", s(doc));
        item.put("version", n(version));
        item.putAll(extra);
        return item;
    }

    /**
     * Writes the item built for the next version if the stored one is still at {@code current}, and returns that
     * next version: the caller's object takes it only once the write succeeded.
     */
    long replaceNext(LongFunction<Map<String, AttributeValue>> itemAt, long current, String what) {
        long next = current + 1;
        replace(itemAt.apply(next), current, what);
        return next;
    }

    /** Writes the item if its current version is {@code expected}. */
    void replace(Map<String, AttributeValue> item, long expected, String what) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expected))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException(what + " changed since it was read");
        }
    }

    /** Writes the item if no item has its key yet. */
    void create(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }
}
