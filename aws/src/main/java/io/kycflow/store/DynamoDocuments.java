package io.kycflow.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;
import java.util.Optional;

/**
 * Write-once JSON records under a tenant (address screenings): {@code TENANT#<t> / <kind>#<id>}. Reads name the
 * tenant, so another tenant's record is simply not found.
 */
public final class DynamoDocuments {
    private final VersionedItems items;
    private final String kind;

    /** @param kind the sort key prefix, e.g. {@code KYA} */
    public DynamoDocuments(DynamoDbClient dynamo, String table, String kind) {
        this.items = new VersionedItems(dynamo, table);
        this.kind = kind;
    }

    public void create(String tenantId, String id, ObjectNode doc) {
        items.create(VersionedItems.item(KycflowTable.tenantKey(tenantId), kind + "#" + id, Json.write(doc), 1, Map.of()));
    }

    public Optional<ObjectNode> find(String tenantId, String id) {
        return items.find(KycflowTable.tenantKey(tenantId), kind + "#" + id)
                .map(stored -> (ObjectNode) Json.parse(stored.doc()));
    }
}
