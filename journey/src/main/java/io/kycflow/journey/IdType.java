package io.kycflow.journey;

/** Identity document types a user can choose. */
public enum IdType {
    PASSPORT("Passport", false), ID_CARD("ID Card", true), DRIVING_LICENSE("Driver License", true),
    RESIDENCE_PERMIT("Residence Permit", true);

    private final String label;
    private final boolean backSide;

    IdType(String label, boolean backSide) {
        this.label = label;
        this.backSide = backSide;
    }

    /** Human-readable document class, as decision objects name it. */
    public String label() {
        return label;
    }

    public boolean hasBackSide() {
        return backSide;
    }
}
