package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Lambda through a host {@link LambdaInvoker}, in the two shapes Step Functions has: the optimized
 * {@code arn:aws:states:::lambda:invoke} integration (parameters FunctionName, Payload, Qualifier; result is the
 * Invoke response with the function result under Payload) and a plain function ARN as Resource (the input is the
 * event and the result is the function result itself).
 */
final class LambdaIntegration implements TaskIntegration {
    static final String INVOKE = "arn:aws:states:::lambda:invoke";

    private final LambdaInvoker invoker;
    private final boolean invokeApi;

    private LambdaIntegration(LambdaInvoker invoker, boolean invokeApi) {
        this.invoker = invoker;
        this.invokeApi = invokeApi;
    }

    /** For {@code arn:aws:states:::lambda:invoke}. */
    static LambdaIntegration invokeApi(LambdaInvoker invoker) {
        return new LambdaIntegration(invoker, true);
    }

    /** For {@code arn:aws:lambda:<region>:<account>:function:<name>} resources. */
    static LambdaIntegration functionArn(LambdaInvoker invoker) {
        return new LambdaIntegration(invoker, false);
    }

    static boolean isFunctionArn(String resource) {
        return resource.matches("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?");
    }

    @Override
    public JsonNode execute(TaskRequest request) throws TaskFailure {
        String function = request.resource();
        JsonNode payload = request.parameters();
        if (invokeApi) {
            JsonNode parameters = request.parameters();
            if (!parameters.path("FunctionName").isTextual()) {
                throw new TaskFailure(StatesError.RUNTIME, "The field 'FunctionName' is required by " + INVOKE);
            }
            function = parameters.get("FunctionName").textValue();
            if (parameters.path("Qualifier").isTextual()) {
                function += ":" + parameters.get("Qualifier").textValue();
            }
            payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
        }
        JsonNode result;
        try {
            result = invoker.invoke(function, payload);
        } catch (LambdaFunctionError e) {
            throw functionError(e);
        } catch (RuntimeException e) {
            throw new TaskFailure("Lambda.ServiceException", String.valueOf(e.getMessage()));
        }
        if (result == null) {
            result = NullNode.getInstance();
        }
        if (!invokeApi) {
            return result;
        }
        ObjectNode response = SdkResponses.withMetadata(Map.of(
                "Content-Type", "application/json", "X-Amz-Executed-Version", "$LATEST"));
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", result);
        response.put("StatusCode", 200);
        return response;
    }

    /** Error name = errorType; cause = the error document, as Step Functions reports function errors. */
    private static TaskFailure functionError(LambdaFunctionError e) {
        ObjectNode document = Json.object();
        document.put("errorMessage", e.errorMessage());
        if (e.errorType() == null) {
            return new TaskFailure("Lambda.Unknown", "The cause could not be determined because Lambda did not"
                    + " return an error type. Returned payload: " + Json.write(document));
        }
        document.put("errorType", e.errorType());
        return new TaskFailure(e.errorType(), Json.write(document));
    }
}
