package io.kycflow.identity.aws;

import io.kycflow.identity.LivenessChecker;
import io.kycflow.identity.LivenessResult;
import io.kycflow.identity.LivenessResult.Outcome;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.GetFaceLivenessSessionResultsResponse;
import software.amazon.awssdk.services.rekognition.model.SessionNotFoundException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link LivenessChecker} on Amazon Rekognition Face Liveness: reads the result of the session the capture page ran
 * (GetFaceLivenessSessionResults). Every state of a session is an outcome, never an exception: no session, a session
 * not finished, expired, failed or unknown.
 *
 * <p>The selfie is not looked at: Face Liveness judged the video the capture page streamed.
 */
public final class RekognitionLivenessChecker implements LivenessChecker {
    /** Face Liveness session ids are UUIDs; anything else is refused by the API, so it is not sent. */
    private static final Pattern SESSION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final RekognitionClient rekognition;

    /** @param rekognition the client, built once per container */
    public RekognitionLivenessChecker(RekognitionClient rekognition) {
        this.rekognition = Objects.requireNonNull(rekognition, "rekognition");
    }

    @Override
    public LivenessResult check(String sessionId, byte[] selfie) {
        if (sessionId == null || sessionId.isBlank()) {
            return LivenessResult.withoutJudgement(Rekognition.ENGINE, null, Outcome.NOT_PERFORMED);
        }
        if (!SESSION_ID.matcher(sessionId).matches()) {
            return LivenessResult.withoutJudgement(Rekognition.ENGINE, sessionId, Outcome.UNKNOWN_SESSION);
        }
        GetFaceLivenessSessionResultsResponse response;
        try {
            response = rekognition.getFaceLivenessSessionResults(request -> request.sessionId(sessionId));
        } catch (SessionNotFoundException e) {
            return LivenessResult.withoutJudgement(Rekognition.ENGINE, sessionId, Outcome.UNKNOWN_SESSION);
        }
        return switch (response.status()) {
            case SUCCEEDED -> response.confidence() == null
                    ? LivenessResult.withoutJudgement(Rekognition.ENGINE, sessionId, Outcome.FAILED)
                    : new LivenessResult(Rekognition.ENGINE, response.confidence(), sessionId);
            case CREATED, IN_PROGRESS ->
                    LivenessResult.withoutJudgement(Rekognition.ENGINE, sessionId, Outcome.NOT_FINISHED);
            case EXPIRED -> LivenessResult.withoutJudgement(Rekognition.ENGINE, sessionId, Outcome.EXPIRED);
            // FAILED, or a status newer than this SDK: either way no judgement to rely on
            case FAILED, UNKNOWN_TO_SDK_VERSION ->
                    LivenessResult.withoutJudgement(Rekognition.ENGINE, sessionId, Outcome.FAILED);
        };
    }
}
