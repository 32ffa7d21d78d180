package io.kycflow.store;

import io.kycflow.kyc.MonitoredSubject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monitored KYC checks, read from the sparse GSI2 one shard and one page at a time: those due by a time, or all
 * of them. A page ends with the key to continue from, which the sweep keeps as its checkpoint. This is the one read
 * across tenants: it yields only identifiers, and every read of a check itself names its tenant.
 */
public final class MonitoringIndex {
    /**
     * One page of a shard.
     *
     * @param next where the next page starts; null when the shard is done
     */
    public record Page(List<MonitoredSubject> subjects, Map<String, AttributeValue> next) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public MonitoringIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * A page of the shard's checks due at or before {@code dueBy} (epoch milliseconds), or of all its checks when
     * {@code dueBy} is null.
     *
     * @param from where to start; null for the shard's beginning
     */
    public Page page(int shard, Long dueBy, Map<String, AttributeValue> from, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(KycflowTable.GSI2).limit(limit);
        if (dueBy == null) {
            query.keyConditionExpression("gsi2pk = :shard")
                    .expressionAttributeValues(Map.of(":shard", KycflowTable.s(KycflowTable.monitoringShard(shard))));
        } else {
            query.keyConditionExpression("gsi2pk = :shard AND gsi2sk <= :due")
                    .expressionAttributeValues(Map.of(":shard", KycflowTable.s(KycflowTable.monitoringShard(shard)),
                            ":due", KycflowTable.n(dueBy)));
        }
        if (from != null && !from.isEmpty()) {
            query.exclusiveStartKey(from);
        }
        QueryResponse response = dynamo.query(query.build());
        List<MonitoredSubject> subjects = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            subjects.add(new MonitoredSubject(item.get(KycflowTable.PK).s().substring(KycflowTable.tenantKey("").length()),
                    item.get(KycflowTable.SK).s().substring("KYC#".length())));
        }
        return new Page(subjects, response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey() : null);
    }
}
