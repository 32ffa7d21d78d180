package io.kycflow.screening;

/** How a secondary field of the screened subject compared with a listed entry. */
public enum FieldOutcome {
    /** The list gives the field and it agrees. */
    MATCH,
    /** The list gives the field and it disagrees. */
    MISMATCH,
    /** The list says nothing about the field, or too little to tell. */
    UNKNOWN
}
