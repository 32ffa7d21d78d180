package io.kycflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.Log;
import io.kycflow.core.ConcurrentUpdateException;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static io.kycflow.store.KycflowTable.n;
import static io.kycflow.store.KycflowTable.s;

/**
 * KYC checks in the DynamoDB table, under their tenant's partition. A check can have more hits than one item holds
 * (400 KB), so it is stored in parts: the main item {@code KYC#<jobId>} holds the check as JSON with its version
 * (optimistic locking), its index attributes and the first hits that fit in {@value #DOC_BUDGET} bytes; the other
 * hits fill chunk items {@code KYC#<jobId>#HITS#<generation>#<n>} of at most that size, which the main item names
 * (generation, count). A write puts a new generation's chunks first, then the main item, then deletes the generation
 * it replaced, so the main item only ever names chunks that exist, and what a failure leaves behind are chunks
 * nothing names. A write that leaves the hits in the chunks as they were writes the main item only.
 */
public final class DynamoKycRepository implements KycRepository {
    /** Bytes of JSON a new cut puts in one item (the main item's document, a chunk's hits). */
    static final int DOC_BUDGET = 300 * 1024;
    /**
     * Bytes of JSON the main item may grow to while it keeps its hits: decisions, metadata and reviews of its own
     * hits then leave the chunks alone. Still well under DynamoDB's 400 KB with the keys and index attributes.
     */
    static final int MAIN_LIMIT = 360 * 1024;
    private static final int BATCH_WRITE = 25;
    private static final int READ_ATTEMPTS = 3;
    private static final String GENERATION = "hitGeneration";
    private static final String CHUNK_COUNT = "hitChunks";
    private static final String DIGEST = "hitDigest";
    private static final String CHUNK_HITS = "hits";

    /**
     * One generation of chunks: a random id (no two writes share one), how many, a digest of their content, and how
     * many hits the main item holds before them.
     */
    private record Chunks(String generation, int count, String digest, int inline) {
        /** The chunks a main item names, which holds {@code inline} hits itself; null when it names none. */
        static Chunks named(Map<String, AttributeValue> item, int inline) {
            return item.containsKey(GENERATION) ? new Chunks(item.get(GENERATION).s(),
                    Integer.parseInt(item.get(CHUNK_COUNT).n()), item.get(DIGEST).s(), inline) : null;
        }

        /** The chunks a check's {@link KycCheck#storedLayout()} notes; null when none. */
        static Chunks noted(String layout) {
            if (layout == null) {
                return null;
            }
            String[] parts = layout.split(" ");
            return new Chunks(parts[0], Integer.parseInt(parts[1]), parts[2], Integer.parseInt(parts[3]));
        }

        String layout() {
            return generation + " " + count + " " + digest + " " + inline;
        }

        Map<String, AttributeValue> attributes() {
            return Map.of(GENERATION, s(generation), CHUNK_COUNT, n(count), DIGEST, s(digest));
        }
    }

