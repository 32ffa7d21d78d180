package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one execution's states in the calling thread; Parallel branches, Map iterations and task integrations run
 * on the engine's virtual threads. Data flows in the Step Functions order: InputPath, Parameters, the work,
 * ResultSelector, ResultPath, OutputPath. Errors are {@link StatesError}s handled by Retry and Catch.
 */
final class Interpreter {
    private static final String CALLBACK_SUFFIX = ".waitForTaskToken";

    private final Engine engine;
    private final Execution execution;

    Interpreter(Engine engine, Execution execution) {
        this.engine = engine;
        this.execution = execution;
    }

    /** The current state's part of the context object ($$), plus task token and Map item where they apply. */
    private record Frame(String stateName, Instant enteredTime, int retryCount, String taskToken, Integer mapIndex,
                         JsonNode mapValue) {
        Frame withRetryCount(int count) {
            return new Frame(stateName, enteredTime, count, taskToken, mapIndex, mapValue);
        }

        Frame withTaskToken(String token) {
            return new Frame(stateName, enteredTime, retryCount, token, mapIndex, mapValue);
        }

        Frame withMapItem(int index, JsonNode value) {
            return new Frame(stateName, enteredTime, retryCount, taskToken, index, value);
        }
    }

    /** A state's output and the state to go to; next is null at the end of a graph. */
    private record Step(JsonNode output, String next) {
    }

    /** One try of a state that has Retry and Catch. */
    private interface Attempt {
        JsonNode run(Frame frame, Instant attemptStart);
    }

    /** Runs the execution from its checkpoint to the end and returns the execution output. */
    JsonNode run() {
        Execution.Checkpoint from = execution.checkpoint();
        return runGraph(execution.graph, from.state(), from.input(), from.enteredTime(), execution.scope, true);
    }

    private JsonNode runGraph(State.Graph graph, String start, JsonNode input, Instant entered, Scope scope,
                              boolean topLevel) {
        String name = start;
        JsonNode stateInput = input;
        Instant enteredTime = entered;
        while (true) {
            scope.checkActive();
            State state = graph.states().get(name);
            if (topLevel) {
                execution.checkpoint(name, stateInput, enteredTime);
            }
            execution.event(state.type() + "StateEntered", stateDetails(name, "input", stateInput));
            Step step = execute(state, stateInput, new Frame(name, enteredTime, 0, null, null, null), scope);
            execution.event(state.type() + "StateExited", stateDetails(name, "output", step.output()));
            if (step.next() == null) {
                return step.output();
            }
            name = step.next();
            stateInput = step.output();
            enteredTime = Instant.now();
        }
    }

