package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the work of Task states whose Resource it is registered for. Called on its own (virtual) thread, so it may
 * block. For a {@code .waitForTaskToken} resource the return value is ignored and the task waits for
 * SendTaskSuccess / SendTaskFailure with {@link TaskRequest#taskToken()}.
 */
@FunctionalInterface
public interface TaskIntegration {
    /**
     * @return the task result
     * @throws TaskFailure to fail the task with a given error name and cause (other exceptions fail it with
     *                     States.TaskFailed)
     */
    JsonNode execute(TaskRequest request) throws TaskFailure;
}
