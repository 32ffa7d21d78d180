package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The host's way to run a Lambda function, used by {@code arn:aws:states:::lambda:invoke} (and its
 * {@code .waitForTaskToken} form) and by plain function ARN resources. May block.
 */
@FunctionalInterface
public interface LambdaInvoker {
    /**
     * @param functionName the FunctionName parameter as written (name, ARN or partial ARN, with the Qualifier
     *                     appended after a colon if one was given), or the function ARN of the Resource
     * @param payload      the event
     * @return the function's result (null is JSON null)
     * @throws LambdaFunctionError when the function failed, as Lambda reports a function error
     */
    JsonNode invoke(String functionName, JsonNode payload) throws LambdaFunctionError;
}
