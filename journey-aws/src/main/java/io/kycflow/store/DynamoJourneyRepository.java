package io.kycflow.store;

import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.kycflow.store.KycflowTable.n;
import static io.kycflow.store.KycflowTable.s;

/** Journeys in the DynamoDB table: one item per journey, its state as JSON, guarded by a version number. */
public final class DynamoJourneyRepository implements JourneyRepository {
    private final DynamoDbClient dynamo;
    private final String table;
    private final VersionedItems items;

    public DynamoJourneyRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = new VersionedItems(dynamo, table);
    }

    @Override
    public Optional<Journey> find(String tenantId, String journeyId) {
        return items.find(KycflowTable.tenantKey(tenantId), "JOURNEY#" + journeyId)
                .map(stored -> Journey.fromStorage(stored.doc(), stored.version()));
    }

    @Override
    public void create(Journey journey, String journeyTokenHash) {
        Map<String, AttributeValue> token = new HashMap<>(KycflowTable.key("JTOKEN#" + journeyTokenHash, "JTOKEN"));
        token.put("tenantId", s(journey.tenantId()));
        token.put("journeyId", s(journey.journeyId()));
        token.put("expiresAt", n(journey.expiresAt()));
        // Expired tokens are refused on read; TTL only tidies the table a day later.
        token.put(KycflowTable.TTL, n(journey.expiresAt() / 1000 + 86_400));
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(journey, 1))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(token)
                        .conditionExpression("attribute_not_exists(pk)").build()).build()));
        journey.setVersion(1);
    }

    @Override
    public void save(Journey journey) {
        journey.setVersion(items.replaceNext(version -> item(journey, version), journey.version(), "journey"));
    }

    private static Map<String, AttributeValue> item(Journey journey, long version) {
        return VersionedItems.item(KycflowTable.tenantKey(journey.tenantId()), "JOURNEY#" + journey.journeyId(),
                journey.toStorage(), version, KycflowTable.submissionIndex(journey.tenantId(), journey.createdAt(), journey.journeyId()));
    }
}
