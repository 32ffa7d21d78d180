package io.kycflow.asl;

import java.util.List;

/**
 * A failure inside an execution, named like Step Functions names it (e.g. {@code States.Timeout} or a function's
 * error type). It travels up through Retry and Catch until it is handled or fails the execution.
 */
final class StatesError extends RuntimeException {
    static final String ALL = "States.ALL";
    static final String RUNTIME = "States.Runtime";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

    private final String error;
    private final String cause;

    StatesError(String error, String cause) {
        // No stack trace: these are expected control flow, created often and never logged.
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    /** May be null, e.g. for SendTaskFailure without an error or a Fail state without Error. */
    String error() {
        return error;
    }

    String cause() {
        return cause;
    }

    /**
     * Whether a Retrier or Catcher listing {@code errorEquals} handles this error. States.Runtime is never
     * handled, not even by States.ALL; States.TaskFailed matches everything but States.Timeout.
     */
    boolean matches(List<String> errorEquals) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        if (errorEquals.contains(ALL) || (error != null && errorEquals.contains(error))) {
            return true;
        }
        return errorEquals.contains(TASK_FAILED) && !TIMEOUT.equals(error);
    }
}
