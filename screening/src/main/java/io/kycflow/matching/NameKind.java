package io.kycflow.matching;

/** What a name belongs to; decides which noise words normalisation removes. */
public enum NameKind {
    /** A person: honorifics and titles are removed. */
    PERSON,
    /** A company or other organisation: legal forms (LLC, GmbH, OOO...) are removed. */
    ORGANIZATION,
    /** Not known: honorifics are removed, legal forms kept (OFAC scores names with them). */
    UNKNOWN
}
