package io.kycflow.asl;

/** Thrown by a {@link TaskIntegration} or {@link MessageSender} to fail a task with a Step Functions error name. */
public class TaskFailure extends Exception {
    private final String error;
    private final String cause;

    public TaskFailure(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
