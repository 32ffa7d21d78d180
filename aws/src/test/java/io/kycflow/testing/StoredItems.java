package io.kycflow.testing;

import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The raw items a KYC check is stored in, read back from the table, and their sizes as DynamoDB counts them. */
public final class StoredItems {
    /** DynamoDB's limit on the size of one item. */
    public static final int ITEM_LIMIT = 400 * 1024;

    private StoredItems() {
    }

    /** Every item of the check in its tenant's partition: the main item, then its hit chunks, if any. */
    public static List<Map<String, AttributeValue>> ofCheck(DynamoDbClient dynamo, String table, String tenantId, String jobId) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :check)")
                        .expressionAttributeValues(Map.of(":pk", KycflowTable.s(KycflowTable.tenantKey(tenantId)),
                                ":check", KycflowTable.s("KYC#" + jobId))))
                .items().forEach(items::add);
        return items;
    }

    /** The sort keys of the check's hit chunks. */
    public static List<String> chunkKeys(DynamoDbClient dynamo, String table, String tenantId, String jobId) {
        return ofCheck(dynamo, table, tenantId, jobId).stream().map(item -> item.get(KycflowTable.SK).s())
                .filter(sk -> sk.contains("#HITS#")).toList();
    }

    /**
     * An item's size: the UTF-8 lengths of its attribute names and values (a number counted as its digits, which is
     * more than DynamoDB counts).
     */
    public static int sizeOf(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            AttributeValue value = attribute.getValue();
            size += utf8(attribute.getKey()) + (value.s() != null ? utf8(value.s()) : value.n().length());
        }
        return size;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
