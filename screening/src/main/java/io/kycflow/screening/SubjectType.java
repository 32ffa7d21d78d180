package io.kycflow.screening;

/** Subject types a KYC check screens. */
public enum SubjectType {
    /** A natural person; matches listed individuals. */
    PERSON,
    /** A company or other organisation; matches listed entities, vessels and aircraft. */
    BUSINESS
}
