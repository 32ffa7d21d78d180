package io.kycflow.fn.listingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.ListIngestion;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.aws.Settings;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler on S3 events for list files, on embedded S3 and DynamoDB with the real OFAC files: a batch is ingested
 * from its own prefix only, so a set is never mixed with other files of the list.
 */
class ListIngestHandlerTest {
    private static final AtomicInteger RUN = new AtomicInteger();

    private ListIngestHandler handler;
    private S3Client s3;
    private String bucket;
    private Settings settings;

    /** A table and bucket of its own per test: each starts with nothing published. */
    @BeforeEach
    void start() {
        LocalBackends backends = TestBackends.shared();
        int run = RUN.incrementAndGet();
        bucket = "list-ingest-test-" + run;
        Map<String, String> env = new HashMap<>(backends.environment());
        env.put("KYCFLOW_TABLE", "list-ingest-test-" + run);
        env.put("KYCFLOW_BUCKET", bucket);
        settings = new Settings(env);
        KycflowTable.create(AwsClients.dynamoDb(settings), env.get("KYCFLOW_TABLE"));
        backends.createBucket(bucket);
        s3 = AwsClients.s3(settings);
        handler = new ListIngestHandler(settings, Clock.systemUTC());
    }

    @Test
    void aBatchIsIngestedFromItsOwnFilesOnlyOnceComplete() throws IOException {
        ListFileSet ofac = ListFileSet.OFAC_SDN;
        byte[] add = Files.readAllBytes(SanctionsFixtures.listsDir().resolve("ofac").resolve("add.csv"));
        // an older drop in the list's folder: its add.csv must not complete the batch, its bad sdn.csv not spoil it
        put("lists/incoming/ofac/add.csv", add);
        put("lists/incoming/ofac/sdn.csv", "not,a,list".getBytes(StandardCharsets.UTF_8));

        String prefix = ListIngestion.batchPrefix(ofac, "2026-03-01T120000Z");
        putReal(prefix, "sdn.csv");
        JsonNode first = handler.handle(event(prefix + "sdn.csv"), null);
        assertEquals("Incomplete", first.at("/outcomes/0/outcome").asText(), first.toString());
        assertEquals("alt.csv,add.csv", first.at("/outcomes/0/missing").asText());

        putReal(prefix, "alt.csv");
        putReal(prefix, "add.csv");
        JsonNode last = handler.handle(event(prefix + "add.csv"), null);
        assertEquals("Published", last.at("/outcomes/0/outcome").asText(), last.toString());
        assertTrue(last.at("/outcomes/0/entries").asInt() > 5000);
        assertArrayEquals(add, s3.getObjectAsBytes(b -> b.bucket(bucket).key("lists/accepted/ofac/add.csv")).asByteArray());
        // the new version is announced for the monitoring scheduler's S3 trigger
        String snapshot = last.at("/outcomes/0/snapshot").asText();
        assertEquals(List.of(ListSnapshots.ANNOUNCEMENTS + snapshot), s3.listObjectsV2(b -> b.bucket(bucket)
                .prefix(ListSnapshots.ANNOUNCEMENTS)).contents().stream().map(S3Object::key).toList());
        assertEquals(snapshot, Json.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(ListSnapshots.ANNOUNCEMENTS + snapshot))
                .asInputStream()).path("snapshotId").asText());

        // the decided batch is gone: a repeated event cannot ingest it again
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().isEmpty());
        JsonNode repeated = handler.handle(event(prefix + "alt.csv"), null);
        assertEquals("Incomplete", repeated.at("/outcomes/0/outcome").asText());
    }

    @Test
    void anOlderBatchLeftBehindIsNotIngestedAfterANewerOne() throws Exception {
        ListFileSet ofac = ListFileSet.OFAC_SDN;
        // left behind by an ingestion that failed after publishing; its event is retried later
        String older = realOfacBatch("older");
        Thread.sleep(1_100); // S3 upload times have a resolution of one second
        String newer = ListIngestion.batchPrefix(ofac, "newer");
        putReal(newer, "alt.csv");
        putReal(newer, "add.csv");
        // a newer release: one more entry, before the file's closing end-of-file character (0x1A)
        byte[] real = Files.readAllBytes(SanctionsFixtures.listsDir().resolve("ofac").resolve("sdn.csv"));
        String row = "99999101,\"NEWER RELEASE, Person\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\r\n";
        ByteArrayOutputStream sdn = new ByteArrayOutputStream();
        sdn.write(real, 0, real.length - 1);
        sdn.writeBytes(row.getBytes(StandardCharsets.UTF_8));
        sdn.write(0x1A);
        put(newer + "sdn.csv", sdn.toByteArray());
        JsonNode published = handler.handle(event(newer + "sdn.csv"), null);
        assertEquals("Published", published.at("/outcomes/0/outcome").asText(), published.toString());
        byte[] acceptedSdn = s3.getObjectAsBytes(b -> b.bucket(bucket).key("lists/accepted/ofac/sdn.csv")).asByteArray();

        JsonNode retried = handler.handle(event(older + "sdn.csv"), null);
        assertEquals("Superseded", retried.at("/outcomes/0/outcome").asText(), retried.toString());
        // the newer release stays in force and accepted; the older batch is gone
        assertArrayEquals(acceptedSdn, s3.getObjectAsBytes(b -> b.bucket(bucket).key("lists/accepted/ofac/sdn.csv")).asByteArray());
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket).prefix(older)).contents().isEmpty());
        assertEquals(published.at("/outcomes/0/snapshot").asText(), new ListSnapshots(AwsClients.dynamoDb(settings),
                settings.table(), () -> s3, bucket).current().orElseThrow().snapshotId());
    }

    @Test
    void aPublicationThatFailedAfterMovingThePointerIsFinishedByItsRetry() throws IOException {
        String first = realOfacBatch("first");
        String snapshot = handler.handle(event(first + "sdn.csv"), null).at("/outcomes/0/snapshot").asText();
        // the pointer moved, then the S3 writes after it failed
        s3.deleteObject(b -> b.bucket(bucket).key("lists/snapshots/latest.json"));
        s3.deleteObject(b -> b.bucket(bucket).key(ListSnapshots.ANNOUNCEMENTS + snapshot));

        // the retry (here: the same files again) finds them published and writes what was left
        String retry = realOfacBatch("retry");
        JsonNode unchanged = handler.handle(event(retry + "sdn.csv"), null);
        assertEquals("Unchanged", unchanged.at("/outcomes/0/outcome").asText(), unchanged.toString());
        ListSnapshots snapshots = new ListSnapshots(AwsClients.dynamoDb(settings), settings.table(), () -> s3, bucket);
        assertEquals(snapshot, snapshots.latestHint().orElseThrow().snapshotId());
        assertEquals(1, s3.listObjectsV2(b -> b.bucket(bucket).prefix(ListSnapshots.ANNOUNCEMENTS + snapshot)).keyCount());
    }

    /**
     * After a release changes the snapshot format: the snapshot in force (here the real one with its format byte set
     * back to 2, and the pointer of that release, without the format tag) is not read but built from the accepted
     * lists, and the scheduled run publishes it again in the current format; a second run changes nothing.
     */
    @Test
    void aSnapshotOfAnOlderFormatIsBuiltFromTheAcceptedListsAndRepublishedOnSchedule() throws IOException {
        String batch = realOfacBatch("before-upgrade");
        String current = handler.handle(event(batch + "sdn.csv"), null).at("/outcomes/0/snapshot").asText();
        ListSnapshots snapshots = new ListSnapshots(AwsClients.dynamoDb(settings), settings.table(), () -> s3, bucket);
        ScreeningIndex published = snapshots.load(snapshots.current().orElseThrow());
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key("lists/snapshots/" + current + ".idx")).asByteArray();
        bytes[7] = 2; // the format byte, after the seven-byte magic
        String older = current.substring(0, current.length() - ("-f" + ScreeningIndex.SNAPSHOT_FORMAT).length());
        // the earlier release's pointer (its ids had no format tag), naming a snapshot in its format
        snapshots.publish(older, published, 1_000L);
        put("lists/snapshots/" + older + ".idx", bytes);

        ScreeningIndex rebuilt = snapshots.load(snapshots.current().orElseThrow());
        assertEquals(published.entryCount(), rebuilt.entryCount());
        assertEquals(published.listVersions(), rebuilt.listVersions());

        ObjectNode scheduled = Json.object().put("detail-type", "Scheduled Event").put("source", "aws.events");
        assertEquals("Published", handler.handle(scheduled, null).path("republished").asText());
        ListSnapshots.Pointer pointer = snapshots.current().orElseThrow();
        assertEquals(current, pointer.snapshotId());
        assertEquals(published.entryCount(), snapshots.load(pointer).entryCount());
        assertTrue(handler.handle(scheduled, null).path("republished").asText().startsWith("nothing"));
    }

    @Test
    void theSampleEventIngestsItsBatch() throws IOException {
        JsonNode sample = Json.parse(Files.readString(Path.of(System.getProperty("kycflow.project.dir", "../.."))
                .resolve("events/list-ingest-s3-put.json")));
        String key = sample.at("/Records/0/s3/object/key").asText();
        String prefix = key.substring(0, key.lastIndexOf('/') + 1);
        for (String file : ListFileSet.OFAC_SDN.files()) {
            putReal(prefix, file);
        }
        assertEquals("Published", handler.handle(sample, null).at("/outcomes/0/outcome").asText());
    }

    @Test
    void keysOutsideAListsFilesAreIgnored() {
        for (String key : new String[] {"lists/incoming/ofac/readme.txt", "lists/incoming/nope/sdn.csv",
                "lists/incoming/ofac/a/b/sdn.csv", "lists/incoming/ofac//sdn.csv", "lists/accepted/ofac/sdn.csv"}) {
            assertTrue(ListIngestion.incomingOf(key).isEmpty(), key);
        }
        assertEquals("lists/incoming/un/b-1/", ListIngestion.incomingOf("lists/incoming/un/b-1/consolidated.xml")
                .orElseThrow().prefix());
        assertEquals(0, handler.handle(event("lists/incoming/ofac/readme.txt"), null).path("outcomes").size());
    }

    /** The real OFAC files uploaded as a batch; returns its prefix. */
    private String realOfacBatch(String batchId) throws IOException {
        String prefix = ListIngestion.batchPrefix(ListFileSet.OFAC_SDN, batchId);
        for (String file : ListFileSet.OFAC_SDN.files()) {
            putReal(prefix, file);
        }
        return prefix;
    }

    private void putReal(String prefix, String file) throws IOException {
        put(prefix + file, Files.readAllBytes(SanctionsFixtures.listsDir().resolve("ofac").resolve(file)));
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** An S3 ObjectCreated event as S3 sends it: the key form-encoded. */
    private static ObjectNode event(String key) {
        ObjectNode event = Json.object();
        event.putArray("Records").addObject().put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Put")
                .putObject("s3").putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8));
        return event;
    }
}
