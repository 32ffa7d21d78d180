package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Listener that keeps the S3 events it receives, for tests to wait on. */
final class EventCollector implements Consumer<String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> pending = new LinkedBlockingQueue<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public void accept(String event) {
        try {
            JsonNode records = JSON.readTree(event).path("Records");
            assertEquals(1, records.size(), event);
            keys.add(records.get(0).path("s3").path("object").path("key").asText());
            pending.add(records.get(0));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event record for {@code eventKey} (URL-encoded as in the event), skipping others; 10 s at most. */
    JsonNode await(String eventKey) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            JsonNode record = pending.poll(left, TimeUnit.NANOSECONDS);
            if (record != null && record.path("s3").path("object").path("key").asText().equals(eventKey)) {
                return record;
            }
        }
        return fail("No S3 event for " + eventKey + "; got events for " + keys);
    }

    /** Object keys of all events received so far, in delivery order. */
    List<String> keys() {
        return List.copyOf(keys);
    }
}
