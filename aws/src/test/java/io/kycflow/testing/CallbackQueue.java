package io.kycflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;

/** Reads the callback queue in tests: the events queued for delivery. */
public final class CallbackQueue {
    private CallbackQueue() {
    }

    /**
     * The events of one type for one job now on the queue, after a few seconds of long polling; every message read
     * is taken off the queue.
     */
    public static List<JsonNode> take(SqsClient sqs, String queueUrl, String jobId, String eventType) {
        List<JsonNode> events = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode event = Json.parse(message.body()).get("event");
                if (event.at("/data/job_id").asText().equals(jobId) && event.get("event_type").asText().equals(eventType)) {
                    events.add(event);
                }
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return events;
    }
}
