package io.kycflow.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;

/**
 * The single table's key design. Items: {@code TENANT#<t> / JOURNEY#<id>} journeys, {@code TENANT#<t> / KYC#<jobId>}
 * KYC checks and {@code TENANT#<t> / KYC#<jobId>#HITS#<generation>#<n>} the hits they have no room for,
 * {@code APIKEY#<hash> / APIKEY} keys, {@code JTOKEN#<hash> / JTOKEN} journey tokens,
 * {@code TENANT#<t> / IDEMPOTENCY#<key>} replay records.
 * Tenant data always sits under its tenant's partition key.
 */
public final class KycflowTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1 = "gsi1";
    public static final String TTL = "ttl";
    public static final String GSI2 = "gsi2";
    /** Partitions of GSI2: spreads the monitored subjects' index writes; the monitoring sweep reads them in turn. */
    public static final int MONITORING_SHARDS = 8;

    private KycflowTable() {
    }

    /**
     * Makes the kinds of request the functions make on the table (a consistent read, a versioned write, an update,
     * a transaction, a batch write) on any client: a cold-start warm-up runs them on a client whose requests never
     * leave the JVM.
     */
    public static void warmUp(DynamoDbClient dynamo) {
        String table = "warm-up";
        VersionedItems items = new VersionedItems(dynamo, table);
        items.find(table, table);
        items.replaceNext(version -> VersionedItems.item(table, table, "{}", version, Map.of()), 1, table);
        dynamo.updateItem(b -> b.tableName(table).key(key(table, table)).updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", "a")).expressionAttributeValues(Map.of(":v", n(1))));
        dynamo.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName(table).item(key(table, table)))));
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
                WriteRequest.builder()
                        .putRequest(p -> p.item(key(table, table))).build()))));
    }

    public static String tenantKey(String tenantId) {
        return "TENANT#" + tenantId;
    }

    /** The GSI1 attributes that list a submission (journey or KYC check) in its tenant's listing, by creation time. */
    public static Map<String, AttributeValue> submissionIndex(String tenantId, long createdAtMillis, String id) {
        return Map.of("gsi1pk", s(tenantKey(tenantId) + "#SUBMISSION"),
                "gsi1sk", s(java.time.Instant.ofEpochMilli(createdAtMillis) + "#" + id));
    }

    /**
     * The GSI2 attributes that list a monitored check by the time it is next due ({@code gsi2sk}, epoch
     * milliseconds) in one of {@value #MONITORING_SHARDS} shards. The table keys, projected, name the check.
     */
    public static Map<String, AttributeValue> monitoringIndex(String tenantId, String id, long dueAtMillis) {
        int shard = Math.floorMod((tenantId + "/" + id).hashCode(), MONITORING_SHARDS);
        return Map.of("gsi2pk", s(monitoringShard(shard)), "gsi2sk", n(dueAtMillis));
    }

    public static String monitoringShard(int shard) {
        return "MONITOR#" + shard;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Creates the table as template.yaml defines it (local runtime and tests); an existing table is kept. */
    public static void create(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.createTable(b -> b.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("gsi1pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("gsi1sk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("gsi2pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("gsi2sk").attributeType(ScalarAttributeType.N).build())
                    .keySchema(
                            KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(GSI1)
                            .keySchema(
                                    KeySchemaElement.builder().attributeName("gsi1pk").keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName("gsi1sk").keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                            .build(),
                            GlobalSecondaryIndex.builder().indexName(GSI2)
                            .keySchema(
                                    KeySchemaElement.builder().attributeName("gsi2pk").keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName("gsi2sk").keyType(KeyType.RANGE).build())
                            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                            .build()));
        } catch (ResourceInUseException alreadyThere) {
            // Data survives restarts: keep the table we have.
        }
    }
}
