package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiRoutes;
import io.kycflow.http.ErrorCode;
import io.kycflow.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * API Gateway (REST API) on localhost: runs the REQUEST authorizer function, answers 401/403 with the gateway
 * responses template.yaml declares, and passes allowed requests to the route's function ({@link ApiRoutes.Route#function()})
 * as proxy events carrying the authorizer's context. Bound to 127.0.0.1 only.
 *
 * <p>It listens from construction but serves the API only between {@link #ready()} and {@link #stopTaking}: before and
 * after, every request is answered 503 {@code unavailable} with Retry-After, never passed to a function that is not
 * there (yet or any more). {@code GET /health} answers without credentials whether it is ready.
 */
public final class LocalApiGateway implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final String STAGE = "v1";
    private static final Map<String, String> RETRY_AFTER = Map.of("Retry-After", "1");

    /** Where the runtime behind the gateway stands. */
    private enum State {
        STARTING, READY, STOPPING
    }

    private final LocalFunctions functions;
    private final String authorizerFunction;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    /** Changed and read under this object's lock with {@link #inFlight}, so no request is admitted once stopping. */
    private State state = State.STARTING;
    private int inFlight;

    public LocalApiGateway(LocalFunctions functions, String authorizerFunction, int port) throws IOException {
        this.functions = functions;
        this.authorizerFunction = authorizerFunction;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every part behind the gateway is up: the API is served from now on. */
    public synchronized void ready() {
        if (state == State.STARTING) {
            state = State.READY;
        }
    }

    /**
     * Stops serving the API: requests from now on are answered 503, and this waits up to {@code drain} for those in
     * flight to finish, so that nothing they use is stopped under them. The port stays open until {@link #close()}.
     *
     * @return false when some request was still in flight at the deadline
     */
    public synchronized boolean stopTaking(Duration drain) throws InterruptedException {
        state = State.STOPPING;
        long deadline = System.nanoTime() + drain.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized State admit() {
        if (state == State.READY) {
            inFlight++;
        }
        return state;
    }

    private synchronized void finished() {
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            Response response;
            if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawPath().equals(ApiRoutes.HEALTH)) {
                response = health();
            } else {
                State admitted = admit();
                if (admitted != State.READY) {
                    response = Response.unavailable(admitted, requestId);
                } else {
                    try {
                        response = respond(exchange, requestId);
                    } finally {
                        finished();
                    }
                }
            }
            byte[] body = response.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
            for (Map.Entry<String, String> header : response.headers.entrySet()) {
                exchange.getResponseHeaders().set(header.getKey(), header.getValue());
            }
            exchange.sendResponseHeaders(response.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private record Response(int status, String body, Map<String, String> headers) {
        static Response error(ErrorCode code, String message, String requestId) {
            return new Response(code.status(), Json.write(ApiException.body(code, message, null, requestId)), Map.of());
        }

        static Response unavailable(State state, String requestId) {
            Response error = error(ErrorCode.UNAVAILABLE, state == State.STARTING ? "kycflow is starting; retry in a moment."
                    : "kycflow is stopping.", requestId);
            return new Response(error.status, error.body, RETRY_AFTER);
        }
    }

    /** {@code {"status": "starting" | "ready" | "stopping"}}: 200 when ready, else 503 with Retry-After. */
    private synchronized Response health() {
        String body = Json.write(Json.object().put("status", state.name().toLowerCase(Locale.ROOT)));
        return state == State.READY ? new Response(200, body, Map.of()) : new Response(503, body, RETRY_AFTER);
    }

    private Response respond(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        if (method.equals("OPTIONS")) {
            return new Response(204, "", Map.of(
                    "Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,OPTIONS",
                    "Access-Control-Allow-Headers", "Authorization,Content-Type,Idempotency-Key,x-api-key"));
        }
        byte[] payload = readLimited(exchange.getRequestBody());
        if (payload == null) {
            return Response.error(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 10 MB.", requestId);
        }
        ApiRoutes.Match match = ApiRoutes.match(method, path);
        if (match == null) {
            return Response.error(ErrorCode.NOT_FOUND, "No such endpoint.", requestId);
        }
        ObjectNode headers = Json.object();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        ObjectNode query = queryParameters(exchange.getRequestURI().getRawQuery());
        ObjectNode pathParameters = Json.object();
        match.pathParameters().forEach(pathParameters::put);

        JsonNode authorization;
        try {
            authorization = functions.invoke(authorizerFunction, authorizerEvent(method, path, match, headers, query, pathParameters, requestId));
        } catch (LocalFunctions.FunctionError e) {
            return "Unauthorized".equals(e.getMessage())
                    ? Response.error(ErrorCode.UNAUTHORIZED, "Missing or invalid credentials.", requestId)
                    : Response.error(ErrorCode.INTERNAL_ERROR, "The authorizer failed.", requestId);
        }
        if (!allows(authorization)) {
            return Response.error(ErrorCode.FORBIDDEN, "The credentials do not allow this operation.", requestId);
        }
        ObjectNode event = Json.object()
                .put("resource", match.route().template())
                .put("path", path)
                .put("httpMethod", method);
        event.set("headers", headers);
        event.set("queryStringParameters", query.isEmpty() ? null : query);
        event.set("pathParameters", pathParameters.isEmpty() ? null : pathParameters);
        event.put("body", payload.length == 0 ? null : new String(payload, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        ObjectNode context = requestContext(method, match, requestId);
        ObjectNode authorizerContext = authorization.path("context").isObject()
                ? ((ObjectNode) authorization.get("context")).deepCopy() : Json.object();
        authorizerContext.put("principalId", authorization.path("principalId").asText());
        context.set("authorizer", authorizerContext);
        event.set("requestContext", context);
        try {
            JsonNode result = functions.invoke(match.route().function(), event);
            java.util.Map<String, String> responseHeaders = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = result.path("headers").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                responseHeaders.put(header.getKey(), header.getValue().asText());
            }
            return new Response(result.path("statusCode").asInt(502), result.path("body").asText(""), responseHeaders);
        } catch (LocalFunctions.FunctionError e) {
            return Response.error(ErrorCode.INTERNAL_ERROR, "Internal server error.", requestId);
        }
    }

    private ObjectNode authorizerEvent(String method, String path, ApiRoutes.Match match, ObjectNode headers,
                                       ObjectNode query, ObjectNode pathParameters, String requestId) {
        ObjectNode event = Json.object()
                .put("type", "REQUEST")
                .put("methodArn", "arn:aws:execute-api:us-east-1:000000000000:local/" + STAGE + "/" + method + path)
                .put("resource", match.route().template())
                .put("path", path)
                .put("httpMethod", method);
        event.set("headers", headers);
        event.set("queryStringParameters", query);
        event.set("pathParameters", pathParameters);
        event.set("requestContext", requestContext(method, match, requestId));
        return event;
    }

    private static ObjectNode requestContext(String method, ApiRoutes.Match match, String requestId) {
        return Json.object()
                .put("requestId", requestId)
                .put("stage", STAGE)
                .put("httpMethod", method)
                .put("resourcePath", match.route().template())
                .put("apiId", "local")
                .put("accountId", "000000000000");
    }

    /** True when the policy allows execute-api:Invoke (any Deny wins, as in IAM). */
    static boolean allows(JsonNode authorization) {
        boolean allowed = false;
        for (JsonNode statement : authorization.path("policyDocument").path("Statement")) {
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny")) {
                return false;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed;
    }

    private static ObjectNode queryParameters(String rawQuery) {
        ObjectNode query = Json.object();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        return query;
    }

    /** The body, or null when it is over the payload limit. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        return data.length > MAX_PAYLOAD_BYTES ? null : data;
    }

    /** Closes the port; answers being written get a second to finish. */
    @Override
    public void close() {
        synchronized (this) {
            state = State.STOPPING;
        }
        server.stop(1);
        executor.shutdownNow();
    }

}
