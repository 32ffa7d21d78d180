package io.kycflow.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyResumer;
import io.kycflow.journey.JourneyRules;
import io.kycflow.json.Json;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.util.function.Supplier;

/** The journey state machine through Step Functions: starting executions and resuming waiting user steps. */
public final class SfnJourneys implements JourneyResumer {
    private final Supplier<SfnClient> sfn;
    private final String stateMachineArn;

    /**
     * @param sfn             the client, e.g. {@link AwsClients#lazy} so that functions that never call Step Functions
     *                        don't build it
     * @param stateMachineArn the machine to start executions of; null in functions that only resume (a task token
     *                        names its execution)
     */
    public SfnJourneys(Supplier<SfnClient> sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    /** Builds the client now: for SnapStart priming, so the snapshot holds it. */
    public void prime() {
        sfn.get();
    }

    /** Starts the journey's execution, named after the journey so a retried start is idempotent. */
    public void start(Journey journey, long now) {
        if (stateMachineArn == null) {
            throw new IllegalStateException("no state machine to start executions of");
        }
        ObjectNode input = Json.object().put("tenantId", journey.tenantId()).put("journeyId", journey.journeyId());
        input.putObject("user").put("secondsLeft", JourneyRules.secondsLeft(journey, now));
        try {
            sfn.get().startExecution(b -> b.stateMachineArn(stateMachineArn).name(journey.journeyId()).input(Json.write(input)));
        } catch (ExecutionAlreadyExistsException alreadyStarted) {
            // Same journey started twice (a retried request): the first execution stands.
        }
    }

    @Override
    public void resume(String taskToken, ObjectNode output) {
        try {
            sfn.get().sendTaskSuccess(b -> b.taskToken(taskToken).output(Json.write(output)));
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException stale) {
            // The wait already ended (timed out or resumed); the journey record already says so.
        }
    }
}
