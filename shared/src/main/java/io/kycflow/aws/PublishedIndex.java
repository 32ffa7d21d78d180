package io.kycflow.aws;

import io.kycflow.screening.ScreeningIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The screening index a function screens with: the published snapshot, loaded at cold start and replaced when a
 * newer one is published. The pointer is read at most once per {@code checkEvery}, so a warm function notices a new
 * list version within that time without a read per request.
 */
public final class PublishedIndex implements Supplier<ScreeningIndex> {
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
     * The published index of the deployment {@code settings} describe, loaded now: at cold start (or into the SnapStart
     * snapshot), not on the first request.
     *
     * @param checkEvery how often the pointer is read again; zero for every {@link #get()}
     */
    public static PublishedIndex loadNow(Settings settings, Clock clock, DynamoDbClient dynamo, Duration checkEvery) {
        ListSnapshots snapshots = new ListSnapshots(dynamo, settings.table(),
                AwsClients.lazy(() -> AwsClients.s3(settings)), settings.bucket());
        PublishedIndex index = new PublishedIndex(snapshots, clock, checkEvery);
        index.get();
        return index;
    }

    /** The current index, or null while nothing is published. */
    @Override
    public synchronized ScreeningIndex get() {
        long now = clock.millis();
        if (index == null || now - checkedAt >= checkEveryMillis) {
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
