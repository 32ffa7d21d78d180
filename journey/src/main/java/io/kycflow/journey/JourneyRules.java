package io.kycflow.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The journey's rules: which user input comes next, what each input or check result does to the journey, and
 * the decision. Pure functions over {@link Journey}; the state machine decides the order of the automated steps,
 * these rules keep every recorded transition consistent with it.
 */
public final class JourneyRules {
    /**
     * The error the AML step fails with when no sanctions list is loaded (the screening module's
     * {@code KycService.ListsUnavailableException}, as Lambda names it; the journey module does not depend on
     * screening, and the aml-screening function's tests hold the two equal).
     */
    public static final String LISTS_UNAVAILABLE_ERROR = "io.kycflow.kyc.KycService$ListsUnavailableException";

    /** The node id of the journey's single document verification in decision objects. */
    public static final String ID_VERIFICATION_NODE = "id_verification";
    /** The node id of the journey's AML screening in decision objects. */
    public static final String AML_SCREENING_NODE = "aml_screening";

    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private static final Map<JourneyStep, String> WAITING_MESSAGES = Map.of(
            JourneyStep.CONSENT, "Waiting for the user's consent.",
            JourneyStep.DOC_SELECTION, "Waiting for the user to choose a document.",
            JourneyStep.DOC_FRONT, "Waiting for the front of the document.",
            JourneyStep.DOC_BACK, "Waiting for the back of the document.",
            JourneyStep.FACE_CAPTURE, "Waiting for the selfie.");

    private JourneyRules() {
    }

    /** True once the journey has its final decision. */
    public static boolean isFinished(Journey journey) {
        return journey.decisionStatus().isFinal();
    }

    /** The user input the journey needs next, or null when it needs none (finished, or only checks remain). */
    public static JourneyStep nextUserStep(Journey journey) {
        if (isFinished(journey)) {
            return null;
        }
        if (journey.consent() == null) {
            return JourneyStep.CONSENT;
        }
        if (journey.idType() == null) {
            return JourneyStep.DOC_SELECTION;
        }
        if (journey.image(CaptureSide.FRONT) == null) {
            return JourneyStep.DOC_FRONT;
        }
        if (journey.idType().hasBackSide() && journey.image(CaptureSide.BACK) == null) {
            return JourneyStep.DOC_BACK;
        }
        if (journey.image(CaptureSide.SELFIE) == null) {
            return JourneyStep.FACE_CAPTURE;
        }
        return null;
    }

    /** True when the user has already given the input of this step. */
    public static boolean hasInput(Journey journey, JourneyStep step) {
        return switch (step) {
            case CONSENT -> journey.consent() != null;
            case DOC_SELECTION -> journey.idType() != null;
            case DOC_FRONT -> journey.image(CaptureSide.FRONT) != null;
            case DOC_BACK -> journey.image(CaptureSide.BACK) != null;
            case FACE_CAPTURE -> journey.image(CaptureSide.SELFIE) != null;
            default -> throw new IllegalArgumentException(step + " takes no user input");
        };
    }

    /** Fails unless the journey's next user input is this step. */
    public static void requireNext(Journey journey, JourneyStep step) {
        if (isFinished(journey)) {
            throw new JourneyConflictException("The journey has already ended (" + journey.decisionStatus().label() + ").");
        }
        JourneyStep next = nextUserStep(journey);
        if (next != step) {
            throw new JourneyConflictException(next == null
                    ? "The journey is not waiting for user input."
                    : "The journey is waiting for " + next + ", not " + step + ".");
        }
    }

    public static void acceptConsent(Journey journey, boolean consent, long now) {
        requireNext(journey, JourneyStep.CONSENT);
        journey.set("consent", consent);
        journey.set("startedAt", now);
        if (consent) {
            journey.setCurrentStatus(CurrentStatus.IN_PROGRESS);
            journey.setDecisionStatus(DecisionStatus.IN_PROGRESS);
            journey.set("message", "Consent given.");
        } else {
            journey.set("message", "The user declined consent.");
        }
        journey.touch(now);
    }

    public static void selectDocument(Journey journey, String country, IdType idType, long now) {
        requireNext(journey, JourneyStep.DOC_SELECTION);
        journey.set("country", country);
        journey.set("idType", idType.name());
        journey.set("message", idType.label() + " selected.");
        journey.touch(now);
    }

    /** Records an accepted image. */
    public static void acceptImage(Journey journey, CaptureSide side, String key, long now) {
        requireNext(journey, side.step());
        journey.setImage(side, key);
        journey.set("message", "The " + describe(side) + " was received.");
        journey.touch(now);
    }

