package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The local stand-in for the Lambda service: each function's real handler, invoked with the event's JSON bytes as
 * the Lambda runtime would. Function errors come back as {@link FunctionError} with the runtime's error type (the
 * exception's class name), which is what Step Functions' Retry and Catch match on.
 */
public final class LocalFunctions implements AutoCloseable {
    /** How often an asynchronous invocation is retried after a failure, as Lambda does for S3 events. */
    private static final int ASYNC_RETRIES = 2;

    private final Map<String, JsonHandler> handlers = new LinkedHashMap<>();
    private final ExecutorService async = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "lambda-async");
        thread.setDaemon(true);
        return thread;
    });

    /** A function invocation that ended in an error. */
    public static final class FunctionError extends Exception {
        private final String errorType;
        private final String origin;

        public FunctionError(String errorType, String errorMessage) {
            this(errorType, errorMessage, "");
        }

        FunctionError(String errorType, String errorMessage, String origin) {
            super(errorMessage, null, false, false);
            this.errorType = errorType;
            this.origin = origin;
        }

        public String errorType() {
            return errorType;
        }

        /** Where the function failed: the innermost cause's type and first frames, for the developer's log. */
        String origin() {
            return origin;
        }
    }

    public void register(String functionName, JsonHandler handler) {
        handlers.put(functionName, handler);
    }

    /** The function name from a name, a function ARN or an alias ARN. */
    static String functionName(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        String[] parts = nameOrArn.split(":");
        return parts.length >= 7 ? parts[6] : nameOrArn;
    }

    /** Invokes a function synchronously (RequestResponse). */
    public JsonNode invoke(String nameOrArn, JsonNode event) throws FunctionError {
        JsonHandler handler = handlers.get(functionName(nameOrArn));
        if (handler == null) {
            throw new FunctionError("ResourceNotFoundException", "Function not found: " + nameOrArn);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.bytes(event)), out, null);
        } catch (IOException | RuntimeException e) {
            throw new FunctionError(e.getClass().getName(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    origin(e));
        }
        return Json.parse(new ByteArrayInputStream(out.toByteArray()));
    }

    /**
     * Invokes a function asynchronously (Event), retrying failures like Lambda's async invocation. Once the runtime is
     * closing, new events are refused and failures are not retried: a retry would only fail against stopped backends.
     */
    public void invokeAsync(String nameOrArn, JsonNode event) {
        try {
            async.execute(() -> {
                for (int attempt = 0; ; attempt++) {
                    try {
                        invoke(nameOrArn, event);
                        return;
                    } catch (FunctionError e) {
                        Log.warn("async invocation failed", "function", functionName(nameOrArn), "errorType", e.errorType(),
                                "origin", e.origin(), "attempt", Integer.toString(attempt + 1));
                        if (!mayRetry(attempt)) {
                            return;
                        }
                    }
                }
            });
        } catch (RejectedExecutionException closing) {
            // the runtime is stopping; Lambda would not take the event either
        }
    }

    /** The innermost cause's type and first frames; not its message, which may carry a customer's data. */
    private static String origin(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // and the project's own frame the failure came through (which SDK call of which step)
        String caller = Arrays.stream(failure.getStackTrace()).map(StackTraceElement::toString)
                .filter(frame -> frame.startsWith("io.kycflow.") && !frame.startsWith("io.kycflow.local."))
                .findFirst().orElse("?");
        return root.getClass().getName() + " at " + Arrays.stream(root.getStackTrace()).limit(5)
                .map(StackTraceElement::toString).collect(Collectors.joining(" < ")) + "; in " + caller;
    }

    /** Waits before the next attempt after failed attempt {@code attempt} (from 0); false when there is none. */
    private boolean mayRetry(int attempt) {
        if (attempt == ASYNC_RETRIES || async.isShutdown()) {
            return false;
        }
        try {
            Thread.sleep(500L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !async.isShutdown();
    }

    /**
     * Stops taking invocations and retrying failed ones; those already queued get up to 5 s to run before the rest are
     * interrupted (the backends stop next).
     */
    @Override
    public void close() throws InterruptedException {
        async.shutdown();
        if (!async.awaitTermination(5, TimeUnit.SECONDS)) {
            async.shutdownNow();
            async.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
