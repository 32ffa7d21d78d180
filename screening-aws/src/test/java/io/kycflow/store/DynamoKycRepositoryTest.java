package io.kycflow.store;

import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.backends.TestBackends;
import io.kycflow.core.ConcurrentUpdateException;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycHit;
import io.kycflow.kyc.ReviewStatus;
import io.kycflow.testing.ScreenedChecks;
import io.kycflow.testing.StoredItems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KYC checks of any size in DynamoDB Local: the hits a check's main item has no room for go to chunk items, a read
 * puts the check back together, tenant-scoped; chunks are written only when their hits change, and a writer that
 * loses a race leaves none behind. The hits come from the real lists (skipped without them).
 */
class DynamoKycRepositoryTest {
    private static final String TABLE = "kyc-repository-test";
    private static DynamoDbClient dynamo;
    private static DynamoKycRepository repository;

    @BeforeAll
    static void table() {
        dynamo = AwsClients.dynamoDb(new Settings(TestBackends.shared().environment()));
        KycflowTable.create(dynamo, TABLE);
        repository = new DynamoKycRepository(dynamo, TABLE);
    }

    private static KycCheck read(KycCheck check) {
        return repository.find(check.tenantId(), check.jobId()).orElseThrow();
    }

    private static List<String> chunkKeys(KycCheck check) {
        return StoredItems.chunkKeys(dynamo, TABLE, check.tenantId(), check.jobId());
    }

    private static Map<String, AttributeValue> mainItem(KycCheck check) {
        return StoredItems.ofCheck(dynamo, TABLE, check.tenantId(), check.jobId()).get(0);
    }

    /** The hits in the check's last chunk: stored away from the main item. */
    private static List<KycHit> lastHits(KycCheck check, int count) {
        List<KycHit> hits = new ArrayList<>(check.hits());
        return hits.subList(hits.size() - count, hits.size());
    }

    @Test
    void checksWithNoneAFewOrThousandsOfHitsComeBackWholeToTheirTenantOnly() {
        KycCheck none = ScreenedChecks.screened("tenant-a", "Zqxjv Wkpfh", 100);
        KycCheck few = ScreenedChecks.screened("tenant-a", "Nicolas Maduro Moros", 90);
        KycCheck all = ScreenedChecks.everyEntry("tenant-a");
        assertEquals(0, none.hits().size());
        assertFalse(few.hits().isEmpty(), "a listed name at min_score 90");
        for (KycCheck check : List.of(none, few, all)) {
            repository.create(check);
            KycCheck read = read(check);
            assertEquals(check.toStorage(), read.toStorage(), "every hit, in order, with its review");
            assertEquals(check.hits().size(), read.hits().size());
            assertEquals(1, read.version());
            for (Map<String, AttributeValue> item : StoredItems.ofCheck(dynamo, TABLE, "tenant-a", check.jobId())) {
                assertTrue(StoredItems.sizeOf(item) < StoredItems.ITEM_LIMIT, item.get("sk").s() + ": " + StoredItems.sizeOf(item));
            }
            assertTrue(repository.find("tenant-b", check.jobId()).isEmpty(), "another tenant cannot read it");
            assertEquals(List.of(), StoredItems.ofCheck(dynamo, TABLE, "tenant-b", check.jobId()));
        }
        assertEquals(List.of(), chunkKeys(none));
        assertEquals(List.of(), chunkKeys(few));
        List<String> chunks = chunkKeys(all);
        assertFalse(chunks.isEmpty());
        assertEquals(Integer.toString(chunks.size()), mainItem(all).get("hitChunks").n());
        int inMain = Json.parse(mainItem(all).get("doc").s()).get(KycCheck.STORED_HITS).size();
        assertTrue(inMain > 0 && inMain < all.hits().size(), inMain + " of " + all.hits().size() + " hits in the main item");

        // the whole check in one item, as it used to be stored, is what DynamoDB refuses
        Map<String, AttributeValue> whole = VersionedItems.item(KycflowTable.tenantKey("tenant-a"), "KYC#whole",
                all.toStorage(), 1, Map.of());
        assertTrue(StoredItems.sizeOf(whole) > StoredItems.ITEM_LIMIT);
        assertThrows(DynamoDbException.class, () -> dynamo.putItem(b -> b.tableName(TABLE).item(whole)));
    }

    @Test
    void aSaveWritesChunksOnlyWhenTheirHitsChange() {
        KycCheck check = ScreenedChecks.everyEntry("tenant-c");
        repository.create(check);
        List<String> created = chunkKeys(check);

        // the main part grows (a decision, metadata, a long note on a hit of the main item): the chunks stay
        KycCheck changed = read(check);
        long now = System.currentTimeMillis();
        changed.decide(false, "listed", "api_key:test", now);
        changed.replaceMetadata(Json.array().add(Json.object().put("key", "account").put("value", "x".repeat(2048))), now);
        changed.review(changed.hits().iterator().next().hitId(), ReviewStatus.CLEARED, "api_key:test", "n".repeat(2000), now);
        repository.save(changed);
        assertEquals(created, chunkKeys(check));
        assertEquals(changed.toStorage(), read(check).toStorage());

        // a hit in a chunk is reviewed: a new generation of chunks replaces the old one
        KycCheck reviewed = read(check);
        String chunked = lastHits(reviewed, 1).get(0).hitId();
        reviewed.review(chunked, ReviewStatus.CONFIRMED, "api_key:test", "same person", now);
        repository.save(reviewed);
        List<String> replaced = chunkKeys(check);
        assertTrue(Collections.disjoint(created, replaced), "the old generation is gone");
        assertEquals(Integer.toString(replaced.size()), mainItem(check).get("hitChunks").n());
        KycCheck back = read(check);
        assertEquals(reviewed.toStorage(), back.toStorage());
        assertEquals(ReviewStatus.CONFIRMED, back.hits().stream().filter(h -> h.hitId().equals(chunked)).findFirst()
                .orElseThrow().reviewStatus());
        assertEquals(3, back.version());
    }

    @Test
    void aWriterThatLosesTheRaceLeavesNoChunkBehind() {
        KycCheck check = ScreenedChecks.everyEntry("tenant-d");
        repository.create(check);
        KycCheck first = read(check);
        KycCheck second = read(check);
        long now = System.currentTimeMillis();
        first.review(lastHits(first, 2).get(1).hitId(), ReviewStatus.CLEARED, "api_key:first", null, now);
        repository.save(first);
        List<String> won = chunkKeys(check);

        second.review(lastHits(second, 2).get(0).hitId(), ReviewStatus.CONFIRMED, "api_key:second", null, now);
        assertThrows(ConcurrentUpdateException.class, () -> repository.save(second));
        assertEquals(won, chunkKeys(check));
        assertEquals(first.toStorage(), read(check).toStorage(), "the first write stands");

        // a second create of the same id is refused, and its chunks go too
        KycCheck again = KycCheck.fromStorage(check.storage(), 0);
        assertThrows(ConditionalCheckFailedException.class, () -> repository.create(again));
        assertEquals(won, chunkKeys(check));
    }
}
