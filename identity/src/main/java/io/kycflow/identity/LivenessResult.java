package io.kycflow.identity;

import java.util.Objects;

/**
 * Whether the selfie came from a live person in front of the camera.
 *
 * @param engine     the engine that judged it
 * @param confidence that the person is live, 0-100 (Face Liveness Confidence; the local model's live-class
 *                   probability x 100); 0 unless {@code outcome} is {@link Outcome#JUDGED}
 * @param sessionId  the cloud Face Liveness session, or null for the local engine's passive check
 * @param outcome    whether there is a judgement at all; the identity rules read {@code confidence} only when it is
 *                   {@link Outcome#JUDGED}
 */
public record LivenessResult(Engine engine, double confidence, String sessionId, Outcome outcome) {

    /** Whether the engine judged the capture, and if not, why not. */
    public enum Outcome {
        /** The engine judged the capture: {@code confidence} says how live it looked. */
        JUDGED,
        /** No liveness check was made: the capture page opened no Face Liveness session. */
        NOT_PERFORMED,
        /** The session exists but the person has not finished the capture (created or in progress). */
        NOT_FINISHED,
        /** The session ran out before a result (Face Liveness sessions last 3 minutes). */
        EXPIRED,
        /** The engine could not judge the capture (the video was unusable: no face, too dark, interrupted). */
        FAILED,
        /** The engine does not know the session (a wrong id, or results no longer kept). */
        UNKNOWN_SESSION
    }

    public LivenessResult {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A judgement: the engine looked at the capture and gives its confidence. */
    public LivenessResult(Engine engine, double confidence, String sessionId) {
        this(engine, confidence, sessionId, Outcome.JUDGED);
    }

    /** No judgement, for the reason {@code outcome} gives. */
    public static LivenessResult withoutJudgement(Engine engine, String sessionId, Outcome outcome) {
        if (outcome == Outcome.JUDGED) {
            throw new IllegalArgumentException("a judgement has a confidence");
        }
        return new LivenessResult(engine, 0, sessionId, outcome);
    }
}