    private static ObjectNode stateDetails(String name, String field, JsonNode value) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put(field, Json.write(value));
        return details;
    }

    private Step execute(State state, JsonNode input, Frame frame, Scope scope) {
        return switch (state) {
            case State.Pass s -> new Step(pass(s, input, frame), s.next());
            case State.Task s -> handled(s.handling(), s.next(), input, frame, scope,
                    (f, start) -> task(s, input, f, start, scope));
            case State.Choice s -> choice(s, input, frame);
            case State.Wait s -> new Step(waitState(s, input, frame, scope), s.next());
            case State.Parallel s -> handled(s.handling(), s.next(), input, frame, scope,
                    (f, start) -> parallel(s, input, f, scope));
            case State.MapState s -> handled(s.handling(), s.next(), input, frame, scope,
                    (f, start) -> map(s, input, f, scope));
            case State.Succeed s -> new Step(outputPath(s.io(), effectiveInput(s.io(), input)), null);
            case State.Fail s -> throw fail(s, input, frame);
        };
    }

    // ---- Retry and Catch --------------------------------------------------------------------------------------

    private Step handled(State.ErrorHandling handling, String next, JsonNode rawInput, Frame frame, Scope scope,
                         Attempt attempt) {
        int[] attemptsUsed = new int[handling.retry().size()];
        int retryCount = 0;
        while (true) {
            // The first attempt started when the state was entered (which matters after a restart).
            Instant attemptStart = retryCount == 0 ? frame.enteredTime() : Instant.now();
            try {
                return new Step(attempt.run(frame.withRetryCount(retryCount), attemptStart), next);
            } catch (StatesError e) {
                int retrier = firstMatch(handling.retry(), e);
                if (retrier >= 0 && attemptsUsed[retrier] < handling.retry().get(retrier).maxAttempts()) {
                    attemptsUsed[retrier]++;
                    retryCount++;
                    Duration delay = retryDelay(handling.retry().get(retrier), attemptsUsed[retrier]);
                    scope.sleepUntil(Instant.now().plus(delay));
                    continue;
                }
                for (State.Catcher catcher : handling.catchers()) {
                    if (e.matches(catcher.errorEquals())) {
                        ObjectNode errorOutput = Json.object();
                        errorOutput.put("Error", e.error() == null ? "" : e.error());
                        errorOutput.put("Cause", e.cause() == null ? "" : e.cause());
                        return new Step(resultPath(catcher.resultPath(), rawInput, errorOutput), catcher.next());
                    }
                }
                throw e;
            }
        }
    }

    /** The first retrier whose ErrorEquals matches; later ones are not consulted even when it is exhausted. */
    private static int firstMatch(List<State.Retrier> retriers, StatesError error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (error.matches(retriers.get(i).errorEquals())) {
                return i;
            }
        }
        return -1;
    }

    private Duration retryDelay(State.Retrier retrier, int attempt) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt - 1);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.fullJitter()) {
            seconds *= ThreadLocalRandom.current().nextDouble();
        }
        return engine.scaled(seconds);
    }

    // ---- input and output processing --------------------------------------------------------------------------

    private ObjectNode context(Frame frame) {
        ObjectNode context = Json.object();
        ObjectNode exec = context.putObject("Execution");
        exec.put("Id", execution.arn);
        exec.set("Input", execution.input);
        exec.put("Name", execution.name);
        exec.put("RoleArn", execution.roleArn);
        exec.put("StartTime", Json.time(execution.startDate));
        exec.put("RedriveCount", 0);
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Json.time(frame.enteredTime()));
        state.put("Name", frame.stateName());
        state.put("RetryCount", frame.retryCount());
        ObjectNode machine = context.putObject("StateMachine");
        machine.put("Id", execution.stateMachineArn);
        machine.put("Name", execution.stateMachineName);
        if (frame.taskToken() != null) {
            context.putObject("Task").put("Token", frame.taskToken());
        }
        if (frame.mapIndex() != null) {
            ObjectNode item = context.putObject("Map").putObject("Item");
            item.put("Index", frame.mapIndex());
            item.set("Value", frame.mapValue());
        }
        return context;
    }

    private static JsonNode effectiveInput(State.Io io, JsonNode rawInput) {
        return io.inputPath() == null ? Json.object() : select(io.inputPath(), rawInput, "InputPath");
    }

    private static JsonNode outputPath(State.Io io, JsonNode value) {
        return io.outputPath() == null ? Json.object() : select(io.outputPath(), value, "OutputPath");
    }

    private static JsonNode select(JsonPath path, JsonNode value, String field) {
        try {
            return path.read(value);
        } catch (JsonPath.NotFound e) {
            throw StatesError.runtime("Invalid path '" + path + "' in " + field + ": no results in the input '"
                    + Json.write(value) + "'");
        }
    }

    private JsonNode parameters(State.Io io, JsonNode effectiveInput, Frame frame) {
        return io.parameters() == null ? effectiveInput : io.parameters().evaluate(effectiveInput, context(frame));
    }

    /** ResultSelector, ResultPath and OutputPath applied to a state's result. */
    private JsonNode output(State.Io io, JsonNode rawInput, JsonNode result, Frame frame) {
        JsonNode selected = io.resultSelector() == null ? result : io.resultSelector().evaluate(result, context(frame));
        return outputPath(io, resultPath(io.resultPath(), rawInput, selected));
    }

    private static JsonNode resultPath(JsonPath path, JsonNode rawInput, JsonNode result) {
        if (path == null) {
            return rawInput;
        }
        JsonNode combined = path.write(rawInput, result);
        if (combined == null) {
            throw new StatesError(StatesError.RESULT_PATH_MATCH_FAILURE, "Unable to apply ResultPath \"" + path
                    + "\" to input \"" + Json.write(rawInput) + "\"");
        }
        return combined;
    }

    // ---- states -----------------------------------------------------------------------------------------------

    private JsonNode pass(State.Pass s, JsonNode rawInput, Frame frame) {
        JsonNode parameters = parameters(s.io(), effectiveInput(s.io(), rawInput), frame);
        return output(s.io(), rawInput, s.result() == null ? parameters : s.result().deepCopy(), frame);
    }

    private Step choice(State.Choice s, JsonNode rawInput, Frame frame) {
        JsonNode input = effectiveInput(s.io(), rawInput);
        ObjectNode context = context(frame);
        for (State.Choice.Branch branch : s.choices()) {
            if (branch.rule().matches(input, context)) {
                return new Step(outputPath(s.io(), input), branch.next());
            }
        }
        if (s.defaultNext() == null) {
            throw new StatesError(StatesError.NO_CHOICE_MATCHED, "No Matches!");
        }
        return new Step(outputPath(s.io(), input), s.defaultNext());
    }

    private JsonNode waitState(State.Wait s, JsonNode rawInput, Frame frame, Scope scope) {
        JsonNode input = effectiveInput(s.io(), rawInput);
        Instant until;
        if (s.seconds() != null) {
            until = frame.enteredTime().plus(engine.scaled(s.seconds()));
        } else if (s.timestamp() != null) {
            until = s.timestamp();
        } else if (s.secondsPath() != null) {
            JsonNode seconds = select(s.secondsPath(), input, "SecondsPath");
            if (!Json.isInt(seconds) || seconds.intValue() < 0) {
                throw StatesError.runtime("SecondsPath '" + s.secondsPath() + "' must select a non-negative"
                        + " integer, got " + seconds);
            }
            until = frame.enteredTime().plus(engine.scaled(seconds.intValue()));
        } else {
            JsonNode timestamp = select(s.timestampPath(), input, "TimestampPath");
            until = ChoiceRule.Comparison.timestamp(timestamp);
            if (until == null) {
                throw StatesError.runtime("TimestampPath '" + s.timestampPath() + "' must select an RFC 3339"
                        + " timestamp, got " + timestamp);
            }
        }
        scope.sleepUntil(until);
        return outputPath(s.io(), input);
    }

    private StatesError fail(State.Fail s, JsonNode rawInput, Frame frame) {
        return new StatesError(
                failField(s.error(), s.errorPath(), "ErrorPath", rawInput, frame),
                failField(s.cause(), s.causePath(), "CausePath", rawInput, frame));
    }

    private String failField(String fixed, Expression path, String field, JsonNode rawInput, Frame frame) {
        if (path == null) {
            return fixed;
        }
        JsonNode value = PayloadTemplate.evaluateField(field, path, rawInput, context(frame));
        if (!value.isTextual()) {
            throw StatesError.runtime(field + " must select a string, got " + Json.write(value));
        }
        return value.textValue();
    }

    // ---- Task -------------------------------------------------------------------------------------------------

    private JsonNode task(State.Task s, JsonNode rawInput, Frame frame, Instant attemptStart, Scope scope) {
        JsonNode input = effectiveInput(s.io(), rawInput);
        Integer timeout = seconds(s.timeout(), input, "TimeoutSecondsPath");
        Integer heartbeat = seconds(s.heartbeat(), input, "HeartbeatSecondsPath");
        Instant deadline = timeout == null ? null : attemptStart.plus(engine.scaled(timeout));
        boolean callback = s.resource().endsWith(CALLBACK_SUFFIX);
        TaskTokens.Pending pending = callback ? engine.tokens().open() : null;
        if (pending != null) {
            // Close the token as soon as the execution stops, so a late SendTaskSuccess is refused at once.
            scope.onCancel(pending::close);
        }
        try {
            Frame taskFrame = callback ? frame.withTaskToken(pending.token()) : frame;
            JsonNode parameters = parameters(s.io(), input, taskFrame);
            TaskRequest request = new TaskRequest(s.resource(), parameters, callback ? pending.token() : null,
                    execution.arn, s.name());
            JsonNode result = invoke(request, timeout, heartbeat, deadline, pending, scope);
            return output(s.io(), rawInput, result, frame);
        } finally {
            if (pending != null) {
                engine.tokens().retire(pending);
            }
        }
    }

    /** TimeoutSeconds(Path) / HeartbeatSeconds(Path) in definition seconds, or null when not set. */
    private static Integer seconds(State.Seconds seconds, JsonNode input, String pathField) {
        if (seconds == null) {
            return null;
        }
        if (seconds.fixed() != null) {
            return seconds.fixed();
        }
        JsonNode value = select(seconds.path(), input, pathField);
        if (!Json.isInt(value) || value.intValue() <= 0) {
            throw StatesError.runtime(pathField + " '" + seconds.path() + "' must select a positive integer, got "
                    + Json.write(value));
        }
        return value.intValue();
    }

    /** Calls the integration and, for callback tasks, waits for the token; records the Task* events. */
    private JsonNode invoke(TaskRequest request, Integer timeout, Integer heartbeat, Instant deadline,
                            TaskTokens.Pending pending, Scope scope) {
        String base = pending == null ? request.resource()
                : request.resource().substring(0, request.resource().length() - CALLBACK_SUFFIX.length());
        TaskIntegration integration = engine.integration(base);
        ObjectNode scheduled = taskDetails(request.resource());
        scheduled.put("region", engine.region());
        scheduled.put("parameters", Json.write(request.parameters()));
        if (timeout != null) {
            scheduled.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
            scheduled.put("heartbeatInSeconds", heartbeat);
        }
        execution.event("TaskScheduled", scheduled);
        try {
            if (integration == null) {
                throw StatesError.runtime("No integration is registered for resource '" + base + "'");
            }
            if (deadline != null && !Instant.now().isBefore(deadline)) {
                // Already out of time, e.g. the deadline passed while the runtime was down.
                throw new StatesError(StatesError.TIMEOUT, null);
            }
            execution.event("TaskStarted", taskDetails(request.resource()));
            CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(
                    () -> call(integration, request), engine.executor());
            JsonNode result;
            try {
                result = scope.await(call, deadline);
            } catch (TimeoutException e) {
                throw new StatesError(StatesError.TIMEOUT, null);
            }
            if (pending != null) {
                ObjectNode submitted = taskDetails(request.resource());
                submitted.put("output", Json.write(result));
                execution.event("TaskSubmitted", submitted);
                result = awaitToken(pending, deadline, heartbeat == null ? null : engine.scaled(heartbeat), scope);
            }
            ObjectNode succeeded = taskDetails(request.resource());
            succeeded.put("output", Json.write(result));
            execution.event("TaskSucceeded", succeeded);
            return result;
        } catch (StatesError e) {
            boolean timedOut = StatesError.TIMEOUT.equals(e.error())
                    || StatesError.HEARTBEAT_TIMEOUT.equals(e.error());
            ObjectNode failed = taskDetails(request.resource());
            if (e.error() != null) {
                failed.put("error", e.error());
            }
            if (e.cause() != null) {
                failed.put("cause", e.cause());
            }
            execution.event(timedOut ? "TaskTimedOut" : "TaskFailed", failed);
            throw e;
        }
    }

    private static JsonNode call(TaskIntegration integration, TaskRequest request) {
        try {
            JsonNode result = integration.execute(request);
            return result == null ? Json.NODES.nullNode() : result;
        } catch (TaskFailure f) {
            throw new StatesError(f.error(), f.cause());
        } catch (RuntimeException e) {
            throw new StatesError(StatesError.TASK_FAILED, String.valueOf(e));
        }
    }

    /** Waits for SendTaskSuccess/Failure, enforcing the task deadline and the heartbeat interval. */
    private static JsonNode awaitToken(TaskTokens.Pending pending, Instant deadline, Duration heartbeat,
                                       Scope scope) {
        while (true) {
            Instant heartbeatDue = heartbeat == null ? null : pending.lastHeartbeat().plus(heartbeat);
            Instant wakeUp = deadline == null ? heartbeatDue
                    : heartbeatDue == null || deadline.isBefore(heartbeatDue) ? deadline : heartbeatDue;
            try {
                return scope.await(pending.outcome(), wakeUp);
            } catch (TimeoutException e) {
                Instant now = Instant.now();
                boolean timedOut = deadline != null && !now.isBefore(deadline);
                boolean heartbeatMissed = heartbeat != null && !now.isBefore(pending.lastHeartbeat().plus(heartbeat));
                // close() fails when a SendTask* call got in first; then its outcome is taken on the next turn.
                if ((timedOut || heartbeatMissed) && pending.close()) {
                    throw new StatesError(timedOut ? StatesError.TIMEOUT : StatesError.HEARTBEAT_TIMEOUT, null);
                }
            }
        }
    }

    /** resourceType and resource as in Task* history events, e.g. "lambda" and "invoke.waitForTaskToken". */
    private static ObjectNode taskDetails(String resource) {
        ObjectNode details = Json.object();
        String prefix = "arn:aws:states:::";
        if (resource.startsWith(prefix)) {
            String[] parts = resource.substring(prefix.length()).split(":", 2);
            details.put("resourceType", parts[0]);
            details.put("resource", parts.length > 1 ? parts[1] : "");
        } else {
            String[] parts = resource.split(":");
            details.put("resourceType", parts.length > 2 ? parts[2] : resource);
            details.put("resource", resource);
        }
        return details;
    }

    // ---- Parallel and Map -------------------------------------------------------------------------------------

    private JsonNode parallel(State.Parallel s, JsonNode rawInput, Frame frame, Scope scope) {
        JsonNode input = parameters(s.io(), effectiveInput(s.io(), rawInput), frame);
        ArrayNode results = runAll(s.branches().size(), 0, scope, (index, branchScope) -> {
            State.Graph branch = s.branches().get(index);
            return runGraph(branch, branch.startAt(), input, Instant.now(), branchScope, false);
        });
        return output(s.io(), rawInput, results, frame);
    }

    private JsonNode map(State.MapState s, JsonNode rawInput, Frame frame, Scope scope) {
        JsonNode input = effectiveInput(s.io(), rawInput);
        JsonNode items = select(s.itemsPath(), input, "ItemsPath");
        if (!items.isArray()) {
            throw StatesError.runtime("ItemsPath '" + s.itemsPath() + "' must select an array, got "
                    + Json.write(items));
        }
        ObjectNode started = Json.object();
        started.put("length", items.size());
        execution.event("MapStateStarted", started);
        ArrayNode results = runAll(items.size(), s.maxConcurrency(), scope, (index, iterationScope) -> {
            JsonNode item = items.get(index);
            JsonNode itemInput = s.itemSelector() == null ? item
                    : s.itemSelector().evaluate(input, context(frame.withMapItem(index, item)));
            ObjectNode iteration = Json.object();
            iteration.put("name", s.name());
            iteration.put("index", index);
            execution.event("MapIterationStarted", iteration);
            try {
                JsonNode output = runGraph(s.processor(), s.processor().startAt(), itemInput, Instant.now(),
                        iterationScope, false);
                execution.event("MapIterationSucceeded", iteration.deepCopy());
                return output;
            } catch (StatesError e) {
                execution.event("MapIterationFailed", iteration.deepCopy());
                throw e;
            }
        });
        return output(s.io(), rawInput, results, frame);
    }

    private interface Job {
        JsonNode run(int index, Scope scope);
    }

    /**
     * Runs {@code count} jobs on at most {@code maxConcurrency} (0: unlimited) virtual threads and returns their
     * results in order. The first failure cancels the others and is rethrown, as a failed branch fails the state.
     */
    private ArrayNode runAll(int count, int maxConcurrency, Scope scope, Job job) {
        Scope jobs = scope.child();
        JsonNode[] results = new JsonNode[count];
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicReference<StatesError> failure = new AtomicReference<>();
        int workers = maxConcurrency == 0 ? count : Math.min(count, maxConcurrency);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = nextIndex.getAndIncrement(); i < count && !jobs.isCancelled();
                     i = nextIndex.getAndIncrement()) {
                    try {
                        results[i] = job.run(i, jobs);
                    } catch (StatesError e) {
                        failure.compareAndSet(null, e);
                        jobs.cancel();
                    } catch (Cancelled e) {
                        return;
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, StatesError.runtime(String.valueOf(e)));
                        jobs.cancel();
                    }
                }
            }, engine.executor()));
        }
        try {
            scope.await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)), null);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a wait without deadline cannot time out", e);
        } finally {
            jobs.cancel();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        ArrayNode out = Json.array();
        for (JsonNode result : results) {
            out.add(result);
        }
        return out;
    }
}
