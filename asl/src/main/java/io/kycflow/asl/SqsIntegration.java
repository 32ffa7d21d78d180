package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code arn:aws:states:::sqs:sendMessage} through a host {@link MessageSender}; the result has the SendMessage
 * response shape (MessageId, MD5OfMessageBody and the SDK metadata).
 */
final class SqsIntegration implements TaskIntegration {
    static final String SEND_MESSAGE = "arn:aws:states:::sqs:sendMessage";

    private final MessageSender sender;

    SqsIntegration(MessageSender sender) {
        this.sender = sender;
    }

    @Override
    public JsonNode execute(TaskRequest request) throws TaskFailure {
        JsonNode parameters = request.parameters();
        JsonNode queueUrl = parameters.path("QueueUrl");
        JsonNode body = parameters.get("MessageBody");
        if (!queueUrl.isTextual() || body == null) {
            throw new TaskFailure(StatesError.RUNTIME, "The fields 'QueueUrl' and 'MessageBody' are required by "
                    + SEND_MESSAGE);
        }
        String text = body.isTextual() ? body.textValue() : Json.write(body);
        SqsMessage message = new SqsMessage(queueUrl.textValue(), text, parameters.get("MessageAttributes"),
                parameters.has("DelaySeconds") ? parameters.get("DelaySeconds").asInt() : null,
                parameters.path("MessageGroupId").textValue(),
                parameters.path("MessageDeduplicationId").textValue());
        String messageId;
        try {
            messageId = sender.send(message);
        } catch (RuntimeException e) {
            throw new TaskFailure("SQS.AmazonSQSException", String.valueOf(e.getMessage()));
        }
        ObjectNode response = SdkResponses.withMetadata(Map.of("Content-Type", "text/xml"));
        response.put("MD5OfMessageBody", md5(text));
        response.put("MessageId", messageId);
        return response;
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
