package io.kycflow.journey;

/** The steps of the identity journey, in order. DOC_BACK is skipped for documents without a back side. */
public enum JourneyStep {
    INIT, CONSENT, DOC_SELECTION, DOC_FRONT, DOC_BACK, DOC_CHECK, FACE_CAPTURE, COMPLETE;

    /** True for the steps that wait on the end user. */
    public boolean isUserStep() {
        return this == CONSENT || this == DOC_SELECTION || this == DOC_FRONT || this == DOC_BACK || this == FACE_CAPTURE;
    }
}
