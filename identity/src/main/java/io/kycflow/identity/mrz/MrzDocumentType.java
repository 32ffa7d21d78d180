package io.kycflow.identity.mrz;

/** The kind of document an MRZ document code ({@code P}, {@code I}, {@code ID}, {@code IR}, {@code V}...) names. */
public enum MrzDocumentType {
    PASSPORT, ID_CARD, RESIDENCE_PERMIT, VISA, OTHER;

    /**
     * The type of a document code. ICAO fixes the first letter (P passport, I/A/C official travel document card,
     * V visa) and leaves the second to the issuer; issuers mark residence permits with an R (UK {@code IR},
     * German {@code AR}).
     */
    static MrzDocumentType of(String documentCode) {
        char first = documentCode.charAt(0);
        char second = documentCode.length() > 1 ? documentCode.charAt(1) : '<';
        return switch (first) {
            case 'P' -> PASSPORT;
            case 'V' -> VISA;
            case 'I', 'A', 'C' -> second == 'R' ? RESIDENCE_PERMIT : ID_CARD;
            default -> OTHER;
        };
    }
}
