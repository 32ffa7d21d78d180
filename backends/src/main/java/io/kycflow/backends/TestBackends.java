package io.kycflow.backends;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One in-memory {@link LocalBackends} per JVM for integration tests of any module: started on first use, stopped
 * when the JVM exits. Tests share it, so they should use their own table, bucket and queue names (or keys) and
 * must not close it. It has no JUnit dependency.
 *
 * <pre>{@code
 * LocalBackends backends = TestBackends.shared();
 * backends.createBucket("upload-test");
 * TestBackends.addS3EventListener(events::add);   // every ObjectCreated event, all buckets and keys
 * }</pre>
 */
public final class TestBackends {

    private static final List<Consumer<String>> S3_EVENT_LISTENERS = new CopyOnWriteArrayList<>();
    private static LocalBackends shared;

    private TestBackends() {
    }

    /** The shared backends, started on the first call. */
    public static synchronized LocalBackends shared() {
        if (shared == null) {
            shared = LocalBackends.start(LocalBackends.Options.inMemory().s3Events("", TestBackends::dispatch));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-backends-shutdown"));
        }
        return shared;
    }

    /** Also gives {@code listener} the S3 event notification JSON of every object created from now on. */
    public static void addS3EventListener(Consumer<String> listener) {
        S3_EVENT_LISTENERS.add(listener);
    }

    /** Stops giving events to {@code listener}. */
    public static void removeS3EventListener(Consumer<String> listener) {
        S3_EVENT_LISTENERS.remove(listener);
    }

    private static void dispatch(String event) {
        S3_EVENT_LISTENERS.forEach(listener -> listener.accept(event));
    }
}
