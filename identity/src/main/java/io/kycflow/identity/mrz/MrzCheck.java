package io.kycflow.identity.mrz;

/** The check-digit protected fields of a machine-readable zone. */
public enum MrzCheck {
    DOCUMENT_NUMBER("documentNumber"), BIRTH_DATE("dateOfBirth"), EXPIRY_DATE("dateOfExpiry"),
    OPTIONAL_DATA("personalNumber"), COMPOSITE("composite");

    private final String fieldName;

    MrzCheck(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The field's name in warnings and results. */
    public String fieldName() {
        return fieldName;
    }
}
