package io.kycflow.fn.amlmonitoringscheduler;

import io.kycflow.aws.AwsClients;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.aws.Settings;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycService;
import io.kycflow.kyc.KycSubject;
import io.kycflow.kyc.MonitoredSubject;
import io.kycflow.screening.SubjectType;
import io.kycflow.store.DynamoKycRepository;
import io.kycflow.store.KycflowTable;
import io.kycflow.testing.SanctionsFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep on embedded DynamoDB, S3 and SQS: monitored checks created through {@link KycService} with the real
 * lists, list versions published as snapshots, and what the sweep queued read back from the queue.
 */
class MonitoringSweepTest {
    private static final String TABLE = "monitoring-sweep-test";
    private static final int SUBJECTS = 600;

    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static ListSnapshots snapshots;
    private static String queueUrl;
    private static Set<MonitoredSubject> monitored = new HashSet<>();

    @BeforeAll
    static void start() {
        LocalBackends backends = TestBackends.shared();
        backends.createBucket(TABLE);
        Map<String, String> env = new HashMap<>(backends.environment());
        env.put("KYCFLOW_TABLE", TABLE);
        env.put("KYCFLOW_BUCKET", TABLE);
        Settings settings = new Settings(env);
        dynamo = AwsClients.dynamoDb(settings);
        KycflowTable.create(dynamo, TABLE);
        sqs = AwsClients.sqs(settings);
        queueUrl = backends.createQueue(TABLE);
        S3Client s3 = AwsClients.s3(settings);
        snapshots = new ListSnapshots(dynamo, TABLE, () -> s3, TABLE);
        KycService service = new KycService(new DynamoKycRepository(dynamo, TABLE), SanctionsFixtures::index,
                event -> { }, Clock.systemUTC(), Duration.ofDays(1));
        for (int i = 0; i < SUBJECTS; i++) {
            String tenant = "tenant-" + (i % 3);
            KycCheck check = service.create(new KycCheck.Request(tenant,
                    new KycSubject(SubjectType.PERSON, "Subject Number " + i, null, null, null, null), Set.of(), 95,
                    i % 10 != 0, null, null));
            if (check.monitoring()) {
                monitored.add(new MonitoredSubject(tenant, check.jobId()));
            }
        }
    }

    private static MonitoringSweep sweep(Clock clock) {
        return new MonitoringSweep(dynamo, TABLE, snapshots, sqs, queueUrl, clock);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Everything on the queue, taken off it (with how often each subject was there). */
    private static List<MonitoredSubject> drain() {
        List<MonitoredSubject> subjects = new java.util.ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                return subjects;
            }
            for (Message message : messages) {
                subjects.add(MonitoredSubject.fromMessage(message.body()));
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private static void publish(String snapshotId) {
        snapshots.publish(snapshotId, SanctionsFixtures.index(), System.currentTimeMillis());
    }

    @Test
    void aCrashMidFanOutLosesNoSubjectAndTheNextRunResumes() {
        publish("crash-test-1");
        AtomicInteger pages = new AtomicInteger();
        BooleanSupplier crashesOnTheFourthPage = () -> {
            if (pages.incrementAndGet() == 4) {
                throw new IllegalStateException("the process died");
            }
            return true;
        };
        Clock now = Clock.systemUTC();
        assertThrows(IllegalStateException.class, () -> sweep(now).run(crashesOnTheFourthPage));
        List<MonitoredSubject> beforeCrash = drain();
        assertTrue(!beforeCrash.isEmpty() && beforeCrash.size() < monitored.size(), "queued before the crash: " + beforeCrash.size());

        MonitoringSweep.Outcome resumed = sweep(now).run(() -> true);
        assertEquals("done", resumed.status());
        List<MonitoredSubject> afterCrash = drain();
        // resumed from the checkpoint: what was queued before is not queued again
        assertEquals(monitored.size() - beforeCrash.size(), resumed.queued());
        Set<MonitoredSubject> all = new HashSet<>(beforeCrash);
        all.addAll(afterCrash);
        assertEquals(monitored, all);
        assertEquals(monitored.size(), beforeCrash.size() + afterCrash.size());

        // the version is swept: the next run takes only the subjects due, none yet; a day later, all of them
        assertEquals(0, sweep(now).run(() -> true).queued());
        assertEquals(List.of(), drain());
        MonitoringSweep.Outcome dayLater = sweep(at(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60))).run(() -> true);
        assertEquals(monitored.size(), dayLater.queued());
        assertEquals(monitored, new HashSet<>(drain()));
    }

    @Test
    void aNewListVersionQueuesEveryMonitoredSubjectOnce() {
        publish("version-test-1");
        sweep(Clock.systemUTC()).run(() -> true);
        drain();
        publish("version-test-2");
        MonitoringSweep.Outcome outcome = sweep(Clock.systemUTC()).run(() -> true);
        assertEquals("done", outcome.status());
        assertTrue(outcome.run().full());
        List<MonitoredSubject> queued = drain();
        assertEquals(monitored.size(), queued.size());
        assertEquals(monitored, new HashSet<>(queued));
    }

    @Test
    void aRunOutOfTimeIsPausedAndTheNextGoesOn() {
        publish("pause-test-1");
        AtomicInteger pages = new AtomicInteger();
        MonitoringSweep.Outcome paused = sweep(Clock.systemUTC()).run(() -> pages.incrementAndGet() <= 2);
        assertEquals("paused", paused.status());
        MonitoringSweep.Outcome rest = sweep(Clock.systemUTC()).run(() -> true);
        assertEquals("done", rest.status());
        assertEquals(monitored.size(), paused.queued() + rest.queued());
        assertEquals(monitored, new HashSet<>(drain()));
    }
}
