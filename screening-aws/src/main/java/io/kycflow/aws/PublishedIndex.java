package io.kycflow.aws;

import io.kycflow.sanctions.SanctionsList;
import io.kycflow.screening.ScreeningIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The screening index a function screens with: the published snapshot, loaded at cold start and replaced when a
 * newer one is published. The pointer is read at most once per {@code checkEvery}, so a warm function notices a new
 * list version within that time without a read per request; while the index lacks one of the lists, at most once
 * per {@link #INCOMPLETE_CHECK_EVERY}.
 */
public final class PublishedIndex implements Supplier<ScreeningIndex> {
    /**
     * The pointer check of an index without every list: a first publication brings one list after the other (seconds
     * apart), and the next one must not wait for a full {@code checkEvery}.
     */
    static final Duration INCOMPLETE_CHECK_EVERY = Duration.ofSeconds(1);

    private final ListSnapshots snapshots;
    private final Clock clock;
    private final long checkEveryMillis;
    private ScreeningIndex index;
    private String snapshotId;
    private long checkedAt = Long.MIN_VALUE;

    public PublishedIndex(ListSnapshots snapshots, Clock clock, Duration checkEvery) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.checkEveryMillis = checkEvery.toMillis();
    }

    /**
     * The published index, loading from now on a background thread: at cold start (or into the SnapStart snapshot),
     * not on the first request. The loader starts from the pointer's copy in S3 ({@link ListSnapshots#latestHint()}),
     * which needs no DynamoDB client, so the snapshot downloads and decodes while the caller builds that client and
     * parses and claims its first request; {@link #get()} waits for the load. A loaded hint counts as a pointer read:
     * the pointer in DynamoDB is read at the next check, as a warm function's would be (with {@code checkEvery} zero,
     * at once). Without a usable hint the loader reads the pointer itself. A failed load is retried by the next
     * {@link #get()}, which reports its failure.
     *
     * @param checkEvery how often the pointer is read again; zero for every {@link #get()}
     */
    public static PublishedIndex loadInBackground(ListSnapshots snapshots, Clock clock, Duration checkEvery) {
        PublishedIndex published = new PublishedIndex(snapshots, clock, checkEvery);
        CountDownLatch locked = new CountDownLatch(1);
        Thread loader = new Thread(() -> {
            synchronized (published) {
                locked.countDown();
                try {
                    if (!published.loadHinted()) {
                        published.get();
                    }
                } catch (RuntimeException e) {
                    // nothing is kept: the first get() on a request reads the pointer again and reports the failure
                }
            }
        }, "published-index-loader");
        loader.setDaemon(true);
        loader.start();
        // the loader holds the lock before anyone can ask, so a get() never starts a second load beside it
        try {
            locked.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return published;
    }

    /** A deployment's DynamoDB client and its published index, loading beside the client's construction. */
    public record Deployment(DynamoDbClient dynamo, PublishedIndex index) {
    }

    /**
     * The DynamoDB client of the deployment {@code settings} describe, built on the calling thread, and its published
     * index, loading (as above) from before that client exists: the loader needs it only for the pointer.
     */
    public static Deployment loadInBackground(Settings settings, Clock clock, Duration checkEvery) {
        CompletableFuture<DynamoDbClient> dynamo = new CompletableFuture<>();
        PublishedIndex index = loadInBackground(new ListSnapshots(dynamo::join, settings.table(),
                AwsClients.lazy(() -> AwsClients.s3(settings)), settings.bucket()), clock, checkEvery);
        try {
            dynamo.complete(AwsClients.dynamoDb(settings));
        } catch (RuntimeException e) {
            dynamo.completeExceptionally(e);
            throw e;
        }
        return new Deployment(dynamo.join(), index);
    }

    /** Loads the snapshot the S3 hint names; false when there is no hint. */
    private synchronized boolean loadHinted() {
        long now = clock.millis();
        Optional<ListSnapshots.Pointer> hint = snapshots.latestHint();
        hint.ifPresent(pointer -> {
            index = snapshots.load(pointer);
            snapshotId = pointer.snapshotId();
            checkedAt = now;
        });
        return hint.isPresent();
    }

    private long checkEveryMillis() {
        return index.listVersions().size() < SanctionsList.values().length
                ? Math.min(checkEveryMillis, INCOMPLETE_CHECK_EVERY.toMillis()) : checkEveryMillis;
    }

    /** The current index, or null while nothing is published. */
    @Override
    public synchronized ScreeningIndex get() {
        long now = clock.millis();
        if (index == null || now - checkedAt >= checkEveryMillis()) {
            checkedAt = now;
            snapshots.current().ifPresent(pointer -> {
                if (!pointer.snapshotId().equals(snapshotId)) {
                    index = snapshots.load(pointer);
                    snapshotId = pointer.snapshotId();
                }
            });
        }
        return index;
    }
}
