package io.kycflow.aws;

import io.kycflow.screening.ScreeningIndex;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
     * The published index, loading from now on a background thread: at
     * cold start (or into the SnapStart snapshot), not on the first request. The constructor and the first request's
     * work before its screening (parsing, the idempotency claim) overlap the pointer read, the snapshot download and
     * its decoding; {@link #get()} waits for the load. A failed load is retried by the next {@link #get()}.
     *
     * @param checkEvery how often the pointer is read again; zero for every {@link #get()}
     */
    public static PublishedIndex loadInBackground(ListSnapshots snapshots, Clock clock, Duration checkEvery) {
        PublishedIndex index = new PublishedIndex(snapshots, clock, checkEvery);
        CountDownLatch loading = new CountDownLatch(1);
        Thread loader = new Thread(() -> {
            synchronized (index) {
                loading.countDown();
                try {
                    index.get();
                } catch (RuntimeException e) {
                    // nothing is kept: the first get() on a request reads the pointer again and reports the failure
                }
            }
        }, "published-index-loader");
        loader.setDaemon(true);
        loader.start();
        // the loader holds the lock before anyone can ask, so a get() never starts a second load beside it
        try {
            loading.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
