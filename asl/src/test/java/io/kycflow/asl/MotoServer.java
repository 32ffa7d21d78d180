package io.kycflow.asl;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * A moto_server subprocess (moto 5.2.1 from the image's pyenv Python) on 127.0.0.1 for the differential tests,
 * with a real SDK client for its Step Functions API. {@link #start(LambdaInvoker)} returns null when no python3
 * with moto is found; the tests then skip with {@link #NOT_AVAILABLE}.
 *
 * <p>moto's interpreter reaches other services at {@code http://localhost:$MOTO_PORT}. Given a
 * {@link LambdaInvoker}, MOTO_PORT points at a {@link MotoLambdaFront} that runs Lambda Invoke in-process (moto
 * cannot run Java functions without Docker); otherwise it is moto's own port.
 *
 * <p>moto 5.2.1 fails every StartExecution after the first on one server ("cannot pickle '_thread.RLock'", moto
 * issue 10077), so call {@link #reset()} before each case and start one execution per case, always with a name.
 */
final class MotoServer implements AutoCloseable {
    static final String NOT_AVAILABLE =
            "skipped: no python3 with moto (tried python3 and ~/.pyenv/shims/python3)";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONFIG =
            "{\"stepfunctions\": {\"execute_state_machine\": true}, \"lambda\": {\"use_docker\": false}}";

    private final Process process;
    private final URI endpoint;
    private final SfnClient sfn;
    private final MotoLambdaFront lambdaFront;

    private MotoServer(Process process, URI endpoint, MotoLambdaFront lambdaFront) {
        this.process = process;
        this.endpoint = endpoint;
        this.lambdaFront = lambdaFront;
        this.sfn = Fixtures.sfnClient(endpoint);
    }

    /**
     * Starts moto_server and waits until it answers.
     *
     * @param lambda runs the Lambda Invoke calls of moto's {@code lambda:invoke} tasks; null for definitions
     *               without Lambda
     * @return the server, or null when no python3 with moto is installed
     */
    static MotoServer start(LambdaInvoker lambda) throws IOException, InterruptedException {
        String python = pythonWithMoto();
        if (python == null) {
            return null;
        }
        int port = freePort();
        MotoLambdaFront front = lambda == null ? null : MotoLambdaFront.start(lambda);
        ProcessBuilder builder = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1",
                "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MOTO_PORT", String.valueOf(front == null ? port : front.port()));
        MotoServer server = new MotoServer(builder.start(), URI.create("http://127.0.0.1:" + port), front);
        try {
            server.waitUntilUp();
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The SDK client for moto's Step Functions API. */
    SfnClient sfn() {
        return sfn;
    }

    /** Forgets every state machine and execution and switches execution (and Docker-less Lambda) on again. */
    void reset() throws IOException, InterruptedException {
        post("/moto-api/reset", "");
        post("/moto-api/config", CONFIG);
    }

    /** Polls DescribeExecution until the execution has ended or {@code timeout} passed; returns the last answer. */
    DescribeExecutionResponse awaitExecution(String executionArn, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        DescribeExecutionResponse response;
        do {
            Thread.sleep(20);
            response = sfn.describeExecution(r -> r.executionArn(executionArn));
        } while (response.statusAsString().equals("RUNNING") && System.nanoTime() < deadline);
        return response;
    }

    /** Stops the client, the Lambda front and the moto_server process (and anything it started). */
    @Override
    public void close() throws InterruptedException {
        sfn.close();
        if (lambdaFront != null) {
            lambdaFront.close();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String pythonWithMoto() {
        List<String> candidates = List.of("python3",
                Path.of(System.getProperty("user.home"), ".pyenv", "shims", "python3").toString());
        for (String python : candidates) {
            if (!python.equals("python3") && !Files.isExecutable(Path.of(python))) {
                continue;
            }
            try {
                Process probe = new ProcessBuilder(python, "-c", "import moto")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python;
                }
                probe.destroyForcibly();
            } catch (IOException | InterruptedException e) {
                // Not usable; try the next one.
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void waitUntilUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("moto_server did not start on " + endpoint);
    }

    private void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
    }
}
