package io.kycflow.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;
import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.SnapshotFormatException;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Published screening index snapshots: the bytes in S3 under {@code lists/snapshots/}, and one pointer item
 * ({@code LISTS / CURRENT}) naming the snapshot in force with its list versions. Publishing writes the snapshot
 * first and then moves the pointer, so readers only ever see complete snapshots; then it copies the pointer to S3
 * ({@code lists/snapshots/latest.json}), a hint that lets a cold function fetch the snapshot before it has a DynamoDB
 * client.
 */
public final class ListSnapshots {
    static final String PREFIX = "lists/snapshots/";
    /**
     * A copy of the pointer in S3, written after the pointer item: a hint, never the authority. A cold screening
     * function starts downloading the snapshot it names while its DynamoDB client is still being built.
     */
    static final String LATEST_HINT = PREFIX + "latest.json";
    /** Where each published version is announced by an object holding its pointer (the monitoring scheduler's S3 trigger). */
    public static final String ANNOUNCEMENTS = "lists/published/";

    /**
     * The snapshot in force.
     *
     * @param snapshotId  digest of the list files it was built from
     * @param key         its S3 key
     * @param versions    list name → list version, as JSON object text
     * @param publishedAt epoch milliseconds
     */
    public record Pointer(String snapshotId, String key, String versions, long publishedAt) {
        /** Whether the snapshot holds a version of the list. */
        public boolean covers(SanctionsList list) {
            return Json.parse(versions).has(list.name());
        }
    }

    private final Supplier<DynamoDbClient> dynamo;
    private final String table;
    private final Supplier<S3Client> s3;
    private final String bucket;

    public ListSnapshots(DynamoDbClient dynamo, String table, Supplier<S3Client> s3, String bucket) {
        this(() -> dynamo, table, s3, bucket);
    }

    /** With a DynamoDB client still being built: the S3 side ({@link #latestHint()}, {@link #load}) needs none. */
    public ListSnapshots(Supplier<DynamoDbClient> dynamo, String table, Supplier<S3Client> s3, String bucket) {
        this.dynamo = dynamo;
        this.table = table;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The pointer to the snapshot in force; empty before the first publication. */
    public Optional<Pointer> current() {
        GetItemResponse response = dynamo.get().getItem(b -> b.tableName(table).consistentRead(true)
                .key(KycflowTable.key("LISTS", "CURRENT")));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new Pointer(item.get("snapshotId").s(), item.get("snapshotKey").s(), item.get("versions").s(),
                Long.parseLong(item.get("publishedAt").n())));
    }

    /**
     * The pointer as last copied to S3, or empty when there is none or it cannot be read (no publication yet, a
     * policy without it): a hint for a head start only, to be checked against {@link #current()}.
     */
    public Optional<Pointer> latestHint() {
        try {
            JsonNode hint = Json.parse(s3.get().getObjectAsBytes(b -> b.bucket(bucket).key(LATEST_HINT)).asUtf8String());
            return Optional.of(new Pointer(hint.path("snapshotId").asText(), hint.path("snapshotKey").asText(),
                    hint.path("versions").asText(), hint.path("publishedAt").asLong()));
        } catch (SdkException | Json.InvalidJsonException unavailable) {
            return Optional.empty();
        }
    }

    /**
     * Finishes a publication that failed after moving the pointer (its retry finds its files published): when the
     * hint does not name the pointer in force, copies it and announces the version. (A failure between the two S3
     * writes leaves the announcement out: the scheduled sweep then finds the new version instead.)
     */
    public void finishPublication(Pointer inForce) {
        if (latestHint().map(Pointer::snapshotId).filter(inForce.snapshotId()::equals).isEmpty()) {
            hintAndAnnounce(inForce);
        }
    }

    /**
     * Reads a snapshot. One written by an earlier release in another format is not read: the index is built from the
     * accepted lists instead (seconds, not milliseconds), until the refresh or the next ingestion republishes it.
     */
    public ScreeningIndex load(Pointer pointer) {
        try (InputStream in = s3.get().getObject(b -> b.bucket(bucket).key(pointer.key()))) {
            return ScreeningIndex.readSnapshot(in);
        } catch (SnapshotFormatException e) {
            Log.warn("snapshot in an older format, building the index from the accepted lists", "snapshot",
                    pointer.snapshotId());
            return ListIngestion.buildFromAccepted(s3.get(), bucket);
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + pointer.key() + " is unreadable", e);
        }
    }

    /** Stores the snapshot, then makes it the one in force. */
    public Pointer publish(String snapshotId, ScreeningIndex index, long now) {
        String key = PREFIX + snapshotId + ".idx";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 << 20);
        try {
            index.writeSnapshot(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.get().putObject(b -> b.bucket(bucket).key(key).contentType("application/octet-stream"),
                RequestBody.fromBytes(bytes.toByteArray()));
        var versions = Json.object();
        index.listVersions().forEach((list, version) -> versions.put(list.name(), version));
        Pointer pointer = new Pointer(snapshotId, key, Json.write(versions), now);
        Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key("LISTS", "CURRENT"));
        item.put("snapshotId", KycflowTable.s(snapshotId));
        item.put("snapshotKey", KycflowTable.s(key));
        item.put("versions", KycflowTable.s(pointer.versions()));
        item.put("publishedAt", KycflowTable.n(now));
        dynamo.get().putItem(b -> b.tableName(table).item(item));
        hintAndAnnounce(pointer);
        return pointer;
    }

    private void hintAndAnnounce(Pointer pointer) {
        String hint = Json.write(Json.object().put("snapshotId", pointer.snapshotId()).put("snapshotKey", pointer.key())
                .put("versions", pointer.versions()).put("publishedAt", pointer.publishedAt()));
        s3.get().putObject(b -> b.bucket(bucket).key(LATEST_HINT).contentType("application/json"),
                RequestBody.fromString(hint));
        // Announces the version once the pointer names it: this object's S3 event starts the monitoring sweep at
        // once instead of at its next scheduled run. It holds the pointer too, never nothing: an empty PUT now and then
        // failed against s3proxy on every attempt.
        s3.get().putObject(b -> b.bucket(bucket).key(ANNOUNCEMENTS + pointer.snapshotId()).contentType("application/json"),
                RequestBody.fromString(hint));
    }
}
