package io.kycflow.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * An in-process Step Functions: create state machines from States Language definitions, run executions, complete
 * callback tasks. Errors are {@link SfnException}s with the AWS error codes. Executions run on virtual threads; a
 * waiting execution holds no platform thread. Thread-safe.
 *
 * <pre>{@code
 * LocalStepFunctions sfn = LocalStepFunctions.builder()
 *         .lambda((function, payload) -> handlers.invoke(function, payload))
 *         .store(new ExecutionStore(dataDir))
 *         .build();
 * sfn.resumeAll();
 * String machine = sfn.createStateMachine("journey", definition);
 * String execution = sfn.startExecution(machine, "journey-1", "{\"tenantId\":\"t\"}");
 * }</pre>
 */
public final class LocalStepFunctions implements AutoCloseable {
    private static final String DEFAULT_REGION = "us-east-1";
    private static final String DEFAULT_ACCOUNT = "123456789012";

    private final String region;
    private final String accountId;
    private final Engine engine;
    private final ExecutionStore store;
    private final ScheduledExecutorService timers;
    private final Map<String, StateMachine> stateMachines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final List<Execution> toResume = new ArrayList<>();

    private record StateMachine(String arn, String name, String definition, String roleArn, Instant creationDate) {
        StateMachineInfo info() {
            return new StateMachineInfo(arn, name, definition, roleArn, creationDate);
        }

        ObjectNode toJson() {
            ObjectNode json = Json.object();
            json.put("stateMachineArn", arn);
            json.put("name", name);
            json.put("definition", definition);
            json.put("roleArn", roleArn);
            json.put("creationDate", creationDate.toString());
            return json;
        }

        static StateMachine fromJson(JsonNode json) {
            return new StateMachine(json.get("stateMachineArn").textValue(), json.get("name").textValue(),
                    json.get("definition").textValue(), json.get("roleArn").textValue(),
                    Instant.parse(json.get("creationDate").textValue()));
        }
    }

