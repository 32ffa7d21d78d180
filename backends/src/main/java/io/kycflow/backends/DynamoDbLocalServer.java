package io.kycflow.backends;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.amazonaws.services.dynamodbv2.model.ListTablesRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
            jetty.start();
            // Opens the database (and loads the sqlite4java natives) now rather than on the first client request,
            // so a broken setup fails here and the measured start-up time includes it.
            requestHandler.listTables(LocalBackends.ACCESS_KEY_ID, region, new ListTablesRequest());
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
        }
    }
}
