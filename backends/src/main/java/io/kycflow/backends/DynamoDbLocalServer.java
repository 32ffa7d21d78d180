package io.kycflow.backends;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.model.ListTablesRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * DynamoDB Local behind a Jetty connector bound to 127.0.0.1.
 *
 * <p>DynamoDB Local's own {@code ServerRunner}/{@code DynamoDBProxyServer} build {@code new Server(port)}, which
 * listens on every interface and has no host setting. So we assemble the same handler chain ourselves (request
 * handler, server handler, context) on a connector with an explicit host. Telemetry is never configured on this
 * path, so nothing is sent anywhere.
 */
final class DynamoDbLocalServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;
    private final LocalDynamoDBServerHandler handler;
    /**
     * DynamoDB Local runs background jobs (stream shard rollover, TTL) on a thread pool it makes on the first
     * request and, on shutdown, lets finish instead of interrupting; a job asleep at that moment kept the JVM alive
     * for minutes. We make that first request from a thread of this group, so the pool's threads belong to it and
     * {@link #close()} can interrupt them.
     */
    private final ThreadGroup jobThreads = new ThreadGroup("dynamodb-local-jobs");

    private DynamoDbLocalServer(Server jetty, ServerConnector connector, LocalDynamoDBServerHandler handler) {
        this.jetty = jetty;
        this.connector = connector;
        this.handler = handler;
    }

    /**
     * @param port 0 for a free port
     * @param dataDirectory directory of the database file ({@code shared-local-instance.db}); null keeps it in memory
     */
    static DynamoDbLocalServer start(int port, Path dataDirectory, String region) throws Exception {
        boolean inMemory = dataDirectory == null;
        if (!inMemory) {
            Files.createDirectories(dataDirectory);
        }
        // sharedDb: one database whatever the caller's credentials and region, as with -sharedDb.
        var requestHandler = new LocalDynamoDBRequestHandler(
                0, inMemory, inMemory ? null : dataDirectory.toString(), true, false);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(LocalBackends.LOOPBACK);
        connector.setPort(port);
        jetty.addConnector(connector);
        var handler = new LocalDynamoDBServerHandler(requestHandler, null);
        jetty.setHandler(new ContextHandler(handler, "/"));

        var server = new DynamoDbLocalServer(jetty, connector, handler);
        try {
            // Before the port opens, so no client request comes first. Also opens the database (loading the
            // sqlite4java natives) now, so a broken setup fails here and the measured start-up time includes it.
            server.inJobThreadGroup(() -> requestHandler.listTables(
                    LocalBackends.ACCESS_KEY_ID, region, new ListTablesRequest()));
            jetty.start();
            return server;
        } catch (Exception e) {
            LocalBackends.closeAfterFailure(e, server);
            throw e;
        }
    }

    URI endpoint() {
        return LocalBackends.loopbackUri(connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            handler.close();
            jobThreads.interrupt();
        }
    }

    private void inJobThreadGroup(Runnable task) throws Exception {
        FutureTask<Void> run = new FutureTask<>(task, null);
        Thread thread = new Thread(jobThreads, run, "dynamodb-local-open");
        thread.start();
        try {
            run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
