package io.kycflow.sanctions;

/** What kind of party a listed entry is; screening compares it with the kind of the screened subject. */
public enum EntityType {
    PERSON,
    /** A business, organisation or other legal entity. */
    ENTITY,
    VESSEL,
    AIRCRAFT
}