    private LocalStepFunctions(Builder builder) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.store = builder.store;
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sfn-", 0).factory());
        TaskIntegration functionArns = builder.lambda == null ? null : LambdaIntegration.functionArn(builder.lambda);
        this.engine = new Engine(Map.copyOf(builder.integrations), functionArns, new TaskTokens(), executor,
                builder.timeScale, region);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("sfn-timeouts").daemon().factory());
        scheduler.setRemoveOnCancelPolicy(true);
        this.timers = scheduler;
        if (store != null) {
            load();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link LocalStepFunctions}. */
    public static final class Builder {
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT;
        private final Map<String, TaskIntegration> integrations = new HashMap<>();
        private LambdaInvoker lambda;
        private ExecutionStore store;
        private double timeScale = 1.0;

        private Builder() {
        }

        /** Region used in ARNs; default us-east-1. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Account id used in ARNs; default 123456789012. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId);
            return this;
        }

        /**
         * Enables {@code arn:aws:states:::lambda:invoke} (and {@code .waitForTaskToken}) and plain Lambda
         * function ARN resources.
         */
        public Builder lambda(LambdaInvoker invoker) {
            this.lambda = Objects.requireNonNull(invoker);
            return integration(LambdaIntegration.INVOKE, LambdaIntegration.invokeApi(invoker));
        }

        /** Enables {@code arn:aws:states:::sqs:sendMessage} (and {@code .waitForTaskToken}). */
        public Builder sqs(MessageSender sender) {
            return integration(SqsIntegration.SEND_MESSAGE, new SqsIntegration(Objects.requireNonNull(sender)));
        }

        /**
         * Handles Task states whose Resource is {@code resource} (without {@code .waitForTaskToken}, which works
         * for every {@code arn:aws:states:::} resource).
         */
        public Builder integration(String resource, TaskIntegration integration) {
            integrations.put(Objects.requireNonNull(resource), Objects.requireNonNull(integration));
            return this;
        }

        /** Keeps state machines and executions across restarts; without a store everything lives in memory. */
        public Builder store(ExecutionStore store) {
            this.store = store;
            return this;
        }

        /**
         * Multiplies every duration of a definition (Wait, timeouts, heartbeats, retry intervals, execution
         * timeout) by {@code scale}; for tests only. Default 1.0, real seconds.
         */
        public Builder timeScale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("the time scale must be positive");
            }
            this.timeScale = scale;
            return this;
        }

        /** Builds the runtime and loads what the store holds; call {@link #resumeAll()} to continue executions. */
        public LocalStepFunctions build() {
            return new LocalStepFunctions(this);
        }
    }

    // ---- state machines ---------------------------------------------------------------------------------------

    /** Same as {@link #createStateMachine(String, String, String)} with a placeholder role. */
    public String createStateMachine(String name, String definition) {
        return createStateMachine(name, definition, "arn:aws:iam::" + accountId + ":role/kycflow-local");
    }

    /**
     * Creates a state machine and returns its ARN. Creating one again with the same definition and role returns
     * the same ARN; with a different one it fails with StateMachineAlreadyExists (use {@link #updateStateMachine}).
     */
    public String createStateMachine(String name, String definition, String roleArn) {
        checkName(name);
        require(definition, "definition");
        require(roleArn, "roleArn");
        parse(definition);
        String arn = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + name;
        synchronized (stateMachines) {
            StateMachine existing = stateMachines.get(arn);
            if (existing != null) {
                if (existing.definition().equals(definition) && existing.roleArn().equals(roleArn)) {
                    return arn;
                }
                throw new SfnException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
            }
            save(new StateMachine(arn, name, definition, roleArn, Instant.now()));
        }
        return arn;
    }

    /** Replaces the definition; running executions keep the definition they started with. */
    public void updateStateMachine(String stateMachineArn, String definition) {
        require(definition, "definition");
        parse(definition);
        synchronized (stateMachines) {
            StateMachine existing = stateMachine(stateMachineArn);
            save(new StateMachine(existing.arn(), existing.name(), definition, existing.roleArn(),
                    existing.creationDate()));
        }
    }

    public StateMachineInfo describeStateMachine(String stateMachineArn) {
        return stateMachine(stateMachineArn).info();
    }

    public List<StateMachineInfo> listStateMachines() {
        return stateMachines.values().stream().map(StateMachine::info)
                .sorted(Comparator.comparing(StateMachineInfo::name)).toList();
    }

    private void save(StateMachine machine) {
        stateMachines.put(machine.arn(), machine);
        if (store != null) {
            store.saveStateMachine(machine.arn(), machine.toJson());
        }
    }

    private State.Graph parse(String definition) {
        Predicate<String> supported = resource -> engine.integration(resource) != null;
        try {
            return Definitions.parse(definition, supported);
        } catch (IllegalArgumentException e) {
            throw new SfnException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
    }

    private StateMachine stateMachine(String arn) {
        checkArn(arn, ":stateMachine:");
        StateMachine machine = stateMachines.get(arn);
        if (machine == null) {
            throw new SfnException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    // ---- executions -------------------------------------------------------------------------------------------

    /**
     * Starts an execution and returns its ARN. {@code name} may be null (a UUID is used) and {@code input} may be
     * null ({@code {}}). Starting a running execution's name again with the same input returns the same ARN, as
     * Step Functions does for standard workflows; otherwise a used name fails with ExecutionAlreadyExists.
     */
    public String startExecution(String stateMachineArn, String name, String input) {
        StateMachine machine = stateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        checkName(executionName);
        String inputText = input == null ? "{}" : input;
        JsonNode inputJson;
        try {
            inputJson = Json.parse(inputText);
        } catch (JsonProcessingException e) {
            throw new SfnException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getOriginalMessage() + "'");
        }
        if (inputJson == null) {
            throw new SfnException("InvalidExecutionInput", "Invalid State Machine Execution Input: 'empty'");
        }
        String arn = "arn:aws:states:" + region + ":" + accountId + ":execution:" + machine.name() + ":"
                + executionName;
        Execution execution;
        synchronized (executions) {
            Execution existing = executions.get(arn);
            if (existing != null) {
                if (existing.status() == ExecutionStatus.RUNNING && Json.equivalent(existing.input, inputJson)) {
                    return arn;
                }
                throw new SfnException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
            }
            execution = new Execution(arn, executionName, machine.arn(), machine.name(), machine.roleArn(),
                    machine.definition(), parse(machine.definition()), inputText, inputJson, Instant.now(), store);
            ObjectNode started = Json.object();
            started.put("input", inputText);
            started.put("roleArn", machine.roleArn());
            execution.event("ExecutionStarted", started);
            synchronized (execution) {
                execution.persist();
            }
            executions.put(arn, execution);
        }
        launch(execution);
        return arn;
    }

    public ExecutionInfo describeExecution(String executionArn) {
        return execution(executionArn).info();
    }

    /** Executions of a state machine, newest first; {@code status} null lists all. */
    public List<ExecutionInfo> listExecutions(String stateMachineArn, ExecutionStatus status) {
        stateMachine(stateMachineArn);
        return executions.values().stream()
                .filter(e -> e.stateMachineArn.equals(stateMachineArn))
                .map(Execution::info)
                .filter(info -> status == null || info.status() == status)
                .sorted(Comparator.comparing(ExecutionInfo::startDate).reversed())
                .toList();
    }

    public List<HistoryEvent> getExecutionHistory(String executionArn) {
        return execution(executionArn).history();
    }

    /** Aborts a running execution (a no-op for one that has ended) and returns its stop date. */
    public Instant stopExecution(String executionArn, String error, String cause) {
        Execution execution = execution(executionArn);
        execution.finish(ExecutionStatus.ABORTED, null, error, cause);
        return execution.info().stopDate();
    }

    /**
     * Waits until the execution ends or {@code timeout} passes and returns its description either way; check
     * {@link ExecutionInfo#status()}.
     */
    public ExecutionInfo awaitExecution(String executionArn, Duration timeout) {
        Execution execution = execution(executionArn);
        try {
            execution.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Still running: the description says so.
        }
        return execution.info();
    }

    private Execution execution(String arn) {
        checkArn(arn, ":execution:");
        Execution execution = executions.get(arn);
        if (execution == null) {
            throw new SfnException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return execution;
    }

    // ---- callback tasks ---------------------------------------------------------------------------------------

    /** Completes a {@code .waitForTaskToken} task with {@code output} (JSON text) as its result. */
    public void sendTaskSuccess(String taskToken, String output) {
        require(taskToken, "taskToken");
        JsonNode result;
        try {
            result = Json.parse(Objects.requireNonNullElse(output, ""));
        } catch (JsonProcessingException e) {
            throw new SfnException("InvalidOutput", "Invalid Output: '" + e.getOriginalMessage() + "'");
        }
        if (result == null) {
            throw new SfnException("InvalidOutput", "Invalid Output: 'empty'");
        }
        engine.tokens().succeed(taskToken, result);
    }

    /** Fails a {@code .waitForTaskToken} task; error and cause may be null. */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        require(taskToken, "taskToken");
        engine.tokens().fail(taskToken, error, cause);
    }

    /** Resets the HeartbeatSeconds clock of a {@code .waitForTaskToken} task. */
    public void sendTaskHeartbeat(String taskToken) {
        require(taskToken, "taskToken");
        engine.tokens().heartbeat(taskToken);
    }

    // ---- running, restarting and stopping ---------------------------------------------------------------------

    private void launch(Execution execution) {
        Integer timeoutSeconds = execution.graph.timeoutSeconds();
        if (timeoutSeconds != null) {
            Instant deadline = execution.startDate.plus(engine.scaled(timeoutSeconds));
            long delay = Duration.between(Instant.now(), deadline).toNanos();
            if (delay <= 0) {
                // It ran out of time while the runtime was down.
                timeOut(execution);
                return;
            }
            ScheduledFuture<?> timer = timers.schedule(() -> timeOut(execution), delay, TimeUnit.NANOSECONDS);
            execution.done().whenComplete((ignored, error) -> timer.cancel(false));
        }
        engine.executor().execute(() -> run(execution));
    }

    private static void timeOut(Execution execution) {
        execution.finish(ExecutionStatus.TIMED_OUT, null, StatesError.TIMEOUT, "The execution timed out");
    }

    private void run(Execution execution) {
        try {
            JsonNode output = new Interpreter(engine, execution).run();
            execution.finish(ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (Cancelled e) {
            // Stopped, timed out or shut down; whoever cancelled recorded the outcome (or none, for a restart).
        } catch (RuntimeException e) {
            // Once the scope is cancelled, failures are side effects of stopping (interrupts, a closed executor),
            // and a shut-down execution must stay RUNNING to be resumed.
            if (!execution.scope.isCancelled()) {
                StatesError error = e instanceof StatesError statesError ? statesError
                        : StatesError.runtime(String.valueOf(e));
                execution.finish(ExecutionStatus.FAILED, null, error.error(), error.cause());
            }
        }
    }

    private void load() {
        for (JsonNode record : store.loadStateMachines()) {
            StateMachine machine = StateMachine.fromJson(record);
            stateMachines.put(machine.arn(), machine);
        }
        for (JsonNode record : store.loadExecutions()) {
            // Stored definitions are not re-checked against the integrations: a missing one fails the task.
            Execution execution;
            try {
                execution = Execution.fromJson(record, d -> Definitions.parse(d, resource -> true), store);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt execution record " + record.path("executionArn"), e);
            }
            executions.put(execution.arn, execution);
            if (execution.status() == ExecutionStatus.RUNNING) {
                toResume.add(execution);
            }
        }
    }

    /**
     * Continues the executions the store holds as RUNNING, each from the top-level state it was in (re-running
     * that state; a callback task gets a new token). Deadlines keep counting from the original times, so an
     * execution or task that ran out of time meanwhile times out at once. Returns how many were resumed.
     */
    public int resumeAll() {
        List<Execution> resumed;
        synchronized (toResume) {
            resumed = List.copyOf(toResume);
            toResume.clear();
        }
        resumed.forEach(this::launch);
        return resumed.size();
    }

    /**
     * Stops all work without changing any execution's status, so that with a store they resume on the next start.
     */
    @Override
    public void close() {
        executions.values().forEach(execution -> execution.scope.cancel());
        timers.shutdownNow();
        engine.executor().shutdownNow();
        try {
            engine.executor().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- validation -------------------------------------------------------------------------------------------

    private static void require(String value, String field) {
        if (value == null) {
            throw new SfnException("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
    }

    /** Names: 1 to 80 characters, no whitespace, brackets, wildcards, special or control characters. */
    private static void checkName(String name) {
        require(name, "name");
        boolean valid = !name.isEmpty() && name.length() <= 80 && name.chars().noneMatch(c ->
                Character.isWhitespace(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0
                        || c <= 0x1f || (c >= 0x7f && c <= 0x9f));
        if (!valid) {
            throw new SfnException("InvalidName", "Invalid Name: '" + name + "'");
        }
    }

    private static void checkArn(String arn, String resourceType) {
        require(arn, "arn");
        if (!arn.startsWith("arn:aws:states:") || !arn.contains(resourceType)) {
            throw new SfnException("InvalidArn", "Invalid Arn: '" + arn + "'");
        }
    }
}
