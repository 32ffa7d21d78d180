package io.kycflow.store;

import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** KYC checks in the DynamoDB table: one item per check under its tenant, its state as JSON, versioned. */
public final class DynamoKycRepository implements KycRepository {
    private final VersionedItems items;

    public DynamoKycRepository(DynamoDbClient dynamo, String table) {
        this.items = new VersionedItems(dynamo, table);
    }

    @Override
    public Optional<KycCheck> find(String tenantId, String jobId) {
        return items.find(KycflowTable.tenantKey(tenantId), "KYC#" + jobId)
                .map(stored -> KycCheck.fromStorage(stored.doc(), stored.version()));
    }

    @Override
    public void create(KycCheck check) {
        items.create(item(check, 1));
        check.setVersion(1);
    }

    @Override
    public void save(KycCheck check) {
        long next = check.version() + 1;
        // written at the next version; the object takes it only once the write succeeded
        items.replace(item(check, next), check.version(), "check");
        check.setVersion(next);
    }

    private static Map<String, AttributeValue> item(KycCheck check, long version) {
        Map<String, AttributeValue> indexes = new HashMap<>(
                KycflowTable.submissionIndex(check.tenantId(), check.createdAt(), check.jobId()));
        if (check.nextMonitoringAt() != null) {
            // the whole item is replaced on save, so a check no longer monitored leaves the monitoring index
            indexes.putAll(KycflowTable.monitoringIndex(check.tenantId(), check.jobId(), check.nextMonitoringAt()));
        }
        return VersionedItems.item(KycflowTable.tenantKey(check.tenantId()), "KYC#" + check.jobId(), check.toStorage(),
                version, indexes);
    }
}
