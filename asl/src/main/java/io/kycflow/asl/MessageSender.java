package io.kycflow.asl;

/** The host's way to send an SQS message, used by {@code arn:aws:states:::sqs:sendMessage} (and its callback form). */
@FunctionalInterface
public interface MessageSender {
    /**
     * @return the MessageId the queue assigned
     * @throws TaskFailure to fail the task with a specific error name (any other exception fails it with
     *                     {@code SQS.AmazonSQSException})
     */
    String send(SqsMessage message) throws TaskFailure;
}
