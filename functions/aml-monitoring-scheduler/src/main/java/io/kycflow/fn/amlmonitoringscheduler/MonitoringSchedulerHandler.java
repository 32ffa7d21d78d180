package io.kycflow.fn.amlmonitoringscheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.aws.Log;
import io.kycflow.aws.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The monitoring scheduler Lambda, started by an EventBridge schedule: runs (or resumes) the {@link MonitoringSweep},
 * which queues monitored subjects for the re-screening worker. It stops a little before its timeout; the next
 * scheduled run goes on from the checkpoint.
 */
public final class MonitoringSchedulerHandler extends JsonHandler {
    /** Time kept in hand for the page under way and the checkpoint when the Lambda's time runs out. */
    private static final long MARGIN_MILLIS = 30_000;

    private final MonitoringSweep sweep;

    /** Lambda entry point: clients built once per container from the environment. */
    public MonitoringSchedulerHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** Wiring from settings (the local runtime passes its own). */
    public MonitoringSchedulerHandler(Settings settings, Clock clock) {
        this(settings, clock, AwsClients.dynamoDb(settings), AwsClients.sqs(settings));
    }

    /** Wiring with given clients (tests, benchmark). */
    public MonitoringSchedulerHandler(Settings settings, Clock clock, DynamoDbClient dynamo, SqsClient sqs) {
        ListSnapshots snapshots = new ListSnapshots(dynamo, settings.table(),
                AwsClients.lazy(() -> AwsClients.s3(settings)), settings.bucket());
        this.sweep = new MonitoringSweep(dynamo, settings.table(), snapshots, sqs,
                settings.monitoringQueueUrl(), clock);
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        BooleanSupplier timeLeft = context == null ? () -> true : () -> context.getRemainingTimeInMillis() > MARGIN_MILLIS;
        MonitoringSweep.Outcome outcome = sweep.run(timeLeft);
        Log.info("monitoring sweep", "status", outcome.status(), "queued", Integer.toString(outcome.queued()));
        return outcome.toJson();
    }
}
