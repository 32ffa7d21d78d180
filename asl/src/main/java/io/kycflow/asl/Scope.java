package io.kycflow.asl;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The lifetime of an execution, a Parallel branch set or a Map run. Every wait in the interpreter goes through a
 * scope so that cancelling it (stop, execution timeout, shutdown, a failed sibling branch) wakes the waiting
 * thread at once with {@link Cancelled}. Children are cancelled with their parent.
 */
final class Scope {
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    Scope child() {
        Scope child = new Scope();
        onCancel(child::cancel);
        return child;
    }

    /** Runs {@code action} when the scope is cancelled, in the cancelling thread (at once if it already is). */
    void onCancel(Runnable action) {
        cancelled.thenRun(action);
    }

    void cancel() {
        cancelled.complete(null);
    }

    boolean isCancelled() {
        return cancelled.isDone();
    }

    /** Throws {@link Cancelled} when the scope has ended; called between steps. */
    void checkActive() {
        if (isCancelled()) {
            throw new Cancelled();
        }
    }

    /**
     * Waits for {@code future} until {@code deadline} (null: no deadline). Rethrows a {@link StatesError} or
     * {@link Cancelled} the future failed with; other failures come back wrapped in a CompletionException.
     *
     * @throws TimeoutException when the deadline passes first
     */
    <T> T await(CompletableFuture<T> future, Instant deadline) throws TimeoutException {
        CompletableFuture<Object> first = CompletableFuture.anyOf(future, cancelled);
        try {
            if (deadline == null) {
                first.get();
            } else {
                long nanos = Duration.between(Instant.now(), deadline).toNanos();
                first.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        } catch (ExecutionException e) {
            // The future failed; join() below rethrows the cause the way callers expect.
        }
        // A cancelled scope wins even over a result that arrived at the same time: nobody is waiting for it.
        checkActive();
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StatesError error) {
                throw error;
            }
            if (e.getCause() instanceof Cancelled c) {
                throw c;
            }
            throw e;
        }
    }

    /** Sleeps until {@code deadline} unless the scope ends first. */
    void sleepUntil(Instant deadline) {
        try {
            await(new CompletableFuture<>(), deadline);
        } catch (TimeoutException e) {
            // The normal way out: the time is up.
        }
    }
}