    /**
     * A check cut in two: the main item's document with the first {@code inline} hits, and the other hits as the
     * contents of chunks (JSON arrays), in order, with their digest.
     */
    private record Layout(String doc, int inline, List<String> chunks, String digest) {
        /** A new generation for these chunks; null when every hit is in the main item. */
        Chunks newGeneration() {
            return chunks.isEmpty() ? null : new Chunks(Secrets.random(9), chunks.size(), digest, inline);
        }
    }

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
        for (int attempt = 1; ; attempt++) {
            Optional<VersionedItems.Stored> found = items.find(KycflowTable.tenantKey(tenantId), mainKey(jobId));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            JsonNode doc = Json.parse(found.get().doc());
            ArrayNode hits = (ArrayNode) doc.get(KycCheck.STORED_HITS);
            Chunks chunks = Chunks.named(found.get().item(), hits.size());
            List<String> contents = chunks == null ? List.of() : readChunks(tenantId, jobId, chunks);
            if (chunks == null || contents.size() == chunks.count()) {
                contents.forEach(chunk -> Json.parse(chunk).forEach(hits::add));
                KycCheck check = KycCheck.fromStorage(doc, found.get().version());
                check.setStoredLayout(chunks == null ? null : chunks.layout());
                return Optional.of(check);
            }
            // A writer replaced the generation between the two reads and deleted the one read: read again. Never
            // written that way, so chunks that stay missing are an error rather than a check with hits left out.
            if (attempt == READ_ATTEMPTS) {
                throw new IllegalStateException("a check names " + chunks.count() + " hit chunks, " + contents.size() + " exist");
            }
        }
    }

    /** The contents of a generation's chunks in order, read consistently from the tenant's partition. */
    private List<String> readChunks(String tenantId, String jobId, Chunks chunks) {
        List<String> contents = new ArrayList<>(chunks.count());
        Map<String, AttributeValue> from = null;
        do {
            Map<String, AttributeValue> start = from;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true).exclusiveStartKey(start)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :chunks)")
                    .expressionAttributeValues(Map.of(":pk", s(KycflowTable.tenantKey(tenantId)),
                            ":chunks", s(chunkPrefix(jobId, chunks.generation())))));
            page.items().forEach(item -> contents.add(item.get(CHUNK_HITS).s()));
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (from != null);
        return contents;
    }

    @Override
    public void create(KycCheck check) {
        write(check, 1, items::create);
    }

    @Override
    public void save(KycCheck check) {
        write(check, check.version() + 1, item -> items.replace(item, check.version(), "check"));
    }

    /**
     * Writes the check at a version with {@code put}, a conditional write of the main item. The chunks come first
     * when the hits beyond the main item changed; a save that leaves them as they were writes the main item only.
     */
    private void write(KycCheck check, long version, Consumer<Map<String, AttributeValue>> put) {
        Chunks stored = Chunks.noted(check.storedLayout());
        Layout layout = layout(check, stored);
        Chunks chunks = stored != null && stored.digest().equals(layout.digest()) && stored.inline() == layout.inline()
                ? stored : layout.newGeneration();
        boolean fresh = chunks != null && chunks != stored;
        if (fresh) {
            batchWrite(chunkPuts(check, chunks, layout.chunks()));
        }
        try {
            put.accept(mainItem(check, version, layout.doc(), chunks));
        } catch (ConditionalCheckFailedException | ConcurrentUpdateException lost) {
            if (!fresh) {
                throw lost;
            }
            if (!namesGeneration(check, chunks.generation())) {
                // another writer got there first: nothing will ever name these chunks
                deleteUnnamed(check, chunks);
                throw lost;
            }
            // our own put, retried by the SDK after its answer was lost, met itself: the generation is ours alone
        }
        if (stored != null && !stored.equals(chunks)) {
            deleteUnnamed(check, stored);
        }
        check.setVersion(version);
        check.setStoredLayout(chunks == null ? null : chunks.layout());
    }

    /** Whether the stored main item names this generation of chunks. */
    private boolean namesGeneration(KycCheck check, String generation) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(KycflowTable.key(KycflowTable.tenantKey(check.tenantId()), mainKey(check.jobId())))
                .projectionExpression(GENERATION)).item();
        return item != null && item.containsKey(GENERATION) && item.get(GENERATION).s().equals(generation);
    }

    /** Deletes a generation no main item names; one left behind (a failure here) is harmless, nothing reads it. */
    private void deleteUnnamed(KycCheck check, Chunks chunks) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (int n = 0; n < chunks.count(); n++) {
            Map<String, AttributeValue> key = chunkKey(check, chunks, n);
            deletes.add(WriteRequest.builder().deleteRequest(b -> b.key(key)).build());
        }
        try {
            batchWrite(deletes);
        } catch (RuntimeException e) {
            Log.warn("hit chunks left behind", "jobId", check.jobId(), "error", e.getClass().getName());
        }
    }

    /**
     * Stores new checks (version 1) 25 to a request: a bulk import. Unlike {@link #create} it does not refuse an id
     * that exists, so it is only for checks nobody else writes (ids just made).
     */
    public void importAll(List<KycCheck> checks) {
        List<WriteRequest> chunkPuts = new ArrayList<>();
        List<WriteRequest> mainPuts = new ArrayList<>();
        for (KycCheck check : checks) {
            Layout layout = layout(check, null);
            Chunks chunks = layout.newGeneration();
            if (chunks != null) {
                chunkPuts.addAll(chunkPuts(check, chunks, layout.chunks()));
            }
            Map<String, AttributeValue> item = mainItem(check, 1, layout.doc(), chunks);
            mainPuts.add(WriteRequest.builder().putRequest(b -> b.item(item)).build());
            check.setVersion(1);
            check.setStoredLayout(chunks == null ? null : chunks.layout());
        }
        // chunks first: no main item names a chunk that is not written yet
        batchWrite(chunkPuts);
        batchWrite(mainPuts);
    }

    /** Sends writes 25 to a request, again for what DynamoDB left unprocessed (throttling), with backoff. */
    private void batchWrite(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_WRITE) {
            Map<String, List<WriteRequest>> pending = Map.of(table, writes.subList(from, Math.min(from + BATCH_WRITE, writes.size())));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                if (!pending.isEmpty()) {
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
            throw new IllegalStateException("interrupted during a batch write", e);
        }
    }

    /**
     * Cuts a check in two: as the stored chunks were cut when their hits are unchanged and the main item still has
     * room for its own (then the chunks serve again), else with the first hits that fit in the budget in the main item.
     */
    private static Layout layout(KycCheck check, Chunks stored) {
        ObjectNode doc = check.storage();
        ArrayNode hits = (ArrayNode) doc.remove(KycCheck.STORED_HITS);
        doc.putArray(KycCheck.STORED_HITS);
        List<byte[]> serialized = new ArrayList<>(hits.size());
        hits.forEach(hit -> serialized.add(Json.bytes(hit)));
        int base = Json.bytes(doc).length;
        if (stored != null && stored.inline() <= hits.size()
                && base + serialized.subList(0, stored.inline()).stream().mapToInt(hit -> hit.length + 1).sum() <= MAIN_LIMIT) {
            List<String> chunks = chunks(serialized.subList(stored.inline(), serialized.size()));
            if (stored.digest().equals(digest(chunks))) {
                return cut(doc, hits, stored.inline(), chunks);
            }
        }
        int inline = 0;
        for (int size = base; inline < hits.size() && size + serialized.get(inline).length + 1 <= DOC_BUDGET; inline++) {
            size += serialized.get(inline).length + 1;
        }
        return cut(doc, hits, inline, chunks(serialized.subList(inline, serialized.size())));
    }

    private static Layout cut(ObjectNode doc, ArrayNode hits, int inline, List<String> chunks) {
        ArrayNode inMain = (ArrayNode) doc.get(KycCheck.STORED_HITS);
        for (int i = 0; i < inline; i++) {
            inMain.add(hits.get(i));
        }
        return new Layout(Json.write(doc), inline, chunks, digest(chunks));
    }

    private static String digest(List<String> chunks) {
        return chunks.isEmpty() ? null : Secrets.hash(String.join("\n", chunks));
    }

    /** The hits as JSON arrays of at most the budget each (a single larger hit gets one of its own), in order. */
    private static List<String> chunks(List<byte[]> hits) {
        List<String> chunks = new ArrayList<>();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        for (byte[] hit : hits) {
            if (chunk.size() > 0 && chunk.size() + hit.length + 2 > DOC_BUDGET) {
                chunks.add(closed(chunk));
                chunk.reset();
            }
            chunk.write(chunk.size() == 0 ? '[' : ',');
            chunk.writeBytes(hit);
        }
        if (chunk.size() > 0) {
            chunks.add(closed(chunk));
        }
        return chunks;
    }

    private static String closed(ByteArrayOutputStream chunk) {
        chunk.write(']');
        return chunk.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, AttributeValue> mainItem(KycCheck check, long version, String doc, Chunks chunks) {
        Map<String, AttributeValue> extra = new HashMap<>(
                KycflowTable.submissionIndex(check.tenantId(), check.createdAt(), check.jobId()));
        if (check.nextMonitoringAt() != null) {
            // the whole item is replaced on save, so a check no longer monitored leaves the monitoring index
            extra.putAll(KycflowTable.monitoringIndex(check.tenantId(), check.jobId(), check.nextMonitoringAt()));
        }
        if (chunks != null) {
            extra.putAll(chunks.attributes());
        }
        return VersionedItems.item(KycflowTable.tenantKey(check.tenantId()), mainKey(check.jobId()), doc, version, extra);
    }

    private static List<WriteRequest> chunkPuts(KycCheck check, Chunks chunks, List<String> contents) {
        List<WriteRequest> puts = new ArrayList<>();
        for (int n = 0; n < contents.size(); n++) {
            Map<String, AttributeValue> item = new HashMap<>(chunkKey(check, chunks, n));
            item.put(CHUNK_HITS, s(contents.get(n)));
            puts.add(WriteRequest.builder().putRequest(b -> b.item(item)).build());
        }
        return puts;
    }

    private static String mainKey(String jobId) {
        return "KYC#" + jobId;
    }

    private static String chunkPrefix(String jobId, String generation) {
        return mainKey(jobId) + "#HITS#" + generation + "#";
    }

    /** A chunk's key; the number is zero-padded so that the chunks sort in order. */
    private static Map<String, AttributeValue> chunkKey(KycCheck check, Chunks chunks, int n) {
        return KycflowTable.key(KycflowTable.tenantKey(check.tenantId()),
                chunkPrefix(check.jobId(), chunks.generation()) + String.format("%05d", n));
    }
}
