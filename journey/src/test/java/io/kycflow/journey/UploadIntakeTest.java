package io.kycflow.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.core.ConcurrentUpdateException;
import io.kycflow.image.ImageInspector;
import io.kycflow.image.SampleDocuments;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload intake on in-memory journeys and captures: what each upload does to its journey, without AWS. */
class UploadIntakeTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String TENANT = "acme";
    private static final String JOURNEY = "j_1";
    private static final String FRONT = "uploads/acme/j_1/FRONT/u1";
    private static final byte[] PASSPORT = SampleDocuments.jpeg(SampleDocuments.passport());

    private final MemoryJourneys repository = new MemoryJourneys();
    private final MemoryCaptures captures = new MemoryCaptures();
    private final List<String> resumed = new ArrayList<>();
    private final List<ObjectNode> outputs = new ArrayList<>();
    /** Resumes that fail from the next on, as Step Functions out of reach would. */
    private int failingResumes;
    private final JourneyService journeys = new JourneyService(repository, (token, output) -> {
        resumed.add(token);
        outputs.add(output);
        if (failingResumes > 0) {
            failingResumes--;
            throw new IllegalStateException("Step Functions unreachable");
        }
    }, Clock.fixed(Instant.ofEpochMilli(T0 + 1_000), ZoneOffset.UTC));
    private final UploadIntake intake = new UploadIntake(journeys, captures, new ImageInspector());

    /** A passport journey whose execution waits for the front with task token t-front. */
    private void journeyAwaitingFront() {
        Journey journey = Journey.create(TENANT, JOURNEY, T0, 600);
        JourneyRules.acceptConsent(journey, true, T0);
        JourneyRules.selectDocument(journey, "ESP", IdType.PASSPORT, T0);
        assertNull(JourneyRules.await(journey, JourneyStep.DOC_FRONT, "t-front", T0));
        repository.create(journey, "token-hash");
    }

    private Journey stored() {
        return repository.find(TENANT, JOURNEY).orElseThrow();
    }

    @Test
    void anImageTheJourneyWaitsForIsRecordedAndResumesTheStepOnce() {
        journeyAwaitingFront();
        captures.put(FRONT, PASSPORT);

        UploadIntake.Receipt receipt = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.ACCEPTED, receipt.outcome());
        assertEquals(new CaptureKey(TENANT, JOURNEY, CaptureSide.FRONT, "u1"), receipt.capture());
        assertEquals(FRONT, stored().image(CaptureSide.FRONT));
        assertNull(stored().waitingStep());
        assertEquals(List.of("t-front"), resumed);
        assertEquals("{\"secondsLeft\":599,\"consent\":true,\"idType\":\"PASSPORT\"}", outputs.get(0).toString());
        assertTrue(captures.objects.containsKey(FRONT), "the accepted image is kept");
    }

    @Test
    void theSameUploadDeliveredAgainChangesNothing() {
        journeyAwaitingFront();
        captures.put(FRONT, PASSPORT);
        intake.receive(FRONT, PASSPORT.length);
        long version = stored().version();

        UploadIntake.Receipt again = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.DUPLICATE, again.outcome());
        assertEquals("already recorded", again.reason());
        assertEquals(version, stored().version(), "nothing written");
        assertEquals(List.of("t-front"), resumed, "resumed once");
        assertEquals(1, captures.opened.size(), "not even read again");
    }

    @Test
    void whenResumingFailsTheImageStaysAndTheRetriedEventResumesTheStep() {
        journeyAwaitingFront();
        captures.put(FRONT, PASSPORT);
        failingResumes = 1;

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> intake.receive(FRONT, PASSPORT.length));
        assertEquals("Step Functions unreachable", failure.getMessage());
        assertEquals(FRONT, stored().image(CaptureSide.FRONT));
        assertEquals(JourneyStep.DOC_FRONT, stored().waitingStep(), "the token is back on the journey");
        assertEquals("t-front", stored().waitingToken());

        UploadIntake.Receipt retried = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.DUPLICATE, retried.outcome());
        assertEquals("resumed the waiting step", retried.reason());
        assertEquals(List.of("t-front", "t-front"), resumed);
        assertNull(stored().waitingStep());
        assertEquals("already recorded", intake.receive(FRONT, PASSPORT.length).reason());
        assertEquals(2, resumed.size());
    }

    @Test
    void aFileThatIsNoImageIsExplainedOnTheJourneyAndRemoved() {
        journeyAwaitingFront();
        byte[] text = SampleDocuments.notAnImage();
        captures.put(FRONT, text);

        UploadIntake.Receipt receipt = intake.receive(FRONT, text.length);
        assertEquals(UploadIntake.Outcome.REJECTED, receipt.outcome());
        assertEquals("UNSUPPORTED_TYPE", receipt.reason());
        Journey journey = stored();
        assertTrue(journey.message().startsWith("The front of the document was rejected: The file is not a JPEG or PNG image."),
                journey.message());
        assertNull(journey.image(CaptureSide.FRONT));
        assertEquals(JourneyStep.DOC_FRONT, journey.waitingStep(), "the step still waits for a new upload");
        assertEquals(List.of(FRONT), captures.deleted);
        assertTrue(resumed.isEmpty());
    }

    @Test
    void anObjectAnnouncedOverTheLimitIsRefusedUnread() {
        journeyAwaitingFront();
        captures.put(FRONT, PASSPORT);

        UploadIntake.Receipt receipt = intake.receive(FRONT, 16L * 1024 * 1024);
        assertEquals(UploadIntake.Outcome.REJECTED, receipt.outcome());
        assertEquals("TOO_LARGE", receipt.reason());
        assertTrue(captures.opened.isEmpty());
        assertEquals(List.of(FRONT), captures.deleted);
        assertTrue(stored().message().contains("The image is 16 MB; the limit is 15 MB."), stored().message());
    }

    @Test
    void anObjectThatIsGoneLeavesTheJourneyAsItWas() {
        journeyAwaitingFront();
        long version = stored().version();

        UploadIntake.Receipt receipt = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.DUPLICATE, receipt.outcome());
        assertEquals("object gone", receipt.reason());
        assertEquals(version, stored().version());
        assertTrue(resumed.isEmpty());
    }

    @Test
    void uploadsNothingWillReferToAreRemoved() {
        captures.put(FRONT, PASSPORT);
        UploadIntake.Receipt noJourney = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.IGNORED, noJourney.outcome());
        assertEquals("no such journey", noJourney.reason());
        assertEquals(List.of(FRONT), captures.deleted);

        repository.create(Journey.create(TENANT, JOURNEY, T0, 600), "token-hash"); // still waits for consent
        captures.put(FRONT, PASSPORT);
        UploadIntake.Receipt early = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.IGNORED, early.outcome());
        assertEquals("not expected", early.reason());
        assertEquals(List.of(FRONT, FRONT), captures.deleted);
        assertNull(stored().image(CaptureSide.FRONT));
        assertTrue(captures.opened.isEmpty());
    }

    @Test
    void keysThatNameNoCaptureAreLeftAlone() {
        for (String key : List.of("lists/incoming/ofac/sdn.csv", "uploads/acme/j_1/PASSPORT/u1", "uploads/acme/FRONT/u1",
                "uploads/acme/j_1/FRONT/u1/extra")) {
            UploadIntake.Receipt receipt = intake.receive(key, 10);
            assertEquals(UploadIntake.Outcome.IGNORED, receipt.outcome(), key);
            assertNull(receipt.capture(), key);
        }
        assertTrue(captures.deleted.isEmpty());
    }

    @Test
    void theLoserOfTwoConcurrentUploadsIsRemoved() {
        journeyAwaitingFront();
        String other = "uploads/acme/j_1/FRONT/u2";
        captures.put(FRONT, PASSPORT);
        captures.put(other, PASSPORT);
        // the other upload is accepted while this one is being decoded
        captures.whileOpening = () -> {
            captures.whileOpening = null;
            assertEquals(UploadIntake.Outcome.ACCEPTED, intake.receive(other, PASSPORT.length).outcome());
        };

        UploadIntake.Receipt receipt = intake.receive(FRONT, PASSPORT.length);
        assertEquals(UploadIntake.Outcome.IGNORED, receipt.outcome());
        assertEquals("another upload was accepted first", receipt.reason());
        assertEquals(other, stored().image(CaptureSide.FRONT));
        assertEquals(List.of(FRONT), captures.deleted);
        assertEquals(List.of("t-front"), resumed);
    }

    /** Journeys in a map, with the optimistic locking of the real store. */
    static final class MemoryJourneys implements JourneyRepository {
        private final Map<String, Journey> stored = new HashMap<>();

        @Override
        public Optional<Journey> find(String tenantId, String journeyId) {
            return Optional.ofNullable(stored.get(tenantId + "/" + journeyId))
                    .map(journey -> Journey.fromStorage(journey.toStorage(), journey.version()));
        }

        @Override
        public void create(Journey journey, String journeyTokenHash) {
            journey.setVersion(1);
            stored.put(journey.tenantId() + "/" + journey.journeyId(), Journey.fromStorage(journey.toStorage(), 1));
        }

        @Override
        public void save(Journey journey) {
            String id = journey.tenantId() + "/" + journey.journeyId();
            if (stored.get(id).version() != journey.version()) {
                throw new ConcurrentUpdateException("journey changed");
            }
            journey.setVersion(journey.version() + 1);
            stored.put(id, Journey.fromStorage(journey.toStorage(), journey.version()));
        }
    }

    /** Captures in a map; records what is opened and deleted. */
    static final class MemoryCaptures implements CaptureStore {
        final Map<String, byte[]> objects = new HashMap<>();
        final List<String> opened = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
        /** Runs once an object is opened, as a concurrent upload would. */
        Runnable whileOpening;

        void put(String key, byte[] bytes) {
            objects.put(key, bytes);
        }

        @Override
        public Optional<Capture> open(String key) {
            byte[] bytes = objects.get(key);
            if (bytes == null) {
                return Optional.empty();
            }
            opened.add(key);
            if (whileOpening != null) {
                whileOpening.run();
            }
            return Optional.of(new Capture(new ByteArrayInputStream(bytes), bytes.length));
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
            deleted.add(key);
        }
    }
}
