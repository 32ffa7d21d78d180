package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda API as moto's Step Functions interpreter sees it: an HTTP server on 127.0.0.1 that answers Lambda
 * Invoke ({@code POST /2015-03-31/functions/{name}/invocations}, which moto's {@code lambda:invoke} integration
 * sends with boto3 to {@code localhost:$MOTO_PORT}) by calling a {@link LambdaInvoker} in-process.
 *
 * <p>A {@link LambdaFunctionError} becomes what Lambda returns for a failed function: status 200,
 * {@code X-Amz-Function-Error: Unhandled} and the {@code errorType}/{@code errorMessage} document, from which
 * moto takes the error name for Retry and Catch. Any other exception is a 500 ServiceException
 * (Lambda.ServiceException in the execution). Nothing else is served: moto's other integrations would get a 404.
 */
final class MotoLambdaFront implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private final HttpServer server;
    private final ExecutorService executor;
    private final LambdaInvoker invoker;

    private MotoLambdaFront(HttpServer server, ExecutorService executor, LambdaInvoker invoker) {
        this.server = server;
        this.executor = executor;
        this.invoker = invoker;
    }

    static MotoLambdaFront start(LambdaInvoker invoker) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        MotoLambdaFront front = new MotoLambdaFront(server, executor, invoker);
        server.createContext("/", front::handle);
        server.setExecutor(executor);
        server.start();
        return front;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // getPath() decodes the percent-escapes of a function ARN.
            Matcher invoke = INVOKE.matcher(exchange.getRequestURI().getPath());
            if (!exchange.getRequestMethod().equals("POST") || !invoke.matches()) {
                error(exchange, 404, "UnknownOperationException",
                        "only Lambda Invoke is served here, not " + exchange.getRequestURI());
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                JsonNode payload = body.isBlank() ? Json.object() : Fixtures.json(body);
                JsonNode result = invoker.invoke(invoke.group(1), payload);
                exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
                respond(exchange, 200, result);
            } catch (LambdaFunctionError e) {
                ObjectNode document = Json.object();
                if (e.errorType() != null) {
                    document.put("errorType", e.errorType());
                }
                document.put("errorMessage", e.errorMessage());
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                respond(exchange, 200, document);
            } catch (RuntimeException e) {
                error(exchange, 500, "ServiceException", String.valueOf(e));
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", type);
        ObjectNode body = Json.object();
        body.put("message", message);
        respond(exchange, status, body);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Fixtures.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
