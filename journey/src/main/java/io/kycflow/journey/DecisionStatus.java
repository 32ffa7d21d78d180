package io.kycflow.journey;

/** The decision statuses of the V3 decision object (seed 002, Status enum). */
public enum DecisionStatus {
    NOT_STARTED("Not Started"), IN_PROGRESS("In Progress"), APPROVED("Approved"), DECLINED("Declined"),
    IN_REVIEW("In Review"), EXPIRED("Expired"), ABANDONED("Abandoned");

    private final String label;

    DecisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DecisionStatus ofLabel(String label) {
        for (DecisionStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown decision status " + label);
    }

    /** Final statuses: the journey will not change any more. */
    public boolean isFinal() {
        return this == APPROVED || this == DECLINED || this == IN_REVIEW || this == EXPIRED || this == ABANDONED;
    }
}
