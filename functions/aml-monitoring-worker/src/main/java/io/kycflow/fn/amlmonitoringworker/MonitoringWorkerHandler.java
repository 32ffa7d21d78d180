package io.kycflow.fn.amlmonitoringworker;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.aws.PublishedIndex;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SqsCallbackPublisher;
import io.kycflow.callback.CallbackPublisher;
import io.kycflow.json.Json;
import io.kycflow.kyc.KycService;
import io.kycflow.kyc.MonitoredSubject;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.store.DynamoKycRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The monitoring worker Lambda, fed by the monitoring queue (SQS event source with ReportBatchItemFailures):
 * re-screens each subject of the batch with {@link KycService#rescreen}, which screens nothing twice for one list
 * version, raises new hits (In Review, {@code aml.monitoring.hit} through the check's outbox) and keeps cleared ones
 * cleared. Answers the messages that failed as {@code batchItemFailures}: only those come back (and after the
 * queue's maxReceiveCount go to its dead-letter queue); the rest of the batch is done.
 */
public final class MonitoringWorkerHandler extends JsonHandler {
    private final KycService service;
    private final Supplier<ScreeningIndex> published;
    /** The index of the batch under way: the pointer is read once per batch, not once per subject. */
    private volatile ScreeningIndex batchIndex;

    /** Lambda entry point: clients built once per container from the environment. */
    public MonitoringWorkerHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** Wiring from settings: the index is the published snapshot (the local runtime passes its own settings). */
    public MonitoringWorkerHandler(Settings settings, Clock clock) {
        // Duration.ZERO: the pointer is read on every get(), which is once per batch.
        this(settings, clock, PublishedIndex.loadInBackground(settings, clock, Duration.ZERO));
    }

    private MonitoringWorkerHandler(Settings settings, Clock clock, PublishedIndex.Deployment deployment) {
        this(settings, clock, deployment.dynamo(), deployment.index(), new SqsCallbackPublisher(
                AwsClients.lazy(() -> AwsClients.sqs(settings)), settings.callbackQueueUrl()));
    }

    /**
     * Wiring with a given index and callback publisher (tests, benchmark).
     *
     * @param published read at the start of each batch: a sweep queued for a list version is screened with that
     *                  version or a newer one, never an older one a warm container still holds
     */
    public MonitoringWorkerHandler(Settings settings, Clock clock, DynamoDbClient dynamo,
                                   Supplier<ScreeningIndex> published, CallbackPublisher callbacks) {
        this.published = published;
        this.service = new KycService(new DynamoKycRepository(dynamo, settings.table()), () -> batchIndex, callbacks,
                clock, settings.monitoringInterval());
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        batchIndex = published.get();
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode record : event.path("Records")) {
            String messageId = record.path("messageId").asText();
            try {
                MonitoredSubject subject = MonitoredSubject.fromMessage(record.path("body").asText());
                service.rescreen(subject.tenantId(), subject.jobId());
            } catch (RuntimeException e) {
                // the message comes back after its visibility timeout; the exception's message may hold data, so only its type is logged
                Log.warn("monitoring re-screening failed", "messageId", messageId, "errorType", e.getClass().getName());
                failures.addObject().put("itemIdentifier", messageId);
            }
        }
        return response;
    }
}
