package io.kycflow.asl;

/**
 * An API error with the Step Functions error code (e.g. {@code ExecutionDoesNotExist}, {@code InvalidToken},
 * {@code TaskTimedOut}); {@link SfnHttpEndpoint} sends the code as {@code __type} so the AWS SDK throws the
 * matching exception class.
 */
public final class SfnException extends RuntimeException {
    private final String code;

    public SfnException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The AWS error code, without any namespace prefix. */
    public String code() {
        return code;
    }
}
