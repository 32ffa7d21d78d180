package io.kycflow.store;

import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** KYC checks in the DynamoDB table: one item per check under its tenant, its state as JSON, versioned. */
public final class DynamoKycRepository implements KycRepository {
    private static final int BATCH_WRITE = 25;

    private final VersionedItems items;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoKycRepository(DynamoDbClient dynamo, String table) {
        this.items = new VersionedItems(dynamo, table);
        this.dynamo = dynamo;
        this.table = table;
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

    /**
     * Stores new checks (version 1) 25 to a request: a bulk import. Unlike {@link #create} it does not refuse an id
     * that exists, so it is only for checks nobody else writes (ids just made).
     */
    public void importAll(List<KycCheck> checks) {
        for (int from = 0; from < checks.size(); from += BATCH_WRITE) {
            List<WriteRequest> batch = new ArrayList<>();
            for (KycCheck check : checks.subList(from, Math.min(from + BATCH_WRITE, checks.size()))) {
                batch.add(WriteRequest.builder().putRequest(b -> b.item(item(check, 1))).build());
                check.setVersion(1);
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                if (!pending.isEmpty()) {
                    // throttled: back off before sending what was left
                    pause(Math.min(1_000, 25L << attempt));
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a bulk import", e);
        }
    }

    @Override
    public void save(KycCheck check) {
        check.setVersion(items.replaceNext(version -> item(check, version), check.version(), "check"));
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
