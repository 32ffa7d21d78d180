package io.kycflow.journey;

/** The journey's progress as the result object reports it ({@code currentStatus}). */
public enum CurrentStatus {
    NOT_STARTED("NOT STARTED"), IN_PROGRESS("IN PROGRESS"), COMPLETED("COMPLETED");

    private final String label;

    CurrentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CurrentStatus ofLabel(String label) {
        for (CurrentStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status " + label);
    }
}
