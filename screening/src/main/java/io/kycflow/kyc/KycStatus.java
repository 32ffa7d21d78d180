package io.kycflow.kyc;

/** Where a KYC check stands. */
public enum KycStatus {
    /** Screened; nothing needs a reviewer (no hits, or every hit cleared or confirmed) and no decision yet. */
    COMPLETED("Completed"),
    /** At least one hit waits for review (including one raised by monitoring after a decision). */
    IN_REVIEW("In Review"),
    /** The business accepted the subject. */
    ACCEPTED("Accepted"),
    /** The business rejected the subject. */
    REJECTED("Rejected");

    private final String label;

    KycStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
