package io.kycflow.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Resumes a journey execution that waits on a user step (Step Functions SendTaskSuccess in production). */
public interface JourneyResumer {

    /**
     * Resumes the waiting task. A token that is no longer valid (the task already timed out or was resumed) is
     * ignored: the journey record already tells the truth.
     */
    void resume(String taskToken, ObjectNode output);
}
