package io.kycflow.journey;

/** The images a journey captures, each uploaded at its own step. */
public enum CaptureSide {
    FRONT(JourneyStep.DOC_FRONT, "frontDoc"), BACK(JourneyStep.DOC_BACK, "backDoc"), SELFIE(JourneyStep.FACE_CAPTURE, "selfie");

    private final JourneyStep step;
    private final String resultName;

    CaptureSide(JourneyStep step, String resultName) {
        this.step = step;
        this.resultName = resultName;
    }

    /** The step at which this image is uploaded. */
    public JourneyStep step() {
        return step;
    }

    /** The field name in {@code capturedData.images}. */
    public String resultName() {
        return resultName;
    }
}
