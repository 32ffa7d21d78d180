package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Event options on an instance of its own: a key prefix and a listener that fails for some keys. */
class S3EventsTest {

    private static final EventCollector EVENTS = new EventCollector();
    private static LocalBackends backends;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        long begin = System.nanoTime();
        backends = LocalBackends.start(LocalBackends.Options.inMemory()
                .buckets("kycflow")
                .s3Events("uploads/", event -> {
                    if (event.contains("boom")) {
                        throw new IllegalStateException("listener failure for the test");
                    }
                    EVENTS.accept(event);
                }));
        Clients.printStartup("dedicated, in memory", backends, System.nanoTime() - begin);
        s3 = Clients.s3(backends);
    }

    @AfterAll
    static void stop() {
        s3.close();
        backends.close();
    }

    @Test
    void onlyKeysUnderThePrefixProduceEvents() throws Exception {
        put("exports/t-1/report.pdf");
        put("uploads/t-1/j-1/SELFIE/u-1");

        EVENTS.await("uploads/t-1/j-1/SELFIE/u-1");
        // Delivery is in write order, so an event for the export would have come first.
        assertTrue(EVENTS.keys().stream().allMatch(key -> key.startsWith("uploads/")), EVENTS.keys()::toString);
    }

    @Test
    void failingListenerDoesNotFailTheWriteNorStopLaterEvents() throws Exception {
        put("uploads/t-1/j-2/FRONT/boom");
        put("uploads/t-1/j-2/BACK/u-2");

        EVENTS.await("uploads/t-1/j-2/BACK/u-2");
        assertEquals("x", s3.getObjectAsBytes(r -> r.bucket("kycflow").key("uploads/t-1/j-2/FRONT/boom")).asUtf8String());
    }

    @Test
    void sequencersIncrease() throws Exception {
        put("uploads/t-1/j-3/FRONT/u-1");
        put("uploads/t-1/j-3/FRONT/u-1");

        String first = EVENTS.await("uploads/t-1/j-3/FRONT/u-1").path("s3").path("object").path("sequencer").asText();
        String second = EVENTS.await("uploads/t-1/j-3/FRONT/u-1").path("s3").path("object").path("sequencer").asText();
        assertTrue(first.compareTo(second) < 0, List.of(first, second)::toString);
    }

    private static void put(String key) {
        s3.putObject(r -> r.bucket("kycflow").key(key), RequestBody.fromString("x"));
    }
}
