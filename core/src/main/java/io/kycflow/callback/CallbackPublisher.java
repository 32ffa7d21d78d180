package io.kycflow.callback;

/** Hands callback events to the delivery function (an SQS queue in the cloud and locally). */
@FunctionalInterface
public interface CallbackPublisher {
    /** Enqueues the event; throws when it could not be enqueued (the caller keeps it to publish again). */
    void publish(CallbackEvent event);
}
