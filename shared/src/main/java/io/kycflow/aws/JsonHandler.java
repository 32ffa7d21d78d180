package io.kycflow.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base of every kycflow Lambda: reads the event as a JSON tree and writes the result as JSON, with no reflection
 * binding (the runtime's POJO serialisation costs cold-start time). The local runtime invokes the same method
 * with the same bytes, so local and cloud behave alike.
 */
public abstract class JsonHandler implements RequestStreamHandler {

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
