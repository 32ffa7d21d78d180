package io.kycflow.asl;

/**
 * A function error (the {@code errorType}/{@code errorMessage} document Lambda returns with
 * {@code X-Amz-Function-Error}). The task fails with error name {@code errorType}, or {@code Lambda.Unknown} when
 * the runtime gave no type, and the cause is the error document as JSON, as in Step Functions.
 */
public class LambdaFunctionError extends Exception {
    private final String errorType;
    private final String errorMessage;

    /** @param errorType may be null when the runtime reported no type (crash, timeout) */
    public LambdaFunctionError(String errorType, String errorMessage) {
        super(errorType + ": " + errorMessage);
        this.errorType = errorType;
        this.errorMessage = errorMessage;
    }

    public String errorType() {
        return errorType;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
