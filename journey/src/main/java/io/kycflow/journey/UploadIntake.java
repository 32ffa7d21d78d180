package io.kycflow.journey;

import io.kycflow.image.ImageInspection;
import io.kycflow.image.ImageInspector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What an uploaded capture does to its journey. The image is really decoded: one the journey waits for is recorded
 * and resumes the waiting step, a refused one is explained on the journey and removed so that the user can upload
 * again, and one nothing will refer to (no such journey, out of turn, another upload won) is removed. The same
 * upload delivered again changes nothing, except to resume a step whose earlier resume failed.
 */
public final class UploadIntake {

    /** What happened to one upload. */
    public enum Outcome { ACCEPTED, REJECTED, DUPLICATE, IGNORED }

    /**
     * What happened to one upload, and why.
     *
     * @param capture the capture the key names; null when it names none
     * @param reason  a short, stable reason, free of personal data (the rejection code for REJECTED)
     */
    public record Receipt(Outcome outcome, CaptureKey capture, String reason) {
    }

    private final JourneyService journeys;
    private final CaptureStore captures;
    private final ImageInspector inspector;

    public UploadIntake(JourneyService journeys, CaptureStore captures, ImageInspector inspector) {
        this.journeys = journeys;
        this.captures = captures;
        this.inspector = inspector;
    }

    /**
     * Takes in one uploaded object.
     *
     * @param declaredSize the size the store announced with the upload, -1 when unknown; an object over the size
     *                     limit is refused without being read
     */
    public Receipt receive(String key, long declaredSize) {
        Optional<CaptureKey> parsed = CaptureKey.parse(key);
        if (parsed.isEmpty()) {
            // Not a capture: nothing of the journeys' to remove either.
            return new Receipt(Outcome.IGNORED, null, "not a capture key");
        }
        CaptureKey capture = parsed.get();
        CaptureSide side = capture.side();
        Optional<Journey> found = journeys.find(capture.tenantId(), capture.journeyId());
        if (found.isEmpty()) {
            captures.delete(key);
            return new Receipt(Outcome.IGNORED, capture, "no such journey");
        }
        Journey journey = found.get();
        if (key.equals(journey.image(side))) {
            if (journey.waitingStep() == side.step()) {
                // Recorded before, but resuming the execution failed and the token was put back: resume it now.
                journeys.userInput(capture.tenantId(), capture.journeyId(), side.step(), (j, now) -> { });
                return new Receipt(Outcome.DUPLICATE, capture, "resumed the waiting step");
            }
            return new Receipt(Outcome.DUPLICATE, capture, "already recorded");
        }
        if (JourneyRules.nextUserStep(journey) != side.step()) {
            // Late or out of turn: nothing refers to it, so it is not kept.
            captures.delete(key);
            return new Receipt(Outcome.IGNORED, capture, "not expected");
        }
        Optional<ImageInspection> inspected = inspect(key, declaredSize);
        if (inspected.isEmpty()) {
            return new Receipt(Outcome.DUPLICATE, capture, "object gone"); // an old event delivered again
        }
        if (inspected.get() instanceof ImageInspection.Rejected rejected) {
            journeys.update(capture.tenantId(), capture.journeyId(), (j, now) -> {
                if (JourneyRules.nextUserStep(j) == side.step()) {
                    JourneyRules.rejectImage(j, side, rejected.message(), now);
                }
                return null;
            });
            captures.delete(key);
            return new Receipt(Outcome.REJECTED, capture, rejected.code().name());
        }
        try {
            journeys.userInput(capture.tenantId(), capture.journeyId(), side.step(), (j, now) -> {
                if (!key.equals(j.image(side))) {
                    JourneyRules.acceptImage(j, side, key, now);
                }
            });
        } catch (JourneyConflictException lostRace) {
            captures.delete(key);
            return new Receipt(Outcome.IGNORED, capture, "another upload was accepted first");
        }
        return new Receipt(Outcome.ACCEPTED, capture, "accepted");
    }

    /** Decodes the object; empty when it no longer exists. */
    private Optional<ImageInspection> inspect(String key, long declaredSize) {
        try {
            if (declaredSize > inspector.limits().maxBytes()) {
                return Optional.of(inspector.inspect(InputStream.nullInputStream(), declaredSize));
            }
            Optional<CaptureStore.Capture> opened = captures.open(key);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            try (CaptureStore.Capture object = opened.get()) {
                return Optional.of(inspector.inspect(object.body(), object.size()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
