package io.kycflow.sanctions;

import java.util.Objects;

/**
 * Another name a listed entity is known by.
 *
 * @param name     the name as the list spells it
 * @param type     how the list relates the name to the entity
 * @param strength {@link Strength#WEAK} only where the list itself says so (OFAC's weak a.k.a.s, which the legacy
 *                 files carry in the remarks; UN quality "Low"); screening may treat weak aliases more cautiously
 */
public record Alias(String name, Type type, Strength strength) {

    /** The relation of an alias to the entity. */
    public enum Type {
        /** also known as */
        AKA,
        /** formerly known as */
        FKA,
        /** now known as */
        NKA,
        /** the name in its original (often non-Latin) script, as the UN list gives it */
        ORIGINAL_SCRIPT
    }

    /** How reliable the list considers the alias for identifying the entity. */
    public enum Strength { STRONG, WEAK }

    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(strength, "strength");
    }
}
