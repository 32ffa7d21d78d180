package io.kycflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.asl.ExecutionInfo;
import io.kycflow.asl.ExecutionStatus;
import io.kycflow.asl.HistoryEvent;
import io.kycflow.asl.LambdaFunctionError;
import io.kycflow.asl.LambdaInvoker;
import io.kycflow.asl.LocalStepFunctions;
import io.kycflow.asl.SfnHttpEndpoint;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Settings;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRepository;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's States Language interpreter behind its Step Functions endpoint, for tests of the journey functions:
 * their real SDK clients start and resume executions here. {@link #awaitingMachine} machines do what
 * statemachines/journey.asl.json does at a user step: a waitForTaskToken task that gives the recorder its token.
 */
public final class TestStepFunctions implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger MACHINES = new AtomicInteger();

    private final LocalStepFunctions sfn;
    private final SfnHttpEndpoint endpoint;
    private volatile LambdaInvoker recorder = (function, payload) -> {
        throw new LambdaFunctionError("ResourceNotFoundException", "no recorder given: " + function);
    };

    private TestStepFunctions() {
        sfn = LocalStepFunctions.builder().lambda((function, payload) -> recorder.invoke(function, payload)).build();
        try {
            endpoint = SfnHttpEndpoint.start(sfn, 0);
        } catch (IOException e) {
            sfn.close();
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the interpreter and its endpoint on a free port of 127.0.0.1. */
    public static TestStepFunctions start() {
        return new TestStepFunctions();
    }

    /** {@code base} with the SDK pointed at this endpoint and, unless null, the state machine to start. */
    public Settings settings(Settings base, String stateMachineArn) {
        Map<String, String> env = new HashMap<>(base.env());
        env.put("AWS_ENDPOINT_URL_SFN", endpoint.endpoint().toString());
        if (stateMachineArn != null) {
            env.put("KYCFLOW_STATE_MACHINE_ARN", stateMachineArn);
        }
        return new Settings(env);
    }

    /** The waits invoke this recorder function as Lambda would: an exception is a function error of its type. */
    public void recorder(JsonHandler handler) {
        recorder = (function, payload) -> {
            try {
                return handler.handle(payload, null);
            } catch (RuntimeException e) {
                throw new LambdaFunctionError(e.getClass().getName(), String.valueOf(e.getMessage()));
            }
        };
    }

    /**
     * For modules without the recorder function: the waits are recorded as it records them, through the journey
     * rules and {@code journeys} (which resumes at once when the input is already there).
     */
    public void recordWaitsIn(JourneyService journeys) {
        recorder = (function, payload) -> {
            JourneyStep step = JourneyStep.valueOf(payload.path("step").asText());
            String token = payload.path("taskToken").asText();
            journeys.update(payload.path("tenantId").asText(), payload.path("journeyId").asText(),
                    (journey, now) -> JourneyRules.await(journey, step, token, now));
            return Json.object();
        };
    }

    /** A new machine whose one state waits on {@code step} as the journey's do (the user's input lands in $.user). */
    public String awaitingMachine(JourneyStep step) {
        return sfn.createStateMachine("await-" + step.name().toLowerCase(Locale.ROOT) + "-" + MACHINES.incrementAndGet(), """
                {"StartAt": "Await", "States": {"Await": {
                  "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                  "Parameters": {"FunctionName": "journey-recorder", "Payload": {"action": "await", "step": "%s",
                    "tenantId.$": "$.tenantId", "journeyId.$": "$.journeyId", "taskToken.$": "$$.Task.Token"}},
                  "ResultPath": "$.user", "End": true}}}""".formatted(step.name()));
    }

    /** Starts an execution for the journey that waits on {@code step}, named after the journey as the API names them. */
    public String startWaiting(Journey journey, JourneyStep step) {
        ObjectNode input = Json.object().put("tenantId", journey.tenantId()).put("journeyId", journey.journeyId());
        return sfn.startExecution(awaitingMachine(step), journey.journeyId(), Json.write(input));
    }

    /** {@link #startWaiting}, and returns the execution once its wait is recorded on the journey. */
    public String awaitStep(JourneyRepository journeys, Journey journey, JourneyStep step) {
        String execution = startWaiting(journey, step);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (journeys.find(journey.tenantId(), journey.journeyId()).orElseThrow().waitingStep() != step) {
            if (System.nanoTime() > deadline || describe(execution).status() != ExecutionStatus.RUNNING) {
                throw new AssertionError("the wait on " + step + " was not recorded: " + describe(execution));
            }
            pause();
        }
        return execution;
    }

    /** The execution as it is now. */
    public ExecutionInfo describe(String execution) {
        return sfn.describeExecution(execution);
    }

    /** The execution once it has ended, or as it is after 10 s. */
    public ExecutionInfo awaitEnd(String execution) {
        return sfn.awaitExecution(execution, TIMEOUT);
    }

    /** How many of the execution's tasks succeeded: each resume of a wait is one. */
    public long succeededTasks(String execution) {
        return sfn.getExecutionHistory(execution).stream().map(HistoryEvent::type).filter("TaskSucceeded"::equals).count();
    }

    /** The output of an execution that has ended. */
    public static JsonNode output(ExecutionInfo info) {
        return Json.parse(info.output());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        endpoint.close();
        sfn.close();
    }
}
