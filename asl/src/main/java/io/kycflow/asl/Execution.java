package io.kycflow.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The record of one execution: identity, definition snapshot, status, history and the checkpoint it resumes from
 * after a restart. Mutable parts are guarded by {@code this}; every status change and top-level transition is
 * written to the {@link ExecutionStore} when there is one.
 */
final class Execution {
    /** The top-level state an execution is in, with that state's input and entry time. */
    record Checkpoint(String state, JsonNode input, Instant enteredTime) {
    }

    final String arn;
    final String name;
    final String stateMachineArn;
    final String stateMachineName;
    final String roleArn;
    final String definition;
    final State.Graph graph;
    final JsonNode input;
    /** The input exactly as given to StartExecution, which DescribeExecution returns. */
    final String inputText;
    final Instant startDate;
    /** Ends when the execution finishes or the runtime shuts down. */
    final Scope scope = new Scope();

    private final ExecutionStore store;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<HistoryEvent> history = new ArrayList<>();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant stopDate;
    private JsonNode output;
    private String error;
    private String cause;
    private Checkpoint checkpoint;

    Execution(String arn, String name, String stateMachineArn, String stateMachineName, String roleArn,
              String definition, State.Graph graph, String inputText, JsonNode input, Instant startDate,
              ExecutionStore store) {
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.stateMachineName = stateMachineName;
        this.roleArn = roleArn;
        this.definition = definition;
        this.graph = graph;
        this.input = input;
        this.inputText = inputText;
        this.startDate = startDate;
        this.store = store;
        this.checkpoint = new Checkpoint(graph.startAt(), input, startDate);
    }

    CompletableFuture<Void> done() {
        return done;
    }

    synchronized Checkpoint checkpoint() {
        return checkpoint;
    }

    synchronized ExecutionStatus status() {
        return status;
    }

    /** Records entering a top-level state, so a restart resumes there. */
    synchronized void checkpoint(String state, JsonNode stateInput, Instant enteredTime) {
        if (status == ExecutionStatus.RUNNING) {
            checkpoint = new Checkpoint(state, stateInput, enteredTime);
            persist();
        }
    }

    /** Records an event; ignored once the execution has ended, as threads still unwinding may report late. */
    synchronized void event(String type, ObjectNode details) {
        if (status == ExecutionStatus.RUNNING) {
            append(type, details);
        }
    }

    private void append(String type, ObjectNode details) {
        long id = history.size() + 1;
        history.add(new HistoryEvent(id, id - 1, Instant.now(), type, details));
    }

    synchronized List<HistoryEvent> history() {
        return List.copyOf(history);
    }

    /**
     * Ends a running execution; returns false when it had already ended (e.g. a stop raced a failure). Cancels the
     * execution's scope, so anything still waiting inside it stops.
     */
    boolean finish(ExecutionStatus newStatus, JsonNode result, String errorName, String errorCause) {
        synchronized (this) {
            if (status != ExecutionStatus.RUNNING) {
                return false;
            }
            status = newStatus;
            stopDate = Instant.now();
            output = result;
            error = errorName;
            cause = errorCause;
            ObjectNode details = Json.object();
            if (newStatus == ExecutionStatus.SUCCEEDED) {
                details.put("output", Json.write(result));
            } else {
                putIfPresent(details, "error", errorName);
                putIfPresent(details, "cause", errorCause);
            }
            append("Execution" + switch (newStatus) {
                case SUCCEEDED -> "Succeeded";
                case FAILED -> "Failed";
                case TIMED_OUT -> "TimedOut";
                case ABORTED -> "Aborted";
                case RUNNING -> throw new IllegalArgumentException("finish needs a final status");
            }, details);
            persist();
        }
        scope.cancel();
        done.complete(null);
        return true;
    }

    synchronized ExecutionInfo info() {
        return new ExecutionInfo(arn, stateMachineArn, name, status, startDate, stopDate, inputText,
                output == null ? null : Json.write(output), error, cause);
    }

    /** Saves the current state; a no-op without a store. Called with the lock held. */
    void persist() {
        if (store != null) {
            store.saveExecution(arn, toJson());
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("executionArn", arn);
        json.put("name", name);
        json.put("stateMachineArn", stateMachineArn);
        json.put("stateMachineName", stateMachineName);
        json.put("roleArn", roleArn);
        json.put("definition", definition);
        json.put("input", inputText);
        json.put("startDate", startDate.toString());
        json.put("status", status.name());
        putIfPresent(json, "stopDate", stopDate == null ? null : stopDate.toString());
        if (output != null) {
            json.set("output", output);
        }
        putIfPresent(json, "error", error);
        putIfPresent(json, "cause", cause);
        ObjectNode at = json.putObject("checkpoint");
        at.put("state", checkpoint.state());
        at.set("input", checkpoint.input());
        at.put("enteredTime", checkpoint.enteredTime().toString());
        ArrayNode events = json.putArray("history");
        for (HistoryEvent event : history) {
            ObjectNode e = events.addObject();
            e.put("id", event.id());
            e.put("previousEventId", event.previousEventId());
            e.put("timestamp", event.timestamp().toString());
            e.put("type", event.type());
            e.set("details", event.details());
        }
        return json;
    }

    /** Rebuilds an execution saved by {@link #persist()}; {@code parser} turns its definition into a graph. */
    static Execution fromJson(JsonNode json, Function<String, State.Graph> parser, ExecutionStore store)
            throws JsonProcessingException {
        String definition = json.get("definition").textValue();
        String inputText = json.get("input").textValue();
        Execution execution = new Execution(json.get("executionArn").textValue(), json.get("name").textValue(),
                json.get("stateMachineArn").textValue(), json.get("stateMachineName").textValue(),
                json.get("roleArn").textValue(), definition, parser.apply(definition), inputText,
                Json.parse(inputText), Instant.parse(json.get("startDate").textValue()), store);
        execution.status = ExecutionStatus.valueOf(json.get("status").textValue());
        execution.stopDate = json.has("stopDate") ? Instant.parse(json.get("stopDate").textValue()) : null;
        execution.output = json.get("output");
        execution.error = json.path("error").textValue();
        execution.cause = json.path("cause").textValue();
        JsonNode at = json.get("checkpoint");
        execution.checkpoint = new Checkpoint(at.get("state").textValue(), at.get("input"),
                Instant.parse(at.get("enteredTime").textValue()));
        for (JsonNode e : json.get("history")) {
            execution.history.add(new HistoryEvent(e.get("id").asLong(), e.get("previousEventId").asLong(),
                    Instant.parse(e.get("timestamp").textValue()), e.get("type").textValue(),
                    (ObjectNode) e.get("details")));
        }
        if (execution.status != ExecutionStatus.RUNNING) {
            execution.scope.cancel();
            execution.done.complete(null);
        }
        return execution;
    }
}
