package io.kycflow.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;

/**
 * The SDK metadata Step Functions adds to service integration results ({@code SdkHttpMetadata},
 * {@code SdkResponseMetadata}), so states that select from them see the same shape locally.
 */
final class SdkResponses {
    private SdkResponses() {
    }

    /** A result object carrying the metadata of a 200 response with {@code headers}. */
    static ObjectNode withMetadata(Map<String, String> headers) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode result = Json.object();
        ObjectNode http = result.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        ObjectNode single = http.putObject("HttpHeaders");
        headers.forEach((name, value) -> {
            all.putArray(name).add(value);
            single.put(name, value);
        });
        all.putArray("x-amzn-RequestId").add(requestId);
        single.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        result.putObject("SdkResponseMetadata").put("RequestId", requestId);
        return result;
    }
}
