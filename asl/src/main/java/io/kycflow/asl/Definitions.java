package io.kycflow.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses and validates a States Language definition (JSONPath query language) into {@link State.Graph}. Problems
 * are reported as IllegalArgumentException, which the API turns into InvalidDefinition.
 */
final class Definitions {
    private static final String CALLBACK_SUFFIX = ".waitForTaskToken";

    private static final Set<String> IO = Set.of("Type", "Comment", "InputPath", "OutputPath");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> RESULT = Set.of("Parameters", "ResultSelector", "ResultPath");
    private static final Set<String> HANDLING = Set.of("Retry", "Catch");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", fields(IO, FLOW, Set.of("Parameters", "Result", "ResultPath")),
            "Task", fields(IO, FLOW, RESULT, HANDLING, Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath",
                    "HeartbeatSeconds", "HeartbeatSecondsPath")),
            "Choice", fields(IO, Set.of("Choices", "Default")),
            "Wait", fields(IO, FLOW, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")),
            "Parallel", fields(IO, FLOW, RESULT, HANDLING, Set.of("Branches")),
            "Map", fields(IO, FLOW, RESULT, HANDLING, Set.of("ItemsPath", "ItemSelector", "MaxConcurrency",
                    "Iterator", "ItemProcessor")),
            "Succeed", IO,
            "Fail", Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath"));

    private final Predicate<String> resourceSupported;

    private Definitions(Predicate<String> resourceSupported) {
        this.resourceSupported = resourceSupported;
    }

    /**
     * Parses a definition. {@code resourceSupported} tells whether a Task resource (without its
     * {@code .waitForTaskToken} suffix) has an integration.
     */
    static State.Graph parse(String definition, Predicate<String> resourceSupported) {
        JsonNode root;
        try {
            root = Json.parse(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the definition is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the definition must be a JSON object");
        }
        String language = root.path("QueryLanguage").asText("JSONPath");
        if (!language.equals("JSONPath")) {
            throw new IllegalArgumentException("only the JSONPath query language is supported, not " + language);
        }
        return new Definitions(resourceSupported).graph(root, "the state machine");
    }

    @SafeVarargs
    private static Set<String> fields(Set<String>... groups) {
        Set<String> all = new HashSet<>();
        for (Set<String> group : groups) {
            all.addAll(group);
        }
        return Set.copyOf(all);
    }

    private State.Graph graph(JsonNode node, String where) {
        JsonNode states = node.path("States");
        if (!states.isObject() || states.isEmpty()) {
            throw new IllegalArgumentException(where + " needs a non-empty States object");
        }
        String startAt = node.path("StartAt").asText(null);
        if (startAt == null || !states.has(startAt)) {
            throw new IllegalArgumentException(where + " has StartAt '" + startAt + "' that is not a state");
        }
        Integer timeout = node.has("TimeoutSeconds") ? positiveInt(node, "TimeoutSeconds", where) : null;
        Map<String, State> parsed = new LinkedHashMap<>();
        states.properties().forEach(e -> parsed.put(e.getKey(), state(e.getKey(), e.getValue())));
        for (State state : parsed.values()) {
            for (String target : transitions(state)) {
                if (!parsed.containsKey(target)) {
                    throw new IllegalArgumentException("state '" + state.name() + "' moves to '" + target
                            + "', which is not a state of " + where);
                }
            }
        }
        return new State.Graph(startAt, Map.copyOf(parsed), timeout);
    }

    private static List<String> transitions(State state) {
        List<String> targets = new ArrayList<>();
        switch (state) {
            case State.Pass s -> targets.add(s.next());
            case State.Task s -> addTargets(targets, s.next(), s.handling());
            case State.Choice s -> {
                s.choices().forEach(c -> targets.add(c.next()));
                targets.add(s.defaultNext());
            }
            case State.Wait s -> targets.add(s.next());
            case State.Parallel s -> addTargets(targets, s.next(), s.handling());
            case State.MapState s -> addTargets(targets, s.next(), s.handling());
            case State.Succeed s -> {
            }
            case State.Fail s -> {
            }
        }
        targets.removeIf(t -> t == null);
        return targets;
    }

    private static void addTargets(List<String> targets, String next, State.ErrorHandling handling) {
        targets.add(next);
        handling.catchers().forEach(c -> targets.add(c.next()));
    }

    private State state(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("state '" + name + "' must be an object");
        }
        String type = node.path("Type").asText("");
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw new IllegalArgumentException("state '" + name + "' has unknown Type '" + type + "'");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException("field '" + field + "' is not supported in " + type
                        + " state '" + name + "'");
            }
        });
        try {
            return switch (type) {
                case "Pass" -> new State.Pass(name, io(node), node.get("Result"), next(node));
                case "Task" -> task(name, node);
                case "Choice" -> choice(name, node);
                case "Wait" -> waitState(name, node);
                case "Parallel" -> parallel(name, node);
                case "Map" -> map(name, node);
                case "Succeed" -> new State.Succeed(name, io(node));
                default -> fail(name, node);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Next or End; exactly one of them. */
    private static String next(JsonNode node) {
        boolean end = node.path("End").asBoolean(false);
        String next = node.path("Next").asText(null);
        if (end == (next != null)) {
            throw new IllegalArgumentException("exactly one of Next and End (true) is required");
        }
        return next;
    }

    private static State.Io io(JsonNode node) {
        return new State.Io(
                path(node, "InputPath"),
                template(node, "Parameters"),
                template(node, "ResultSelector"),
                referencePath(node, "ResultPath"),
                path(node, "OutputPath"));
    }

    /** Absent: the root path; JSON null: null (discard). */
    private static JsonPath path(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return JsonPath.ROOT;
        }
        return value.isNull() ? null : JsonPath.parse(text(node, field));
    }

    private static JsonPath referencePath(JsonNode node, String field) {
        JsonPath path = path(node, field);
        if (path != null && !path.isDefinite()) {
            throw new IllegalArgumentException(field + " must be a reference path: " + path);
        }
        return path;
    }

    private static PayloadTemplate template(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : PayloadTemplate.compile(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.textValue();
    }

    private static int positiveInt(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (!Json.isInt(value) || value.intValue() <= 0) {
            throw new IllegalArgumentException(field + " of " + where + " must be a positive integer");
        }
        return value.intValue();
    }

    private static State.Seconds seconds(JsonNode node, String field) {
        boolean fixed = node.has(field);
        boolean path = node.has(field + "Path");
        if (fixed && path) {
            throw new IllegalArgumentException("use either " + field + " or " + field + "Path, not both");
        }
        if (fixed) {
            return new State.Seconds(positiveInt(node, field, "the state"), null);
        }
        return path ? new State.Seconds(null, JsonPath.parseReference(text(node, field + "Path"))) : null;
    }

    private State.Task task(String name, JsonNode node) {
        String resource = text(node, "Resource");
        String base = resource.endsWith(CALLBACK_SUFFIX)
                ? resource.substring(0, resource.length() - CALLBACK_SUFFIX.length()) : resource;
        if (!resourceSupported.test(base) || (!base.equals(resource) && !base.startsWith("arn:aws:states:::"))) {
            throw new IllegalArgumentException("resource '" + resource + "' is not supported");
        }
        State.Seconds timeout = seconds(node, "TimeoutSeconds");
        State.Seconds heartbeat = seconds(node, "HeartbeatSeconds");
        if (timeout != null && heartbeat != null && timeout.fixed() != null && heartbeat.fixed() != null
                && heartbeat.fixed() >= timeout.fixed()) {
            throw new IllegalArgumentException("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new State.Task(name, io(node), resource, timeout, heartbeat, handling(node), next(node));
    }

    private static State.Choice choice(String name, JsonNode node) {
        JsonNode choices = node.path("Choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new IllegalArgumentException("Choices must be a non-empty array");
        }
        List<State.Choice.Branch> branches = new ArrayList<>();
        for (JsonNode choice : choices) {
            branches.add(new State.Choice.Branch(ChoiceRule.parse(choice), text(choice, "Next")));
        }
        String defaultNext = node.has("Default") ? text(node, "Default") : null;
        return new State.Choice(name, io(node), List.copyOf(branches), defaultNext);
    }

    private static State.Wait waitState(String name, JsonNode node) {
        long ways = List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").stream()
                .filter(node::has).count();
        if (ways != 1) {
            throw new IllegalArgumentException("exactly one of Seconds, Timestamp, SecondsPath and TimestampPath"
                    + " is required");
        }
        Integer seconds = null;
        if (node.has("Seconds")) {
            JsonNode value = node.get("Seconds");
            if (!Json.isInt(value) || value.intValue() < 0) {
                throw new IllegalArgumentException("Seconds must be a non-negative integer");
            }
            seconds = value.intValue();
        }
        Instant timestamp = null;
        if (node.has("Timestamp")) {
            timestamp = ChoiceRule.Comparison.timestamp(node.get("Timestamp"));
            if (timestamp == null) {
                throw new IllegalArgumentException("Timestamp must be an RFC 3339 timestamp");
            }
        }
        JsonPath secondsPath = node.has("SecondsPath") ? JsonPath.parseReference(text(node, "SecondsPath")) : null;
        JsonPath timestampPath = node.has("TimestampPath")
                ? JsonPath.parseReference(text(node, "TimestampPath")) : null;
        return new State.Wait(name, io(node), seconds, timestamp, secondsPath, timestampPath, next(node));
    }

    private State.Parallel parallel(String name, JsonNode node) {
        JsonNode branches = node.path("Branches");
        if (!branches.isArray() || branches.isEmpty()) {
            throw new IllegalArgumentException("Branches must be a non-empty array");
        }
        List<State.Graph> graphs = new ArrayList<>();
        for (JsonNode branch : branches) {
            graphs.add(graph(branch, "a branch of '" + name + "'"));
        }
        return new State.Parallel(name, io(node), List.copyOf(graphs), handling(node), next(node));
    }

    private State.MapState map(String name, JsonNode node) {
        if (node.has("ItemSelector") && node.has("Parameters")) {
            throw new IllegalArgumentException("use either ItemSelector or Parameters, not both");
        }
        JsonNode processor = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        if (processor == null) {
            throw new IllegalArgumentException("ItemProcessor (or Iterator) is required");
        }
        String mode = processor.path("ProcessorConfig").path("Mode").asText("INLINE");
        if (!mode.equals("INLINE")) {
            throw new IllegalArgumentException("only the INLINE processing mode is supported");
        }
        int maxConcurrency = 0;
        if (node.has("MaxConcurrency")) {
            JsonNode value = node.get("MaxConcurrency");
            if (!Json.isInt(value) || value.intValue() < 0) {
                throw new IllegalArgumentException("MaxConcurrency must be a non-negative integer");
            }
            maxConcurrency = value.intValue();
        }
        // Parameters is the older name of ItemSelector: it shapes each item, not the Map's own input.
        String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
        State.Io io = io(node);
        State.Io mapIo = new State.Io(io.inputPath(), null, io.resultSelector(), io.resultPath(), io.outputPath());
        JsonPath itemsPath = node.has("ItemsPath") ? JsonPath.parseReference(text(node, "ItemsPath")) : JsonPath.ROOT;
        return new State.MapState(name, mapIo, itemsPath, template(node, selectorField), maxConcurrency,
                graph(processor, "the item processor of '" + name + "'"), handling(node), next(node));
    }

    private static State.Fail fail(String name, JsonNode node) {
        if ((node.has("Error") && node.has("ErrorPath")) || (node.has("Cause") && node.has("CausePath"))) {
            throw new IllegalArgumentException("use either Error/Cause or ErrorPath/CausePath for each, not both");
        }
        return new State.Fail(name,
                node.has("Error") ? text(node, "Error") : null,
                node.has("Cause") ? text(node, "Cause") : null,
                node.has("ErrorPath") ? Expression.parse(text(node, "ErrorPath")) : null,
                node.has("CausePath") ? Expression.parse(text(node, "CausePath")) : null);
    }

    private static State.ErrorHandling handling(JsonNode node) {
        List<State.Retrier> retriers = new ArrayList<>();
        JsonNode retry = node.path("Retry");
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            List<String> errors = errorEquals(r, i == retry.size() - 1, "Retry");
            double interval = number(r, "IntervalSeconds", 1, 1);
            int maxAttempts = r.has("MaxAttempts") ? nonNegativeInt(r, "MaxAttempts") : 3;
            double backoff = number(r, "BackoffRate", 2.0, 1.0);
            Double maxDelay = r.has("MaxDelaySeconds") ? number(r, "MaxDelaySeconds", 0, 1) : null;
            String jitter = r.path("JitterStrategy").asText("NONE");
            if (!jitter.equals("NONE") && !jitter.equals("FULL")) {
                throw new IllegalArgumentException("JitterStrategy must be FULL or NONE");
            }
            retriers.add(new State.Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter.equals("FULL")));
        }
        List<State.Catcher> catchers = new ArrayList<>();
        JsonNode catches = node.path("Catch");
        for (int i = 0; i < catches.size(); i++) {
            JsonNode c = catches.get(i);
            catchers.add(new State.Catcher(errorEquals(c, i == catches.size() - 1, "Catch"),
                    referencePath(c, "ResultPath"), text(c, "Next")));
        }
        return new State.ErrorHandling(List.copyOf(retriers), List.copyOf(catchers));
    }

    private static List<String> errorEquals(JsonNode node, boolean last, String where) {
        JsonNode errors = node.path("ErrorEquals");
        if (!errors.isArray() || errors.isEmpty()) {
            throw new IllegalArgumentException(where + " needs a non-empty ErrorEquals");
        }
        List<String> names = new ArrayList<>();
        errors.forEach(e -> names.add(e.asText()));
        if (names.contains(StatesError.ALL) && (names.size() > 1 || !last)) {
            throw new IllegalArgumentException("States.ALL must appear alone and in the last " + where + " entry");
        }
        return List.copyOf(names);
    }

    private static double number(JsonNode node, String field, double absent, double minimum) {
        if (!node.has(field)) {
            return absent;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber() || value.doubleValue() < minimum) {
            throw new IllegalArgumentException(field + " must be a number of at least " + minimum);
        }
        return value.doubleValue();
    }

    private static int nonNegativeInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!Json.isInt(value) || value.intValue() < 0) {
            throw new IllegalArgumentException(field + " must be a non-negative integer");
        }
        return value.intValue();
    }
}
