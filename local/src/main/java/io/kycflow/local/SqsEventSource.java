package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.Log;
import io.kycflow.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local stand-in for a Lambda SQS event source mapping with {@code ReportBatchItemFailures}: pollers receive
 * batches of up to ten messages, invoke the function with Lambda's SQS event, and delete the messages it did not
 * report as failed. Failed messages (all of them when the invocation itself fails) come back after the queue's
 * visibility timeout, and the queue's redrive policy moves them to its dead-letter queue, as in AWS.
 */
final class SqsEventSource implements AutoCloseable {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final LocalFunctions functions;
    private final String function;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running = true;

    /** Starts {@code concurrency} pollers that deliver the queue to the function. */
    SqsEventSource(SqsClient sqs, String queueUrl, String region, LocalFunctions functions, String function, int concurrency) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        this.region = region;
        this.functions = functions;
        this.function = function;
        for (int i = 0; i < concurrency; i++) {
            Thread poller = new Thread(this::poll, "sqs-" + function + "-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
            poller.start();
        }
    }

    /**
     * Creates a queue with a dead-letter queue ({@code <name>-dlq}) that takes a message after it was received
     * {@code maxReceiveCount} times, as the template's queues are; returns the queue's URL.
     */
    static String createWithDeadLetterQueue(SqsClient sqs, String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = Json.write(Json.object().put("deadLetterTargetArn", dlqArn).put("maxReceiveCount", maxReceiveCount));
        return sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(BATCH)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    Log.warn("sqs event source: poll failed", "function", function, "errorType", e.getClass().getName());
                    sleep();
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            JsonNode response = functions.invoke(function, event(messages));
            response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        } catch (LocalFunctions.FunctionError e) {
            // the whole batch failed: every message comes back after its visibility timeout
            Log.warn("sqs event source: invocation failed", "function", function, "errorType", e.errorType());
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }

    /** Lambda's SQS event for the messages. */
    private ObjectNode event(List<Message> messages) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject()
                    .put("messageId", message.messageId())
                    .put("receiptHandle", message.receiptHandle())
                    .put("body", message.body())
                    .put("md5OfBody", message.md5OfBody())
                    .put("eventSource", "aws:sqs")
                    .put("eventSourceARN", queueArn)
                    .put("awsRegion", region);
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
        }
        return event;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread poller : pollers) {
            poller.join(3_000);
        }
    }
}
