package io.kycflow.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;

import org.crac.Core;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base of every kycflow Lambda: reads the event as a JSON tree and writes the result as JSON, with no reflection
 * binding (the runtime's POJO serialisation costs cold-start time). The local runtime invokes the same method
 * with the same bytes, so local and cloud behave alike.
 */
public abstract class JsonHandler implements RequestStreamHandler {
    /**
     * SnapStart takes the snapshot after init; priming runs the handler's hot path once before that, so classes
     * are loaded and initialised in the snapshot instead of on the first request. Kept in a field because the
     * CRaC context holds resources weakly. Outside SnapStart the hook never runs and costs nothing.
     */
    private final Resource priming = new Resource() {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws Exception {
            prime();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            // Nothing to refresh: clients re-resolve credentials and connections on their own.
        }
    };

    static {
        // Class initialisation runs before the subclass builds its clients, so the two overlap.
        ColdStart.warmInBackground(ColdStart::requestPath);
    }

    protected JsonHandler() {
        Core.getGlobalContext().register(priming);
    }

    /**
     * Exercises the hot path without side effects (e.g. a read of an item that cannot exist). The default loads
     * the JSON machinery only.
     */
    public void prime() throws Exception {
        Json.write(Json.parse("{\"priming\":[1,true,null,\"x\"]}"));
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode result = handle(Json.parse(input), context);
        output.write(Json.bytes(result == null ? Json.object() : result));
    }

    /**
     * Handles one event.
     *
     * @param context the Lambda context; null when invoked outside Lambda (tests, benchmarks)
     */
    public abstract JsonNode handle(JsonNode event, Context context);
}
