package io.kycflow.fn.amlmonitoringscheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.json.Json;
import io.kycflow.kyc.MonitoredSubject;
import io.kycflow.store.KycflowTable;
import io.kycflow.store.MonitoringIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static io.kycflow.store.KycflowTable.n;
import static io.kycflow.store.KycflowTable.s;

/**
 * The monitoring sweep: queues every monitored subject after a new list version is published, else those due, for
 * the re-screening worker. It checkpoints after each page, so a run that stops (its time is up, or it crashed)
 * is resumed where it was by the next one; a page queued again after a crash is harmless, since the worker screens
 * nothing twice for one list version. Subjects stay due until the worker has re-screened them, so none is lost.
 */
final class MonitoringSweep {
    static final int PAGE_SIZE = 500;
    private static final int SQS_BATCH = 10;
    private static final int SEND_ATTEMPTS = 5;
    private static final Map<String, AttributeValue> STATE_KEY = KycflowTable.key("MONITORING", "SWEEP");

    /** What one invocation did: {@code status} is done, paused (time up), busy (another sweep holds it) or no_lists. */
    record Outcome(String status, int queued, SweepState.Run run) {
        ObjectNode toJson() {
            ObjectNode json = Json.object().put("status", status).put("queued", queued);
            if (run != null) {
                json.put("full", run.full()).put("snapshot", run.snapshot()).put("shard", run.shard());
            }
            return json;
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final ListSnapshots snapshots;
    private final MonitoringIndex index;
    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    MonitoringSweep(DynamoDbClient dynamo, String table, ListSnapshots snapshots, SqsClient sqs, String queueUrl,
                    Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.snapshots = snapshots;
        this.index = new MonitoringIndex(dynamo, table);
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /**
     * Runs or resumes the sweep while {@code timeLeft} allows another page.
     *
     * @throws RuntimeException when a read or the queue fails; the checkpoint holds what was done
     */
    Outcome run(BooleanSupplier timeLeft) {
        Optional<ListSnapshots.Pointer> pointer = snapshots.current();
        if (pointer.isEmpty()) {
            return new Outcome("no_lists", 0, null);
        }
        SweepState state = load();
        SweepState.Run run = state.next(pointer.get().snapshotId(), clock.millis());
        int queued = 0;
        try {
            if (!run.equals(state.run())) {
                state = save(state.with(run));
            }
            while (run.shard() < KycflowTable.MONITORING_SHARDS) {
                if (!timeLeft.getAsBoolean()) {
                    return new Outcome("paused", queued, run);
                }
                MonitoringIndex.Page page = index.page(run.shard(), run.dueBy(), run.cursor(), PAGE_SIZE);
                send(page.subjects());
                queued += page.subjects().size();
                run = page.next() == null ? run.at(run.shard() + 1, null) : run.at(run.shard(), page.next());
                state = save(state.with(run));
            }
            save(state.completed(run));
            return new Outcome("done", queued, run);
        } catch (ConditionalCheckFailedException e) {
            // another invocation moved the checkpoint: it carries on with the sweep
            return new Outcome("busy", queued, run);
        }
    }

    /** Queues the subjects, ten to a request; entries the queue refused are sent again a few times. */
    private void send(List<MonitoredSubject> subjects) {
        for (int from = 0; from < subjects.size(); from += SQS_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(SQS_BATCH);
            for (int i = from; i < Math.min(from + SQS_BATCH, subjects.size()); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from))
                        .messageBody(subjects.get(i).toMessage()).build());
            }
            for (int attempt = 1; !entries.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> batch = entries;
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(batch));
                Set<String> failed = response.failed().stream().map(BatchResultErrorEntry::id).collect(Collectors.toSet());
                entries = batch.stream().filter(e -> failed.contains(e.id())).toList();
                if (!entries.isEmpty()) {
                    if (attempt >= SEND_ATTEMPTS) {
                        throw new IllegalStateException("the monitoring queue refused " + entries.size()
                                + " messages " + SEND_ATTEMPTS + " times: " + response.failed().getFirst().code());
                    }
                    pause(50L << attempt);
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing monitored subjects", e);
        }
    }

    SweepState load() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(STATE_KEY)).item();
        if (item == null || item.isEmpty()) {
            return SweepState.NONE;
        }
        SweepState.Run run = null;
        if (item.containsKey("runSnapshot")) {
            run = new SweepState.Run(item.get("runSnapshot").s(),
                    item.containsKey("runDueBy") ? Long.valueOf(item.get("runDueBy").n()) : null,
                    Integer.parseInt(item.get("runShard").n()),
                    item.containsKey("runCursor") ? item.get("runCursor").m() : null);
        }
        return new SweepState(item.containsKey("swept") ? item.get("swept").s() : null, run,
                Long.parseLong(item.get("version").n()));
    }

    /**
     * Writes the state if nobody wrote since it was read.
     *
     * @return the state at its new version
     * @throws ConditionalCheckFailedException when another invocation did
     */
    private SweepState save(SweepState state) {
        Map<String, AttributeValue> item = new HashMap<>(STATE_KEY);
        item.put("version", n(state.version() + 1));
        item.put("updatedAt", n(clock.millis()));
        if (state.sweptSnapshot() != null) {
            item.put("swept", s(state.sweptSnapshot()));
        }
        SweepState.Run run = state.run();
        if (run != null) {
            item.put("runSnapshot", s(run.snapshot()));
            item.put("runShard", n(run.shard()));
            if (run.dueBy() != null) {
                item.put("runDueBy", n(run.dueBy()));
            }
            if (run.cursor() != null) {
                item.put("runCursor", AttributeValue.fromM(run.cursor()));
            }
        }
        if (state.version() == 0) {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } else {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(state.version()))));
        }
        return new SweepState(state.sweptSnapshot(), run, state.version() + 1);
    }
}
