package io.kycflow.aws;

import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.ScreeningQuery;
import io.kycflow.screening.SubjectType;
import io.kycflow.testing.SanctionsFixtures;
import io.kycflow.testing.TestClock;
import io.kycflow.testing.TestDeployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published index as the screening functions load it at cold start: in the background, from the real lists'
 * snapshot on embedded DynamoDB and S3, starting from the pointer's copy in S3 (the hint).
 */
class PublishedIndexTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private String bucket;
    private S3Client s3;
    private ListSnapshots snapshots;

    @BeforeEach
    void freshDeployment() {
        String name = "published-index-" + TABLES.incrementAndGet();
        bucket = name;
        Settings settings = TestDeployment.named(name);
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
        s3 = AwsClients.s3(settings);
        snapshots = new ListSnapshots(dynamo, name, AwsClients.lazy(() -> AwsClients.s3(settings)), name);
    }

    @Test
    void theSnapshotPublishedBeforeTheColdStartIsLoadedInTheBackground() {
        ScreeningIndex lists = SanctionsFixtures.index();
        snapshots.publish("v1", lists, 1_000L);

        PublishedIndex published = PublishedIndex.loadInBackground(snapshots, Clock.systemUTC(), Duration.ofMinutes(1));

        ScreeningIndex loaded = published.get();
        assertNotNull(loaded);
        assertEquals(lists.listVersions(), loaded.listVersions());
        assertTrue(hits(loaded) > 0);
        assertEquals(hits(lists), hits(loaded));
        // within the check interval the loaded index is kept, not read again
        assertSame(loaded, published.get());
    }

    @Test
    void theHintCountsAsAPointerReadUntilTheNextCheck() throws IOException {
        snapshots.publish("v1", SanctionsFixtures.index(), 1_000L);
        byte[] hintOfV1 = s3.getObjectAsBytes(b -> b.bucket(bucket).key(ListSnapshots.LATEST_HINT)).asByteArray();
        // another version: OFAC alone
        ScreeningIndex v2 = ScreeningIndex.build(List.of(SanctionsFixtures.lists().get(0)));
        snapshots.publish("v2", v2, 2_000L);
        // a publication that moved the pointer but crashed before copying it: the hint still names v1
        s3.putObject(b -> b.bucket(bucket).key(ListSnapshots.LATEST_HINT), RequestBody.fromBytes(hintOfV1));

        TestClock clock = new TestClock();
        PublishedIndex warmish = PublishedIndex.loadInBackground(snapshots, clock, Duration.ofMinutes(1));
        assertEquals(SanctionsFixtures.index().listVersions(), warmish.get().listVersions());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(v2.listVersions(), warmish.get().listVersions());

        // checking on every get() (the monitoring worker): the pointer decides at once
        PublishedIndex strict = PublishedIndex.loadInBackground(snapshots, clock, Duration.ZERO);
        assertEquals(v2.listVersions(), strict.get().listVersions());
    }

    @Test
    void anIndexWithoutEveryListIsCheckedAgainWithinASecond() {
        // a first start: OFAC is published, then UN a few seconds later
        ScreeningIndex ofacOnly = ScreeningIndex.build(List.of(SanctionsFixtures.lists().get(0)));
        snapshots.publish("v1", ofacOnly, 1_000L);
        TestClock clock = new TestClock();
        PublishedIndex published = PublishedIndex.loadInBackground(snapshots, clock, Duration.ofMinutes(1));
        assertEquals(ofacOnly.listVersions(), published.get().listVersions());

        snapshots.publish("v2", SanctionsFixtures.index(), 2_000L);
        clock.advance(PublishedIndex.INCOMPLETE_CHECK_EVERY);
        ScreeningIndex complete = published.get();
        assertEquals(SanctionsFixtures.index().listVersions(), complete.listVersions());

        // complete: the next version waits for the full interval
        snapshots.publish("v3", ofacOnly, 3_000L);
        clock.advance(PublishedIndex.INCOMPLETE_CHECK_EVERY);
        assertSame(complete, published.get());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(ofacOnly.listVersions(), published.get().listVersions());
    }

    @Test
    void withoutAHintTheLoaderReadsThePointer() {
        snapshots.publish("v1", SanctionsFixtures.index(), 1_000L);
        s3.deleteObject(b -> b.bucket(bucket).key(ListSnapshots.LATEST_HINT));
        assertEquals(Optional.empty(), snapshots.latestHint());

        PublishedIndex published = PublishedIndex.loadInBackground(snapshots, Clock.systemUTC(), Duration.ofMinutes(1));
        assertEquals(SanctionsFixtures.index().listVersions(), published.get().listVersions());
    }

    @Test
    void nothingPublishedYetGivesNoIndexUntilAVersionIsPublished() {
        PublishedIndex published = PublishedIndex.loadInBackground(snapshots, Clock.systemUTC(), Duration.ZERO);
        assertNull(published.get());

        snapshots.publish("v1", SanctionsFixtures.index(), 1_000L);
        assertEquals(SanctionsFixtures.index().listVersions(), published.get().listVersions());
    }

    @Test
    void aFailedBackgroundLoadIsReportedByTheNextGetAndRetried() throws IOException {
        ListSnapshots.Pointer pointer = snapshots.publish("v1", SanctionsFixtures.index(), 1_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s3.getObject(b -> b.bucket(bucket).key(pointer.key())).transferTo(bytes);
        s3.deleteObject(b -> b.bucket(bucket).key(pointer.key()));

        PublishedIndex published = PublishedIndex.loadInBackground(snapshots, Clock.systemUTC(), Duration.ofMinutes(1));

        // the loader's failure is not swallowed into "nothing published": the request sees why
        assertThrows(NoSuchKeyException.class, published::get);
        s3.putObject(b -> b.bucket(bucket).key(pointer.key()), RequestBody.fromBytes(bytes.toByteArray()));
        assertEquals(SanctionsFixtures.index().listVersions(), published.get().listVersions());
    }

    private static int hits(ScreeningIndex index) {
        return index.screen(new ScreeningQuery("Nicolas MADURO MOROS", SubjectType.PERSON, null, null, null, null,
                Set.of(), 80)).hits().size();
    }
}
