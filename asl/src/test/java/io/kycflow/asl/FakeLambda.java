package io.kycflow.asl;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link LambdaInvoker} for tests: records every call and answers with per-function handlers (default {}). */
final class FakeLambda implements LambdaInvoker {
    record Call(String function, JsonNode payload) {
    }

    @FunctionalInterface
    interface Handler {
        JsonNode handle(JsonNode payload) throws LambdaFunctionError;
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    FakeLambda on(String function, Handler handler) {
        handlers.put(function, handler);
        return this;
    }

    @Override
    public JsonNode invoke(String functionName, JsonNode payload) throws LambdaFunctionError {
        calls.add(new Call(functionName, payload));
        Handler handler = handlers.get(functionName);
        return handler == null ? Json.object() : handler.handle(payload);
    }

    /** The next call, waiting up to five seconds for it. */
    Call next() {
        try {
            Call call = calls.poll(5, TimeUnit.SECONDS);
            assertNotNull(call, "no Lambda call arrived");
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The call after waiting {@code millis} for one, or null. */
    Call poll(long millis) throws InterruptedException {
        return calls.poll(millis, TimeUnit.MILLISECONDS);
    }
}
