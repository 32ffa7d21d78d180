package io.kycflow.identity.mrz;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed machine-readable zone. Fields are as the zone holds them with the filler removed; a field whose check
 * digit failed is still given (it is what was read) and named in {@link #failedChecks()}.
 *
 * @param format         the layout
 * @param lines          the lines parsed
 * @param documentCode   one or two letters ({@code P}, {@code I}, {@code ID}, {@code IR}...)
 * @param documentType   what the code names
 * @param issuingState   the issuing state or organisation
 * @param surname        the primary identifier, parts separated by single spaces
 * @param givenNames     the secondary identifier, parts separated by single spaces (may be empty)
 * @param nameTruncated  the name filled its whole field, so it may have been cut short
 * @param documentNumber the document number (a TD1 card's long number with its extension)
 * @param nationality    the holder's nationality
 * @param birthDate      date of birth, null when the zone does not hold a valid date (ICAO allows unknown parts)
 * @param sex            {@code M}, {@code F} or {@code X} (unspecified)
 * @param expiryDate     date of expiry, null when the zone does not hold a valid date
 * @param optionalData   the personal number (TD3) or optional data (TD1 upper line, TD2); empty when none
 * @param optionalData2  a TD1 card's second optional data element; empty otherwise
 * @param failedChecks   the fields whose check digit failed; empty when the zone is consistent
 */
public record Mrz(MrzFormat format, List<String> lines, String documentCode, MrzDocumentType documentType,
                  IcaoCode issuingState, String surname, String givenNames, boolean nameTruncated,
                  String documentNumber, IcaoCode nationality, LocalDate birthDate, String sex, LocalDate expiryDate,
                  String optionalData, String optionalData2, List<MrzCheck> failedChecks) implements MrzResult {

    /** The finding a zone with a failed check digit raises. */
    public static final String CHECKSUM_FAILED = "MRZ_CHECKSUM_FAILED";

    public Mrz {
        lines = List.copyOf(lines);
        failedChecks = List.copyOf(failedChecks);
    }

    /** True when every check digit holds. */
    public boolean checksumsValid() {
        return failedChecks.isEmpty();
    }

    /** The findings of the parse: {@link #CHECKSUM_FAILED} naming the failed fields, or none. */
    public List<String> findings() {
        if (failedChecks.isEmpty()) {
            return List.of();
        }
        return List.of(CHECKSUM_FAILED + ": " + String.join(", ", failedChecks.stream().map(MrzCheck::fieldName).toList()));
    }

    /** Given names then surname, as a person writes their name. */
    public String fullName() {
        return givenNames.isEmpty() ? surname : givenNames + " " + surname;
    }
}
