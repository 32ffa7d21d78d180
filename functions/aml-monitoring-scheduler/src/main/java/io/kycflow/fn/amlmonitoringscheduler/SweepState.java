package io.kycflow.fn.amlmonitoringscheduler;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Where the monitoring sweep stands: the list snapshot it last swept in full, and the run under way with its
 * checkpoint (shard and the key to continue from). A run that stops, for whatever reason, is resumed by the next
 * invocation from its last checkpoint.
 *
 * @param sweptSnapshot the snapshot every monitored subject was queued for; null before the first full sweep
 * @param run           the run under way; null when none is
 * @param version       for optimistic locking: two sweeps never write the same checkpoint
 */
record SweepState(String sweptSnapshot, Run run, long version) {

    /** Nothing swept yet. */
    static final SweepState NONE = new SweepState(null, null, 0);

    /**
     * One pass over the monitoring index.
     *
     * @param snapshot the published snapshot the run was started for
     * @param dueBy    subjects due by this time (epoch milliseconds); null for every monitored subject (a full
     *                 sweep, after a new list version is published)
     * @param shard    the shard it is at
     * @param cursor   where that shard continues; null at its start
     */
    record Run(String snapshot, Long dueBy, int shard, Map<String, AttributeValue> cursor) {
        boolean full() {
            return dueBy == null;
        }

        Run at(int nextShard, Map<String, AttributeValue> nextCursor) {
            return new Run(snapshot, dueBy, nextShard, nextCursor);
        }
    }

    /**
     * The run to do now that {@code published} is the snapshot in force: the one under way if it still serves,
     * else a full sweep when the published version was not swept in full yet (it covers what is due too), else the
     * subjects due now.
     */
    Run next(String published, long now) {
        boolean newVersion = !published.equals(sweptSnapshot);
        if (run != null && (run.full() ? run.snapshot().equals(published) : !newVersion)) {
            return run;
        }
        return newVersion ? new Run(published, null, 0, null) : new Run(published, now, 0, null);
    }

    /** The state once {@code finished} has gone through every shard. */
    SweepState completed(Run finished) {
        return new SweepState(finished.full() ? finished.snapshot() : sweptSnapshot, null, version);
    }

    SweepState with(Run current) {
        return new SweepState(sweptSnapshot, current, version);
    }
}
