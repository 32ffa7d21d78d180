package io.kycflow.sanctions;

import java.util.Objects;

/**
 * An identity document of a listed entity, e.g. a passport or a national id.
 *
 * @param type    the document type as the list names it ("Passport", "National ID No.", "Cedula No.", ...)
 * @param number  the document number as given (may contain spaces or slashes)
 * @param country the issuing country, or null when the list does not say
 */
public record IdentityDocument(String type, String number, String country) {
    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
    }
}
