package io.kycflow.store;

import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.kycflow.store.KycflowTable.n;
import static io.kycflow.store.KycflowTable.s;

/** Journeys in the DynamoDB table: one item per journey, its state as JSON, guarded by a version number. */
public final class DynamoJourneyRepository implements JourneyRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoJourneyRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Journey> find(String tenantId, String journeyId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(KycflowTable.key(KycflowTable.tenantKey(tenantId), "JOURNEY#" + journeyId)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(Journey.fromStorage(item.get("doc").s(), Long.parseLong(item.get("version").n())));
    }

    @Override
    public void create(Journey journey, String journeyTokenHash) {
        Map<String, AttributeValue> token = new HashMap<>(KycflowTable.key("JTOKEN#" + journeyTokenHash, "JTOKEN"));
        token.put("tenantId", s(journey.tenantId()));
        token.put("journeyId", s(journey.journeyId()));
        token.put("expiresAt", n(journey.expiresAt()));
        // Expired tokens are refused on read; TTL only tidies the table a day later.
        token.put(KycflowTable.TTL, n(journey.expiresAt() / 1000 + 86_400));
        journey.setVersion(1);
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(journey))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(token)
                        .conditionExpression("attribute_not_exists(pk)").build()).build()));
    }

    @Override
    public void save(Journey journey) {
        long expected = journey.version();
        journey.setVersion(expected + 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item(journey))
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expected))));
        } catch (ConditionalCheckFailedException e) {
            journey.setVersion(expected);
            throw new ConcurrentUpdateException("journey changed since it was read");
        }
    }

    private static Map<String, AttributeValue> item(Journey journey) {
        Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key(
                KycflowTable.tenantKey(journey.tenantId()), "JOURNEY#" + journey.journeyId()));
        item.put("doc", s(journey.toStorage()));
        item.put("version", n(journey.version()));
        // Tenant-scoped listing by creation time (submissions), newest first by scanning backwards.
        item.put("gsi1pk", s(KycflowTable.tenantKey(journey.tenantId()) + "#SUBMISSION"));
        item.put("gsi1sk", s(Instant.ofEpochMilli(journey.createdAt()) + "#" + journey.journeyId()));
        return item;
    }
}
