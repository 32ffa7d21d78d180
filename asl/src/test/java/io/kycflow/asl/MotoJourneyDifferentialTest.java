package io.kycflow.asl;

import static io.kycflow.asl.JourneyDefinitionTest.AML;
import static io.kycflow.asl.JourneyDefinitionTest.CHECK;
import static io.kycflow.asl.JourneyDefinitionTest.RECORDER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Runs the project's real {@code statemachines/journey.asl.json} (ARNs substituted as in
 * {@link JourneyDefinitionTest#journeyDefinition()}, unchanged otherwise) on moto's Step Functions interpreter and
 * on {@link LocalStepFunctions}, with the same fake journey-recorder and document-check functions and the same
 * user answers, and compares per scenario: the final status, error and cause, the output (as JSON), the sequence of
 * function calls (recorder action and step, the error name handed to "fail", every document-check attempt) and the
 * sequence of states entered (from the execution history). Skipped when no python3 with moto is available.
 *
 * <p>moto 5.2.1 runs {@code arn:aws:states:::lambda:invoke} and its {@code .waitForTaskToken} form itself: its
 * interpreter calls Lambda Invoke with boto3 at {@code localhost:$MOTO_PORT}, where {@link MotoLambdaFront} runs the
 * fakes in-process, and it waits for SendTaskSuccess with TimeoutSecondsPath honoured. No transformed definition is
 * needed. The user steps are driven like the journey API does: the recorder's "await" call hands over the task
 * token, and the test answers with SendTaskSuccess, e.g. {@code {"secondsLeft": 600, "consent": true,
 * "idType": "PASSPORT"}}.
 *
 * <p>moto waits in real seconds (a user-step timeout of 1 s, the document check's retries after 2 s and 4 s); the
 * local runtime runs at {@link Fixtures#TIME_SCALE}, which changes no path. Left out: retries of Lambda.* errors,
 * whose FULL jitter makes moto wait up to 15 s at random; and the Cause handed to "fail" (only its error name is
 * compared): moto passes the function's error document on as the function wrote it, the local runtime writes
 * errorMessage before errorType, so the texts differ while the JSON is equal.
 */
class MotoJourneyDifferentialTest {
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(30);
    private static final long QUIET_MILLIS = 50;

    /** The functions of the current scenario on moto; {@link MotoLambdaFront} serves whatever is here. */
    private static volatile FakeLambda motoFunctions = new FakeLambda();
    private static MotoServer moto;
    private static String definition;

    /**
     * A journey: the user's remaining seconds at the start, the answer to each user step (a step without one is
     * left to time out), what the document check does, and the state the journey must end in (on both).
     */
    record Scenario(String name, int secondsLeft, Map<String, String> answers, FakeLambda.Handler documentCheck,
                    String lastState) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What is compared between moto and the local runtime; {@code output} is null when there is none. */
    record Outcome(String status, String error, String cause, JsonNode output, List<String> calls,
                   List<String> states) {
        Outcome {
            calls = List.copyOf(calls);
        }

        static JsonNode json(String output) {
            return output == null ? null : Fixtures.json(output);
        }
    }

    /** One Step Functions under test, running one scenario. */
    private interface Target {
        String start(String name, String input);

        boolean running(String execution);

        void sendTaskSuccess(String token, String output);

        /** Status, error, cause, output and entered states of an execution that has ended, with the calls seen. */
        Outcome outcome(String execution, List<String> calls);
    }

    @BeforeAll
    static void startMoto() throws Exception {
        definition = JourneyDefinitionTest.journeyDefinition();
        moto = MotoServer.start((function, payload) -> motoFunctions.invoke(function, payload));
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    static Stream<Scenario> scenarios() {
        String passport = user(600, true, "PASSPORT");
        String idCard = user(600, true, "ID_CARD");
        return Stream.of(
                new Scenario("passport", 600, Map.of("CONSENT", passport, "DOC_SELECTION", passport,
                        "DOC_FRONT", passport, "FACE_CAPTURE", passport), check(true), "Completed"),
                new Scenario("id-card", 600, Map.of("CONSENT", idCard, "DOC_SELECTION", idCard, "DOC_FRONT", idCard,
                        "DOC_BACK", idCard, "FACE_CAPTURE", idCard), check(false), "Completed"),
                new Scenario("consent-declined", 600, Map.of("CONSENT", user(600, false, "PASSPORT")), check(true),
                        "RecordConsentDeclined"),
                new Scenario("document-check-fails", 600, Map.of("CONSENT", passport, "DOC_SELECTION", passport,
                        "DOC_FRONT", passport), payload -> {
                            throw new LambdaFunctionError("DocumentCheck.Unavailable", "no document service");
                        }, "Failed"),
                // The consent answer leaves 1 s for DOC_SELECTION, which gets no answer.
                new Scenario("user-step-timeout", 600, Map.of("CONSENT", user(1, true, "PASSPORT")), check(true),
                        "Expired"));
    }

    private static String user(int secondsLeft, boolean consent, String idType) {
        return """
                {"secondsLeft": %d, "consent": %s, "idType": "%s"}""".formatted(secondsLeft, consent, idType);
    }

    private static FakeLambda.Handler check(boolean passed) {
        return payload -> Fixtures.json("{\"passed\": %s, \"secondsLeft\": 600}".formatted(passed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void localMatchesMoto(Scenario scenario) throws Exception {
        assumeTrue(moto != null, MotoServer.NOT_AVAILABLE);
        FakeLambda localFunctions = new FakeLambda().on(CHECK, scenario.documentCheck());
        Outcome onLocal;
        try (LocalStepFunctions local = Fixtures.runtime().lambda(localFunctions).build()) {
            onLocal = run(new OnLocal(local), localFunctions, scenario);
        }
        moto.reset();
        motoFunctions = new FakeLambda().on(CHECK, scenario.documentCheck());
        Outcome onMoto = run(new OnMoto(), motoFunctions, scenario);

        assertEquals(scenario.lastState(), onLocal.states().getLast(), "local end state " + onLocal);
        assertAll(
                () -> assertEquals(onMoto.status(), onLocal.status(), "status"),
                () -> assertEquals(onMoto.error(), onLocal.error(), "error"),
                () -> assertEquals(onMoto.cause(), onLocal.cause(), "cause"),
                () -> assertEquals(onMoto.output(), onLocal.output(), "output"),
                () -> assertEquals(onMoto.calls(), onLocal.calls(), "function calls"),
                () -> assertEquals(onMoto.states(), onLocal.states(), "states entered"));
    }

    /**
     * Starts the journey on {@code target} and answers every user step the scenario answers, until the execution
     * ends; returns its outcome with the function calls in the order they arrived.
     */
    private static Outcome run(Target target, FakeLambda functions, Scenario scenario) throws Exception {
        String execution = target.start(Fixtures.uniqueName(scenario.name()), """
                {"tenantId": "t1", "journeyId": "j-%s", "user": {"secondsLeft": %d}}"""
                .formatted(scenario.name(), scenario.secondsLeft()));
        List<String> calls = new ArrayList<>();
        long deadline = System.nanoTime() + FINISH_WITHIN.toNanos();
        boolean running;
        do {
            running = target.running(execution);
            // Once it has ended, this drains the calls it made before.
            for (FakeLambda.Call call = functions.poll(QUIET_MILLIS); call != null; call = functions.poll(0)) {
                calls.add(describe(call));
                JsonNode payload = call.payload();
                if (payload.path("action").asText().equals("await")) {
                    String answer = scenario.answers().get(payload.path("step").asText());
                    if (answer != null) {
                        target.sendTaskSuccess(payload.path("taskToken").asText(), answer);
                    }
                }
            }
            assertTrue(System.nanoTime() < deadline, scenario + " did not end in time; calls so far " + calls);
        } while (running);
        return target.outcome(execution, calls);
    }

    /** "recorder await CONSENT", "recorder fail DocumentCheck.Unavailable", "document-check", ... */
    private static String describe(FakeLambda.Call call) {
        if (call.function().equals(CHECK)) {
            return "document-check";
        }
        if (call.function().equals(AML)) {
            return "aml-screening";
        }
        if (!call.function().equals(RECORDER)) {
            return "unknown function " + call.function();
        }
        JsonNode payload = call.payload();
        StringBuilder text = new StringBuilder("recorder ").append(payload.path("action").asText());
        if (payload.has("step")) {
            text.append(' ').append(payload.get("step").asText());
        }
        if (payload.has("error")) {
            text.append(' ').append(payload.at("/error/Error").asText());
        }
        return text.toString();
    }

    /** The interpreter under test, at the tests' time scale. */
    private record OnLocal(LocalStepFunctions sfn) implements Target {
        @Override
        public String start(String name, String input) {
            return sfn.startExecution(sfn.createStateMachine("journey", definition), name, input);
        }

        @Override
        public boolean running(String execution) {
            return sfn.describeExecution(execution).status() == ExecutionStatus.RUNNING;
        }

        @Override
        public void sendTaskSuccess(String token, String output) {
            sfn.sendTaskSuccess(token, output);
        }

        @Override
        public Outcome outcome(String execution, List<String> calls) {
            ExecutionInfo info = sfn.describeExecution(execution);
            List<String> states = sfn.getExecutionHistory(execution).stream()
                    .filter(event -> event.type().endsWith("StateEntered"))
                    .map(event -> event.details().get("name").asText())
                    .toList();
            return new Outcome(info.status().name(), info.error(), info.cause(), Outcome.json(info.output()),
                    calls, states);
        }
    }

    /** moto_server, reset before the scenario. */
    private static final class OnMoto implements Target {
        @Override
        public String start(String name, String input) {
            String machine = moto.sfn().createStateMachine(r -> r.name("journey").definition(definition)
                    .roleArn("arn:aws:iam::123456789012:role/moto")).stateMachineArn();
            return moto.sfn().startExecution(r -> r.stateMachineArn(machine).name(name).input(input))
                    .executionArn();
        }

        @Override
        public boolean running(String execution) {
            return moto.sfn().describeExecution(r -> r.executionArn(execution)).statusAsString().equals("RUNNING");
        }

        @Override
        public void sendTaskSuccess(String token, String output) {
            moto.sfn().sendTaskSuccess(r -> r.taskToken(token).output(output));
        }

        @Override
        public Outcome outcome(String execution, List<String> calls) {
            DescribeExecutionResponse info = moto.sfn().describeExecution(r -> r.executionArn(execution));
            List<String> states = moto.sfn().getExecutionHistoryPaginator(r -> r.executionArn(execution)).events()
                    .stream()
                    .filter(event -> event.typeAsString().endsWith("StateEntered"))
                    .map(event -> event.stateEnteredEventDetails().name())
                    .toList();
            return new Outcome(info.statusAsString(), info.error(), info.cause(), Outcome.json(info.output()),
                    calls, states);
        }
    }
}
