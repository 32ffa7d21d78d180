package io.kycflow.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One execution history event, named as in Step Functions (ExecutionStarted, TaskStateEntered, TaskScheduled,
 * TaskSucceeded, MapIterationStarted, ExecutionFailed, ...). {@code details} holds the fields of the event's
 * details object, e.g. {@code name} and {@code input} for a StateEntered event; treat it as read-only.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

    /** The member that carries {@link #details()} in the GetExecutionHistory response, e.g. stateEnteredEventDetails. */
    public String detailsKey() {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
