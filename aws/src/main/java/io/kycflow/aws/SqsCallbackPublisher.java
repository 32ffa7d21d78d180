package io.kycflow.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.callback.CallbackEvent;
import io.kycflow.callback.CallbackPublisher;
import io.kycflow.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.function.Supplier;

/**
 * Puts callback events on the callback queue as {@code {"callback_url": ..., "event": <body>}}; the delivery function
 * signs and posts the event body.
 */
public final class SqsCallbackPublisher implements CallbackPublisher {
    private final Supplier<SqsClient> sqs;
    private final String queueUrl;

    public SqsCallbackPublisher(Supplier<SqsClient> sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(CallbackEvent event) {
        ObjectNode message = Json.object().put("callback_url", event.callbackUrl());
        message.set("event", event.body());
        sqs.get().sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(message)));
    }
}
