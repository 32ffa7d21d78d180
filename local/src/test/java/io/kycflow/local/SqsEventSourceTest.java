package io.kycflow.local;

import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SqsCallbackPublisher;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.fn.amlmonitoringworker.MonitoringWorkerHandler;
import io.kycflow.kyc.MonitoredSubject;
import io.kycflow.testing.SanctionsFixtures;
import io.kycflow.testing.TestDeployment;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The local SQS event source with the monitoring worker on ElasticMQ and DynamoDB Local: a message the worker
 * cannot take is reported as a batch item failure, received again, and after maxReceiveCount moved to the
 * dead-letter queue; the rest of its batch is deleted.
 */
class SqsEventSourceTest {
    private static final String NAME = "event-source-test";

    @Test
    void aMessageThatKeepsFailingEndsInTheDeadLetterQueueAndTheRestIsDone() throws Exception {
        LocalBackends backends = TestBackends.shared();
        Settings settings = TestDeployment.named(NAME);
        DynamoDbClient dynamo = AwsClients.dynamoDb(settings);
        SqsClient sqs = AwsClients.sqs(settings);
        String callbacks = backends.createQueue(NAME + "-callbacks");
        String queue = SqsEventSource.createWithDeadLetterQueue(sqs, NAME, 1, 2);
        String deadLetters = sqs.getQueueUrl(b -> b.queueName(NAME + "-dlq")).queueUrl();

        LocalFunctions functions = new LocalFunctions();
        functions.register("worker", new MonitoringWorkerHandler(settings, Clock.systemUTC(), dynamo,
                SanctionsFixtures::index, new SqsCallbackPublisher(() -> sqs, callbacks)));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"tenant_id\":\"acme\"}"));
        // a check that does not exist (any more): nothing to screen, so the message is done
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(new MonitoredSubject("acme", "kyc_gone").toMessage()));

        try (SqsEventSource source = new SqsEventSource(sqs, queue, backends.region(), functions, "worker", 1)) {
            List<Message> dead = List.of();
            for (int i = 0; i < 100 && dead.isEmpty(); i++) {
                dead = sqs.receiveMessage(b -> b.queueUrl(deadLetters).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
            }
            assertEquals(1, dead.size());
            assertEquals("{\"tenant_id\":\"acme\"}", dead.getFirst().body());
            Map<QueueAttributeName, String> left = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            assertEquals("0", left.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        } finally {
            functions.close();
        }
    }
}
