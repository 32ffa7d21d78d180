package io.kycflow.testing;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A moto_server subprocess (moto 5.2.1 in the image's pyenv Python) on 127.0.0.1, for tests that compare against
 * moto: the Step Functions differential tests here, the Rekognition adapters in identity-aws. {@link #start(Map)}
 * returns null when no python3 with moto is found; the tests then skip with {@link #NOT_AVAILABLE}.
 */
public final class MotoProcess implements AutoCloseable {
    public static final String NOT_AVAILABLE =
            "skipped: no python3 with moto (tried python3 and ~/.pyenv/shims/python3)";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final URI endpoint;

    private MotoProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts moto_server and waits until it answers.
     *
     * @param environment added to the process's environment; {@code MOTO_PORT} (where moto's own interpreters call
     *                    other services) defaults to moto's port
     * @return the server, or null when no python3 with moto is installed
     */
    public static MotoProcess start(Map<String, String> environment) throws IOException, InterruptedException {
        String python = pythonWithMoto();
        if (python == null) {
            return null;
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1",
                "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("MOTO_PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        MotoProcess moto = new MotoProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        try {
            moto.waitUntilUp();
        } catch (RuntimeException | InterruptedException e) {
            moto.close();
            throw e;
        }
        return moto;
    }

    /** Where moto answers every service. */
    public URI endpoint() {
        return endpoint;
    }

    /** POSTs JSON to one of moto's own endpoints ({@code /moto-api/reset}, {@code /moto-api/config}). */
    public void post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Stops the moto_server process and anything it started. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String pythonWithMoto() {
        // a clean PATH may find a system python3 without moto before the pyenv one
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
}
