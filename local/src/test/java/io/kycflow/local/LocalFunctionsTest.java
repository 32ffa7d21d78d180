package io.kycflow.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.aws.JsonHandler;
import io.kycflow.json.Json;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asynchronous invocations: retried as Lambda retries them, and never once the runtime is closing. */
class LocalFunctionsTest {

    /** A function that always fails, counting its invocations. */
    private static final class FailingFunction extends JsonHandler {
        final AtomicInteger invocations = new AtomicInteger();
        final CountDownLatch firstFailure = new CountDownLatch(1);
        final CountDownLatch lastAttempt = new CountDownLatch(3);

        @Override
        public JsonNode handle(JsonNode event, Context context) {
            invocations.incrementAndGet();
            firstFailure.countDown();
            lastAttempt.countDown();
            throw new IllegalStateException("failing on purpose");
        }
    }

    @Test
    void aFailedAsyncInvocationIsTriedThreeTimes() throws Exception {
        FailingFunction function = new FailingFunction();
        try (LocalFunctions functions = new LocalFunctions()) {
            functions.register("failing", function);
            functions.invokeAsync("failing", Json.object());
            assertTrue(function.lastAttempt.await(10, TimeUnit.SECONDS));
            Thread.sleep(1500); // as long as a back-off: a fourth attempt would have shown
        }
        assertEquals(3, function.invocations.get());
    }

    @Test
    void closingStopsRetriesAndRefusesNewEvents() throws Exception {
        FailingFunction function = new FailingFunction();
        LocalFunctions functions = new LocalFunctions();
        functions.register("failing", function);
        functions.invokeAsync("failing", Json.object());
        assertTrue(function.firstFailure.await(10, TimeUnit.SECONDS));
        functions.close(); // while the first retry waits for its back-off

        functions.invokeAsync("failing", Json.object());
        Thread.sleep(1000);
        assertEquals(1, function.invocations.get());
    }
}
