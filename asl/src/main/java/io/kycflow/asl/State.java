package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The parsed states of a state machine; built by {@link Definitions}, run by {@link Interpreter}. */
sealed interface State {
    String name();

    /** The Type as written in the definition; used for history event names such as TaskStateEntered. */
    default String type() {
        return switch (this) {
            case Pass p -> "Pass";
            case Task t -> "Task";
            case Choice c -> "Choice";
            case Wait w -> "Wait";
            case Parallel p -> "Parallel";
            case MapState m -> "Map";
            case Succeed s -> "Succeed";
            case Fail f -> "Fail";
        };
    }

    /** A state machine, or the states of a Parallel branch or Map item processor. */
    record Graph(String startAt, Map<String, State> states, Integer timeoutSeconds) {
    }

    /**
     * Input and output processing. For InputPath, OutputPath and ResultPath a null path means the field was
     * JSON null (discard: {@code {}} for input/output, keep the input for ResultPath); an absent field is
     * {@link JsonPath#ROOT}. Templates are null when absent.
     */
    record Io(JsonPath inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector, JsonPath resultPath,
              JsonPath outputPath) {
    }

    /** A fixed number of seconds or a reference path to one (TimeoutSeconds / TimeoutSecondsPath etc.). */
    record Seconds(Integer fixed, JsonPath path) {
    }

    record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                   Double maxDelaySeconds, boolean fullJitter) {
    }

    record Catcher(List<String> errorEquals, JsonPath resultPath, String next) {
    }

    /** Retry and Catch of Task, Parallel and Map states. */
    record ErrorHandling(List<Retrier> retry, List<Catcher> catchers) {
    }

    record Pass(String name, Io io, JsonNode result, String next) implements State {
    }

    /** {@code resource} is as written, including a {@code .waitForTaskToken} suffix. */
    record Task(String name, Io io, String resource, Seconds timeout, Seconds heartbeat, ErrorHandling handling,
                String next) implements State {
    }

    record Choice(String name, Io io, List<Branch> choices, String defaultNext) implements State {
        record Branch(ChoiceRule rule, String next) {
        }
    }

    /** Exactly one of the four ways to wait is set. */
    record Wait(String name, Io io, Integer seconds, Instant timestamp, JsonPath secondsPath,
                JsonPath timestampPath, String next) implements State {
    }

    record Parallel(String name, Io io, List<Graph> branches, ErrorHandling handling, String next)
            implements State {
    }

    /** {@code maxConcurrency} 0 means unlimited. */
    record MapState(String name, Io io, JsonPath itemsPath, PayloadTemplate itemSelector, int maxConcurrency,
                    Graph processor, ErrorHandling handling, String next) implements State {
    }

    record Succeed(String name, Io io) implements State {
    }

    record Fail(String name, String error, String cause, Expression errorPath, Expression causePath)
            implements State {
    }
}