    /** Records why an uploaded image was refused; the journey stays on its step and takes a new upload. */
    public static void rejectImage(Journey journey, CaptureSide side, String reason, long now) {
        journey.set("message", "The " + describe(side) + " was rejected: " + reason + " Please upload it again.");
        journey.touch(now);
    }

    /**
     * The state machine waits on a user step. Returns the task token to resume with at once when the user already
     * gave this step's input (it can arrive before the wait begins); otherwise stores the token for whoever
     * records the input, and returns null. An ended journey fails the wait, so that the execution does not wait for
     * input that can never come.
     */
    public static String await(Journey journey, JourneyStep step, String taskToken, long now) {
        if (!step.isUserStep()) {
            throw new IllegalArgumentException(step + " is not a user step");
        }
        if (isFinished(journey)) {
            throw new IllegalStateException("journey already ended");
        }
        journey.setStep(step);
        journey.touch(now);
        if (hasInput(journey, step)) {
            journey.setWaiting(null, null);
            return taskToken;
        }
        journey.setWaiting(step, taskToken);
        journey.set("message", WAITING_MESSAGES.get(step));
        return null;
    }

    /**
     * Takes the stored task token if the state machine is waiting on this step and its input is now present, so
     * exactly one writer resumes the execution.
     */
    public static String takeResumeToken(Journey journey, JourneyStep step) {
        if (journey.waitingStep() == step && hasInput(journey, step)) {
            String token = journey.waitingToken();
            journey.setWaiting(null, null);
            return token;
        }
        return null;
    }

    /**
     * Puts back a token {@link #takeResumeToken} took when resuming with it failed: the execution still waits on the
     * step, and the input delivered again resumes it. Nothing changes once the journey has moved on or ended.
     */
    public static void returnResumeToken(Journey journey, JourneyStep step, String taskToken) {
        if (journey.waitingStep() == null && journey.step() == step && !isFinished(journey)) {
            journey.setWaiting(step, taskToken);
        }
    }

    /** The output a waiting task resumes with: what the state machine's choices and timeouts read. */
    public static ObjectNode resumeOutput(Journey journey, long now) {
        ObjectNode output = Json.object().put("secondsLeft", secondsLeft(journey, now));
        Boolean consent = journey.consent();
        if (consent != null) {
            output.put("consent", consent);
        }
        IdType idType = journey.idType();
        if (idType != null) {
            output.put("idType", idType.name());
        }
        return output;
    }

    /** Whole seconds until the link expires, at least 1 (a Task timeout must be positive). */
    public static long secondsLeft(Journey journey, long now) {
        return Math.max(1, (journey.expiresAt() - now + 999) / 1000);
    }

    public static void startDocumentCheck(Journey journey, long now) {
        journey.setStep(JourneyStep.DOC_CHECK);
        journey.set("message", "Checking the document.");
        journey.touch(now);
    }

    /**
     * Records the document check: the document intelligence block and the ID verification report of the decision.
     *
     * @param passed   false when the check failed hard (the document cannot be verified)
     * @param warnings warning objects (seed 002 shape)
     */
    public static void recordDocumentCheck(Journey journey, ObjectNode documentIntelligence, boolean passed,
                                           ArrayNode warnings, long now) {
        journey.set("documentIntelligence", documentIntelligence);
        IdType idType = journey.idType();
        ObjectNode verification = Json.object()
                .put("status", (passed ? DecisionStatus.APPROVED : DecisionStatus.DECLINED).label())
                .put("document_type", idType == null ? null : idType.label())
                .put("issuing_state", journey.country())
                .put("node_id", ID_VERIFICATION_NODE);
        JsonNode quality = documentIntelligence.path("imageQuality");
        verification.set("front_image_quality_score", quality.path("frontIdCheck").path("scores"));
        verification.set("back_image_quality_score", quality.path("backIdCheck").isMissingNode()
                ? null : quality.path("backIdCheck").path("scores"));
        verification.set("warnings", warnings);
        journey.set("idVerification", verification);
        journey.set("message", passed ? "The document check passed." : "The document check failed.");
        journey.touch(now);
    }

    /**
     * The applicant as the journey knows them, for the AML step to screen.
     *
     * @param dateOfBirth    YYYY-MM-DD, or null
     * @param nationality    an ISO 3166 code, or null
     * @param documentNumber the identity document's number, or null
     */
    public record Applicant(String name, String dateOfBirth, String nationality, String documentNumber) {
    }

