package io.kycflow.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Serves a {@link LocalStepFunctions} over the Step Functions wire protocol (AWS JSON 1.0: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}), so AWS SDK clients and the CLI work against it with an
 * endpoint override. Listens on 127.0.0.1 only; request signatures are accepted without being checked.
 *
 * <p>Operations: CreateStateMachine, DescribeStateMachine, UpdateStateMachine, ListStateMachines, StartExecution,
 * DescribeExecution, StopExecution, ListExecutions, GetExecutionHistory, SendTaskSuccess, SendTaskFailure,
 * SendTaskHeartbeat. Errors carry the AWS code in {@code __type}, so the SDK throws e.g.
 * {@code ExecutionDoesNotExistException} or {@code TaskTimedOutException}.
 */
public final class SfnHttpEndpoint implements AutoCloseable {
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final int DEFAULT_PAGE = 100;

    private final LocalStepFunctions sfn;
    private final HttpServer server;
    private final ExecutorService executor;

    private SfnHttpEndpoint(LocalStepFunctions sfn, HttpServer server, ExecutorService executor) {
        this.sfn = sfn;
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
    public static SfnHttpEndpoint start(LocalStepFunctions sfn, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("sfn-http-", 0).factory());
        SfnHttpEndpoint endpoint = new SfnHttpEndpoint(sfn, server, executor);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URI to give SDK clients as endpoint override, e.g. {@code http://127.0.0.1:45123}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            ObjectNode response;
            try {
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                if (!"POST".equals(exchange.getRequestMethod()) || target == null
                        || !target.startsWith(TARGET_PREFIX)) {
                    throw new SfnException("UnknownOperationException", "Expected POST with X-Amz-Target "
                            + TARGET_PREFIX + "<Operation>");
                }
                response = dispatch(target.substring(TARGET_PREFIX.length()), body(exchange));
            } catch (SfnException e) {
                status = 400;
                response = error(e.code(), e.getMessage());
            } catch (RuntimeException e) {
                status = 500;
                response = error("InternalFailure", String.valueOf(e));
            }
            byte[] bytes = Json.write(response).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode error = Json.object();
        error.put("__type", code);
        error.put("message", message);
        return error;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = text.isBlank() ? Json.object() : Json.parse(text);
            if (!body.isObject()) {
                throw new SfnException("SerializationException", "The request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new SfnException("SerializationException", e.getOriginalMessage());
        }
    }

    private ObjectNode dispatch(String operation, JsonNode request) {
        ObjectNode response = Json.object();
        switch (operation) {
            case "CreateStateMachine" -> {
                String type = request.path("type").asText("STANDARD");
                if (!type.equals("STANDARD")) {
                    throw new SfnException("StateMachineTypeNotSupported", "Only STANDARD state machines are"
                            + " supported, not " + type);
                }
                String arn = sfn.createStateMachine(text(request, "name"), text(request, "definition"),
                        text(request, "roleArn"));
                response.put("stateMachineArn", arn);
                date(response, "creationDate", sfn.describeStateMachine(arn).creationDate());
            }
            case "DescribeStateMachine" -> describe(sfn.describeStateMachine(text(request, "stateMachineArn")),
                    response);
            case "UpdateStateMachine" -> {
                sfn.updateStateMachine(text(request, "stateMachineArn"), text(request, "definition"));
                date(response, "updateDate", Instant.now());
            }
            case "ListStateMachines" -> page(request, response, "stateMachines", sfn.listStateMachines(),
                    machine -> describe(machine, Json.object()));
            case "StartExecution" -> {
                String arn = sfn.startExecution(text(request, "stateMachineArn"), text(request, "name"),
                        text(request, "input"));
                response.put("executionArn", arn);
                date(response, "startDate", sfn.describeExecution(arn).startDate());
            }
            case "DescribeExecution" -> describe(sfn.describeExecution(text(request, "executionArn")), response);
            case "StopExecution" -> date(response, "stopDate", sfn.stopExecution(text(request, "executionArn"),
                    text(request, "error"), text(request, "cause")));
            case "ListExecutions" -> {
                String filter = text(request, "statusFilter");
                List<ExecutionInfo> executions = sfn.listExecutions(text(request, "stateMachineArn"),
                        filter == null ? null : status(filter));
                page(request, response, "executions", executions, execution -> {
                    ObjectNode item = Json.object();
                    item.put("executionArn", execution.executionArn());
                    item.put("stateMachineArn", execution.stateMachineArn());
                    item.put("name", execution.name());
                    item.put("status", execution.status().name());
                    date(item, "startDate", execution.startDate());
                    date(item, "stopDate", execution.stopDate());
                    return item;
                });
            }
            case "GetExecutionHistory" -> {
                List<HistoryEvent> events = sfn.getExecutionHistory(text(request, "executionArn"));
                if (request.path("reverseOrder").asBoolean(false)) {
                    events = events.reversed();
                }
                page(request, response, "events", events, SfnHttpEndpoint::event);
            }
            case "SendTaskSuccess" -> sfn.sendTaskSuccess(text(request, "taskToken"), text(request, "output"));
            case "SendTaskFailure" -> sfn.sendTaskFailure(text(request, "taskToken"), text(request, "error"),
                    text(request, "cause"));
            case "SendTaskHeartbeat" -> sfn.sendTaskHeartbeat(text(request, "taskToken"));
            default -> throw new SfnException("UnknownOperationException", "Unsupported operation " + operation);
        }
        return response;
    }

    private static ExecutionStatus status(String name) {
        try {
            return ExecutionStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SfnException("ValidationException", "Invalid statusFilter '" + name + "'");
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Timestamps go out as epoch seconds with a fraction, as in the real JSON protocol. */
    private static void date(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, instant.toEpochMilli() / 1000.0);
        }
    }

    private static ObjectNode describe(StateMachineInfo machine, ObjectNode out) {
        out.put("stateMachineArn", machine.stateMachineArn());
        out.put("name", machine.name());
        out.put("status", "ACTIVE");
        out.put("definition", machine.definition());
        out.put("roleArn", machine.roleArn());
        out.put("type", "STANDARD");
        date(out, "creationDate", machine.creationDate());
        return out;
    }

    private static void describe(ExecutionInfo execution, ObjectNode out) {
        out.put("executionArn", execution.executionArn());
        out.put("stateMachineArn", execution.stateMachineArn());
        out.put("name", execution.name());
        out.put("status", execution.status().name());
        date(out, "startDate", execution.startDate());
        date(out, "stopDate", execution.stopDate());
        out.put("input", execution.input());
        out.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            out.put("output", execution.output());
            out.putObject("outputDetails").put("included", true);
        }
        if (execution.error() != null) {
            out.put("error", execution.error());
        }
        if (execution.cause() != null) {
            out.put("cause", execution.cause());
        }
    }

    private static ObjectNode event(HistoryEvent event) {
        ObjectNode out = Json.object();
        date(out, "timestamp", event.timestamp());
        out.put("type", event.type());
        out.put("id", event.id());
        out.put("previousEventId", event.previousEventId());
        if (!event.details().isEmpty()) {
            out.set(event.detailsKey(), event.details());
        }
        return out;
    }

    /** maxResults/nextToken paging; the token is the offset of the next item. */
    private static <T> void page(JsonNode request, ObjectNode response, String field, List<T> items,
                                 Function<T, ObjectNode> render) {
        int size = request.path("maxResults").asInt(0);
        size = size <= 0 ? DEFAULT_PAGE : size;
        int from;
        try {
            from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        } catch (NumberFormatException e) {
            throw new SfnException("InvalidToken", "Invalid Token: '" + request.get("nextToken").asText() + "'");
        }
        ArrayNode page = response.putArray(field);
        int to = Math.min(items.size(), Math.max(0, from) + size);
        for (int i = Math.max(0, from); i < to; i++) {
            page.add(render.apply(items.get(i)));
        }
        if (to < items.size()) {
            response.put("nextToken", String.valueOf(to));
        }
    }
}
