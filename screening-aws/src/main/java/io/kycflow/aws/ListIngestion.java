package io.kycflow.aws;

import io.kycflow.sanctions.ListFileSet;
import io.kycflow.sanctions.ListValidationException;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns list files dropped into S3 into the published screening index:
 * <ol>
 *   <li>a list's files arrive under {@code lists/incoming/<folder>/} (an operator), or as a batch under
 *       {@code lists/incoming/<folder>/<batch>/} (the refresh function, the local runtime). A batch is read only from
 *       its own prefix, so a list of several files (OFAC: three) is never ingested as a mix of two releases: the
 *       events of a batch's first files find it incomplete, the last one ingests it. A decided batch is deleted,
 *       and files uploaded before the ones in force are never ingested (an event retried after a newer release
 *       was accepted: an ingestion that failed after publishing leaves its batch behind), so a late or repeated
 *       event cannot bring an older release back;</li>
 *   <li>the set is parsed and validated; a malformed or truncated set is rejected with its reason, recorded in
 *       {@code LISTS / STATUS#<list>}, and the list's previous accepted files stay in force;</li>
 *   <li>an accepted set is copied to {@code lists/accepted/<folder>/}; the index is built from the accepted files of
 *       every list and published ({@link ListSnapshots}) unless the same files are published already.</li>
 * </ol>
 * Runs one at a time (the template gives the function a concurrency of one), so events never interleave.
 */
public final class ListIngestion {
    static final String INCOMING = "lists/incoming/";
    static final String ACCEPTED = "lists/accepted/";
    /** Ends every snapshot id: the same lists in another snapshot format are another snapshot. */
    static final String FORMAT_TAG = "-f" + ScreeningIndex.SNAPSHOT_FORMAT;

    /** What an ingestion did. */
    public sealed interface Outcome permits Published, Unchanged, Rejected, Incomplete, Superseded {
    }

    /** A new snapshot is in force. */
    public record Published(ListSnapshots.Pointer pointer, int entries, int names) implements Outcome {
    }

    /** The files are the ones already published; nothing changed. */
    public record Unchanged(String snapshotId) implements Outcome {
    }

    /** The set was refused; the previous version stays. */
    public record Rejected(String list, String reason) implements Outcome {
    }

    /** The files were uploaded before the ones in force: an older release, not ingested (its batch is deleted). */
    public record Superseded(String list) implements Outcome {
    }

    /** Not every file of the set is there yet. */
    public record Incomplete(String list, List<String> missing) implements Outcome {
    }

    private final S3Client s3;
    private final String bucket;
    private final DynamoDbClient dynamo;
    private final String table;
    private final ListSnapshots snapshots;
    private final Clock clock;

    public ListIngestion(S3Client s3, String bucket, DynamoDbClient dynamo, String table, ListSnapshots snapshots, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.dynamo = dynamo;
        this.table = table;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /**
     * Where a list's incoming files are: {@code lists/incoming/<folder>/} (operator drops) or one batch under it.
     *
     * @param prefix the S3 prefix the set's files are read from, ending in a slash
     */
    public record Incoming(ListFileSet set, String prefix) {
        /** Whether the files came as a batch, deleted once decided. */
        boolean batch() {
            return !prefix.equals(INCOMING + set.folder() + "/");
        }
    }

    /** The incoming files an S3 key belongs to: {@code lists/incoming/<folder>/<file>} or {@code .../<folder>/<batch>/<file>}. */
    public static Optional<Incoming> incomingOf(String key) {
        if (!key.startsWith(INCOMING)) {
            return Optional.empty();
        }
        String[] parts = key.substring(INCOMING.length()).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[parts.length - 2].isEmpty()) {
            return Optional.empty();
        }
        return ListFileSet.ofFolder(parts[0])
                .filter(set -> set.files().contains(parts[parts.length - 1]))
                .map(set -> new Incoming(set, key.substring(0, key.lastIndexOf('/') + 1)));
    }

    /** The prefix a batch of the set is uploaded under; a batch id is a single path segment (letters, digits, -, _). */
    public static String batchPrefix(ListFileSet set, String batchId) {
        if (!batchId.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new IllegalArgumentException("a batch id is 1 to 100 letters, digits, '-' or '_'");
        }
        return INCOMING + set.folder() + "/" + batchId + "/";
    }

    /**
     * Publishes the index again from the accepted lists when the one in force was written in another snapshot
     * format (by an earlier release, whose readers this release replaced); run at start by the local runtime and
     * hourly by the list ingestion function's schedule, so a deploy is soon followed by a snapshot the new readers
     * load.
     *
     * @return the republication, or empty when the snapshot in force is current or nothing was ever published
     */
    public Optional<Outcome> republishIfOutdated() {
        Optional<ListSnapshots.Pointer> current = snapshots.current();
        if (current.isEmpty() || current.get().snapshotId().endsWith(FORMAT_TAG)) {
            return Optional.empty();
        }
        Log.info("lists published in an older snapshot format, publishing them again", "snapshot",
                current.get().snapshotId());
        return Optional.of(publish(null, Map.of(), null));
    }

    /**
     * The index built from the accepted lists in the bucket: how a reader gets one when the snapshot in force is in
     * a format it cannot read (until {@link #republishIfOutdated} replaces it).
     */
    static ScreeningIndex buildFromAccepted(S3Client s3, String bucket) {
        List<ParsedList> lists = new ArrayList<>();
        for (ListFileSet set : ListFileSet.values()) {
            Map<String, byte[]> files = read(s3, bucket, ACCEPTED + set.folder() + "/", set);
            if (files.size() == set.files().size()) {
                try {
                    lists.add(set.parse(files));
                } catch (ListValidationException e) {
                    throw new IllegalStateException("accepted files of " + set.list() + " no longer parse", e);
                }
            }
        }
        return ScreeningIndex.build(lists);
    }

    /** Validates the files an operator dropped into the set's folder and, when they are good, publishes a new index. */
    public Outcome ingest(ListFileSet set) {
        return ingest(new Incoming(set, INCOMING + set.folder() + "/"));
    }

    /** Validates the incoming files and, when they are good, publishes a new index. */
    public synchronized Outcome ingest(Incoming incoming) {
        ListFileSet set = incoming.set();
        // listed first: the events of a batch's first files download nothing
        Map<String, Instant> present = listed(incoming.prefix());
        List<String> missing = missing(set, present.keySet());
        if (!missing.isEmpty()) {
            return new Incomplete(set.list().name(), missing);
        }
        Instant uploaded = set.files().stream().map(present::get).max(Comparator.naturalOrder()).orElseThrow();
        if (acceptedUpload(set).filter(uploaded::isBefore).isPresent()) {
            Log.info("list files older than those in force, not ingested", "list", set.list().name());
            deleteBatch(incoming);
            return new Superseded(set.list().name());
        }
        Map<String, byte[]> files = read(incoming.prefix(), set);
        // a file deleted since the listing (an operator's hand) still leaves the set incomplete
        missing = missing(set, files.keySet());
        if (!missing.isEmpty()) {
            return new Incomplete(set.list().name(), missing);
        }
        ParsedList parsed;
        try {
            parsed = set.parse(files);
            for (String file : files.keySet()) {
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(incoming.prefix() + file)
                        .destinationBucket(bucket).destinationKey(ACCEPTED + set.folder() + "/" + file));
            }
            recordStatus(set, "accepted", parsed.version(), parsed.entities().size() + " entries", null);
            recordAcceptedUpload(set, uploaded);
        } catch (ListValidationException e) {
            recordStatus(set, "rejected", null, null, e.getMessage());
            Log.warn("list rejected", "list", set.list().name(), "reason", e.getMessage());
            deleteBatch(incoming);
            return new Rejected(set.list().name(), e.getMessage());
        }
        Outcome published = publish(set, files, parsed);
        // only now: if publishing fails, the retried event finds the batch again
        deleteBatch(incoming);
        return published;
    }

    private void deleteBatch(Incoming incoming) {
        if (incoming.batch()) {
            for (String file : incoming.set().files()) {
                s3.deleteObject(b -> b.bucket(bucket).key(incoming.prefix() + file));
            }
        }
    }

    /**
     * Builds and publishes the index from the set just accepted (already read and parsed; null for none) and every
     * other list's accepted files, unless exactly those files are in force.
     */
    private Outcome publish(ListFileSet fresh, Map<String, byte[]> freshFiles, ParsedList freshParsed) {
        Map<ListFileSet, Map<String, byte[]>> accepted = new LinkedHashMap<>();
        List<byte[]> everything = new ArrayList<>();
        for (ListFileSet set : ListFileSet.values()) {
            Map<String, byte[]> files = set == fresh ? freshFiles : read(ACCEPTED + set.folder() + "/", set);
            if (files.size() == set.files().size()) { // else never accepted yet
                accepted.put(set, files);
                set.files().forEach(f -> everything.add(files.get(f)));
            }
        }
        String snapshotId = ListFileSet.digest(everything.toArray(byte[][]::new)).replace(':', '-') + FORMAT_TAG;
        Optional<ListSnapshots.Pointer> current = snapshots.current();
        if (current.isPresent() && current.get().snapshotId().equals(snapshotId)) {
            // the retry of a publication that failed after moving the pointer: finish what it left
            snapshots.finishPublication(current.get());
            return new Unchanged(snapshotId);
        }
        List<ParsedList> lists = new ArrayList<>();
        for (Map.Entry<ListFileSet, Map<String, byte[]>> set : accepted.entrySet()) {
            if (set.getKey() == fresh) {
                lists.add(freshParsed);
                continue;
            }
            try {
                lists.add(set.getKey().parse(set.getValue()));
            } catch (ListValidationException e) {
                throw new IllegalStateException("accepted files of " + set.getKey().list() + " no longer parse", e);
            }
        }
        ScreeningIndex index = ScreeningIndex.build(lists);
        ListSnapshots.Pointer pointer = snapshots.publish(snapshotId, index, clock.millis());
        Log.info("lists published", "snapshot", snapshotId, "versions", pointer.versions());
        return new Published(pointer, index.entryCount(), index.nameCount());
    }

    /** The objects directly under {@code prefix} (ending in a slash): name → when it was uploaded. */
    private Map<String, Instant> listed(String prefix) {
        Map<String, Instant> objects = new HashMap<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/")).contents()
                .forEach(object -> objects.put(object.key().substring(prefix.length()), object.lastModified()));
        return objects;
    }

    /** When the files of the list's accepted release were uploaded (the latest of them); empty before the first. */
    private Optional<Instant> acceptedUpload(ListFileSet set) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(KycflowTable.key("LISTS", "ACCEPTED#" + set.list().name()))).item();
        return item == null || !item.containsKey("uploadedAt") ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get("uploadedAt").n())));
    }

    private void recordAcceptedUpload(ListFileSet set, Instant uploaded) {
        Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key("LISTS", "ACCEPTED#" + set.list().name()));
        item.put("uploadedAt", KycflowTable.n(uploaded.toEpochMilli()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static List<String> missing(ListFileSet set, Set<String> present) {
        return set.files().stream().filter(file -> !present.contains(file)).toList();
    }

    private Map<String, byte[]> read(String prefix, ListFileSet set) {
        return read(s3, bucket, prefix, set);
    }

    /** The set's files under {@code prefix} (ending in a slash); absent ones left out. */
    private static Map<String, byte[]> read(S3Client s3, String bucket, String prefix, ListFileSet set) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : set.files()) {
            try {
                ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + file));
                files.put(file, bytes.asByteArray());
            } catch (NoSuchKeyException absent) {
                // an incomplete set: reported by the caller
            }
        }
        return files;
    }

    private void recordStatus(ListFileSet set, String outcome, String version, String detail, String reason) {
        Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key("LISTS", "STATUS#" + set.list().name()));
        item.put("outcome", KycflowTable.s(outcome));
        item.put("at", KycflowTable.n(clock.millis()));
        if (version != null) {
            item.put("version", KycflowTable.s(version));
        }
        if (detail != null) {
            item.put("detail", KycflowTable.s(detail));
        }
        if (reason != null) {
            item.put("reason", KycflowTable.s(reason));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