    /**
     * Who the AML step screens: the fields read from the document where there are any, else what the business gave
     * in userInfo; a passport's issuing state stands in for an unknown nationality. Null when no name is known.
     */
    public static Applicant applicant(Journey journey) {
        JsonNode intelligence = journey.documentIntelligence();
        JsonNode extracted = intelligence == null ? null : intelligence.get("extractedFields");
        JsonNode info = journey.state().get("userInfo");
        String name = firstKnown(fullName(extracted, "names"), fullName(info, "fullName"));
        if (name == null) {
            return null;
        }
        String nationality = firstKnown(Json.text(extracted, "nationality"), Json.text(info, "nationality"));
        if (nationality == null && journey.idType() == IdType.PASSPORT) {
            nationality = journey.country();
        }
        return new Applicant(name, firstKnown(date(Json.text(extracted, "DOB")), date(Json.text(info, "dateOfBirth"))),
                nationality, firstKnown(Json.text(extracted, "number"), Json.text(info, "idNumber")));
    }

    private static String fullName(JsonNode fields, String fullNameField) {
        String full = Json.text(fields, fullNameField);
        if (full != null && !full.isBlank()) {
            return full.strip();
        }
        String joined = ((blankIfNull(Json.text(fields, "firstName")) + " " + blankIfNull(Json.text(fields, "lastName")))).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static String date(String value) {
        return value != null && PARTIAL_DATE.matcher(value).matches() ? value : null;
    }

    private static String firstKnown(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** Records the AML step's report (seed 002 shape); a report In Review makes the journey's decision In Review. */
    public static void recordAmlScreening(Journey journey, ObjectNode report, long now) {
        journey.set("amlScreening", report);
        journey.set("message", "In Review".equals(report.path("status").asText())
                ? "The AML screening needs review." : "The AML screening found no match.");
        journey.touch(now);
    }

    /**
     * Computes the decision once every step is done, and completes the journey: Declined when the document failed
     * hard, In Review when the AML screening needs a reviewer, else Approved. An ended journey stays as it is.
     */
    public static void complete(Journey journey, long now) {
        if (isFinished(journey)) {
            return; // a retried completion: the first decision stands
        }
        JsonNode verification = journey.state().get("idVerification");
        if (verification == null) {
            throw new IllegalStateException("the document check has not been recorded");
        }
        JsonNode aml = journey.state().path("amlScreening");
        if (DecisionStatus.DECLINED.label().equals(verification.path("status").asText())) {
            finish(journey, DecisionStatus.DECLINED, "Journey completed: the document could not be verified.", now);
        } else if (DecisionStatus.IN_REVIEW.label().equals(aml.path("status").asText())) {
            finish(journey, DecisionStatus.IN_REVIEW, "Journey completed: the AML screening needs review.", now);
        } else {
            finish(journey, DecisionStatus.APPROVED, "Journey completed.", now);
        }
    }

    /** Ends the journey declined for want of consent; an ended journey stays as it is. */
    public static void declineConsent(Journey journey, long now) {
        if (isFinished(journey)) {
            return;
        }
        finish(journey, DecisionStatus.DECLINED, "The user declined consent; the journey ended.", now);
        journey.set("declineReason", "consent");
    }

    public static void expire(Journey journey, long now) {
        if (!isFinished(journey)) {
            end(journey, DecisionStatus.EXPIRED, "The journey link expired before the journey was completed.", now);
        }
    }

    /**
     * Records a step that failed after its retries; the journey ends in manual review with the reason.
     *
     * @param error the step's error name (the function's exception class, as Lambda reports it)
     */
    public static void fail(Journey journey, String error, long now) {
        if (!isFinished(journey)) {
            end(journey, DecisionStatus.IN_REVIEW, LISTS_UNAVAILABLE_ERROR.equals(error)
                    ? "The applicant was not screened because no sanctions list is loaded (lists_unavailable); the journey "
                    + "needs manual review, or a new journey once a list is published."
                    : "The journey stopped at " + journey.step() + " because a check failed ("
                    + (error == null ? "unknown error" : error) + "); it needs manual review.", now);
        }
    }

    private static void finish(Journey journey, DecisionStatus status, String message, long now) {
        journey.setStep(JourneyStep.COMPLETE);
        journey.set("completedAt", now);
        end(journey, status, message, now);
    }

    /** Ends the journey where it stands: no more input is taken and GET reports the final status. */
    private static void end(Journey journey, DecisionStatus status, String message, long now) {
        journey.setCurrentStatus(CurrentStatus.COMPLETED);
        journey.setDecisionStatus(status);
        journey.setWaiting(null, null);
        journey.set("message", message);
        journey.set("endedAt", now);
        journey.touch(now);
    }

    private static String describe(CaptureSide side) {
        return switch (side) {
            case FRONT -> "front of the document";
            case BACK -> "back of the document";
            case SELFIE -> "selfie";
        };
    }
}
