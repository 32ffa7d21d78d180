package io.kycflow.identity;

/** A field read from an identity document (seed 001's {@code extractedFields} names them). */
public enum DocumentField {
    FIRST_NAME, MIDDLE_NAME, LAST_NAME, DOCUMENT_NUMBER, PERSONAL_NUMBER, DATE_OF_BIRTH, DATE_OF_EXPIRY,
    DATE_OF_ISSUE, NATIONALITY, SEX, ISSUING_COUNTRY, DOCUMENT_TYPE, PLACE_OF_BIRTH, ADDRESS
}
