package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Task tokens of {@code .waitForTaskToken} tasks and the SendTask* calls that complete them. Answers for tokens
 * that are no longer open follow Step Functions: TaskTimedOut when the task timed out or its execution ended,
 * TaskDoesNotExist when it was already completed, InvalidToken when the token was never issued here.
 */
final class TaskTokens {
    /** How many closed tokens are remembered to tell "already used" and "timed out" from "unknown". */
    private static final int CLOSED_REMEMBERED = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> open = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closedByTimeout = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CLOSED_REMEMBERED;
        }
    };

    /** Marks the outcome of a task that ended without a SendTask* call (timeout, stop, shutdown). */
    static final class Closed extends RuntimeException {
        Closed() {
            super("closed", null, false, false);
        }
    }

    /**
     * One waiting task. {@code outcome} completes with the SendTaskSuccess output, exceptionally with a
     * {@link StatesError} for SendTaskFailure, or with {@link Closed} when the waiter gave up first.
     */
    static final class Pending {
        private final String token;
        private final CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
        private volatile Instant lastHeartbeat = Instant.now();

        private Pending(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }

        CompletableFuture<JsonNode> outcome() {
            return outcome;
        }

        Instant lastHeartbeat() {
            return lastHeartbeat;
        }

        /** Gives up waiting; false when a SendTask* call won the race, so its outcome stands. */
        boolean close() {
            return outcome.completeExceptionally(new Closed());
        }
    }

    Pending open() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Pending pending = new Pending(token);
        open.put(token, pending);
        return pending;
    }

    /** Forgets an open token once its task has finished, remembering how it ended. */
    void retire(Pending pending) {
        pending.close();
        open.remove(pending.token);
        boolean timedOut;
        try {
            pending.outcome.join();
            timedOut = false;
        } catch (CompletionException e) {
            timedOut = e.getCause() instanceof Closed;
        }
        synchronized (closedByTimeout) {
            closedByTimeout.put(pending.token, timedOut);
        }
    }

    void succeed(String token, JsonNode output) {
        complete(token, pending -> pending.outcome.complete(output));
    }

    void fail(String token, String error, String cause) {
        complete(token, pending -> pending.outcome.completeExceptionally(new StatesError(error, cause)));
    }

    void heartbeat(String token) {
        complete(token, pending -> {
            pending.lastHeartbeat = Instant.now();
            return !pending.outcome.isDone();
        });
    }

    private void complete(String token, Predicate<Pending> action) {
        Pending pending = token == null ? null : open.get(token);
        if (pending != null && action.test(pending)) {
            return;
        }
        throw notOpen(token, pending);
    }

    private SfnException notOpen(String token, Pending racedWith) {
        Boolean timedOut;
        if (racedWith != null) {
            timedOut = racedWith.outcome.isCompletedExceptionally()
                    && racedWith.outcome.exceptionNow() instanceof Closed;
        } else {
            synchronized (closedByTimeout) {
                timedOut = closedByTimeout.get(token);
            }
        }
        if (timedOut == null) {
            return new SfnException("InvalidToken", "Invalid Token: 'Provided task token is invalid.'");
        }
        return timedOut
                ? new SfnException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'")
                : new SfnException("TaskDoesNotExist", "Task does not exist anymore");
    }
}
