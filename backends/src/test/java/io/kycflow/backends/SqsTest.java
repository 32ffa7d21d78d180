package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsTest {

    private static LocalBackends backends;
    private static SqsClient sqs;

    @BeforeAll
    static void connect() {
        backends = Clients.shared();
        sqs = Clients.sqs(backends);
    }

    @AfterAll
    static void closeClient() {
        sqs.close();
    }

    @Test
    void createSendReceiveDelete() {
        String queueUrl = sqs.createQueue(r -> r.queueName(Clients.uniqueName("checks"))).queueUrl();

        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"journeyId\":\"j-1\"}"));
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages();
        assertEquals(1, received.size());
        assertEquals("{\"journeyId\":\"j-1\"}", received.getFirst().body());

        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(received.getFirst().receiptHandle()));
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(queueUrl)).messages().isEmpty());
    }

    @Test
    void messageReceivedTooOftenMovesToTheDeadLetterQueue() {
        String name = Clients.uniqueName("work");
        String dlqUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        assertTrue(dlqArn.startsWith("arn:aws:sqs:" + backends.region() + ":"), dlqArn);
        String queueUrl = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"1\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();

        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("poison"));
        assertEquals(1, sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages().size());
        // Not deleted: visible again after 1 s, it would be received a second time, so it goes to the DLQ instead.
        assertTrue(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(2)).messages().isEmpty());

        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlqUrl).waitTimeSeconds(5)).messages();
        assertEquals(List.of("poison"), dead.stream().map(Message::body).toList());
    }

    @Test
    void createQueueHelperReturnsAUsableUrl() {
        String queueUrl = backends.createQueue(Clients.uniqueName("helper"));

        assertTrue(queueUrl.startsWith(backends.sqsEndpoint().toString()), queueUrl);
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("hello"));
        assertEquals("hello", sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5))
                .messages().getFirst().body());
    }
}
