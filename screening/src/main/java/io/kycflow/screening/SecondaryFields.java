package io.kycflow.screening;

import io.kycflow.sanctions.BirthDate;
import io.kycflow.sanctions.EntityType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The secondary fields of one query, ready to compare with listed entries; see {@link ScreeningIndex}. */
final class SecondaryFields {

    static final int DATE_OF_BIRTH_MATCH = 5;
    static final int DATE_OF_BIRTH_MISMATCH = -15;
    static final int NATIONALITY_MATCH = 3;
    static final int NATIONALITY_MISMATCH = -5;
    static final int ENTITY_TYPE_MISMATCH = -20;
    static final int COUNTRY_MATCH = 2;
    /** How far apart (years) a screened and a listed date of birth must be to count against the match. */
    private static final int DATE_OF_BIRTH_TOLERANCE_YEARS = 1;

    private final ScreeningQuery query;
    private final LocalDate bornFrom;
    private final LocalDate bornTo;
    private final String nationality;
    private final String document;
    private final String country;

    SecondaryFields(ScreeningQuery query) {
        this.query = query;
        LocalDate[] born = query.dateOfBirth() == null ? null : span(query.dateOfBirth());
        this.bornFrom = born == null ? null : born[0];
        this.bornTo = born == null ? null : born[1];
        this.nationality = Countries.key(query.nationality());
        String documentKey = documentKey(query.documentId());
        this.document = documentKey == null || documentKey.isEmpty() ? null : documentKey;
        this.country = Countries.key(query.country());
    }

    /**
     * The lowest name score whose fields still add points: below it the names are not alike, and a matching date of
     * birth or nationality must not make a hit of them.
     */
    static final int NAME_FLOOR = 70;

    /** The most points the fields can add to a name score of at least {@link #NAME_FLOOR}. */
    int maxBonus() {
        return (bornFrom != null ? DATE_OF_BIRTH_MATCH : 0) + (nationality != null ? NATIONALITY_MATCH : 0)
                + (country != null ? COUNTRY_MATCH : 0);
    }

    /** The lowest name score that can make a hit of at least {@code minScore} with these fields. */
    int nameScoreNeeded(int minScore) {
        return Math.min(minScore, Math.max(NAME_FLOOR, minScore - maxBonus()));
    }

    /** The screened document number as compared, or null when none was given. */
    String document() {
        return document;
    }

    /** Document numbers compare as upper-case letters and digits only: "AB 12-345" equals "ab12345". */
    static String documentKey(String number) {
        if (number == null) {
            return null;
        }
        // a loop, not a regular expression: the index computes this for every listed document when it loads
        StringBuilder key = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                key.append(c);
            } else if (c >= 'a' && c <= 'z') {
                key.append((char) (c - 'a' + 'A'));
            }
        }
        return key.toString();
    }

    /** The entry's score after comparing every field the query gives, with the comparisons in field order. */
    Scored compare(ListedEntry entry, int nameScore) {
        boolean alike = nameScore >= NAME_FLOOR;
        FieldCheck born = bornFrom == null ? null : applied(dateOfBirth(entry), alike);
        FieldCheck nation = nationality == null ? null : applied(nationality(entry), alike);
        FieldCheck documentId = document == null ? null : document(entry);
        FieldCheck type = query.type() == null ? null : entityType(entry);
        FieldCheck residence = country == null ? null : applied(country(entry), alike);
        int score = nameScore;
        for (FieldCheck check : new FieldCheck[] {born, nation, type, residence}) {
            score += check == null ? 0 : check.adjustment();
        }
        score = Math.clamp(score, 0, 100);
        if (documentId != null && documentId.outcome() == FieldOutcome.MATCH) {
            // the same identity document is the same party whatever the names say
            documentId = new FieldCheck(documentId.field(), FieldOutcome.MATCH, 100 - score, documentId.queried(),
                    documentId.listed());
            score = 100;
        }
        List<FieldCheck> checks = new ArrayList<>(5);
        for (FieldCheck check : new FieldCheck[] {born, nation, documentId, type, residence}) {
            if (check != null) {
                checks.add(check);
            }
        }
        return new Scored(score, checks);
    }

    /** The check with its bonus taken away when the names are not alike enough for a field to raise them. */
    private static FieldCheck applied(FieldCheck check, boolean namesAlike) {
        return namesAlike || check.adjustment() <= 0 ? check
                : new FieldCheck(check.field(), check.outcome(), 0, check.queried(), check.listed());
    }

    record Scored(int score, List<FieldCheck> checks) {
    }

    private FieldCheck dateOfBirth(ListedEntry entry) {
        String listed = String.join("; ", entry.dateOfBirthTexts());
        boolean anyParsed = false;
        boolean near = false;
        for (BirthDate date : entry.datesOfBirth()) {
            if (!date.parsed()) {
                continue;
            }
            anyParsed = true;
            if (!date.latest().isBefore(bornFrom) && !date.earliest().isAfter(bornTo)) {
                return new FieldCheck("date_of_birth", FieldOutcome.MATCH, DATE_OF_BIRTH_MATCH, query.dateOfBirth(), listed);
            }
            near |= !date.latest().plusYears(DATE_OF_BIRTH_TOLERANCE_YEARS).isBefore(bornFrom)
                    && !date.earliest().minusYears(DATE_OF_BIRTH_TOLERANCE_YEARS).isAfter(bornTo);
        }
        return anyParsed && !near
                ? new FieldCheck("date_of_birth", FieldOutcome.MISMATCH, DATE_OF_BIRTH_MISMATCH, query.dateOfBirth(), listed)
                : new FieldCheck("date_of_birth", FieldOutcome.UNKNOWN, 0, query.dateOfBirth(), listed);
    }

    private FieldCheck nationality(ListedEntry entry) {
        String listed = String.join("; ", entry.nationalities());
        if (entry.nationalities().isEmpty()) {
            return new FieldCheck("nationality", FieldOutcome.UNKNOWN, 0, query.nationality(), listed);
        }
        boolean match = entry.nationalities().stream().anyMatch(n -> nationality.equals(Countries.key(n)));
        return match
                ? new FieldCheck("nationality", FieldOutcome.MATCH, NATIONALITY_MATCH, query.nationality(), listed)
                : new FieldCheck("nationality", FieldOutcome.MISMATCH, NATIONALITY_MISMATCH, query.nationality(), listed);
    }

    private FieldCheck document(ListedEntry entry) {
        String listed = String.join("; ", entry.documentNumbers());
        boolean match = entry.documentNumbers().stream().anyMatch(n -> document.equals(documentKey(n)));
        // a person has many documents: a different number says nothing
        return new FieldCheck("document_id", match ? FieldOutcome.MATCH : FieldOutcome.UNKNOWN, 0,
                query.documentId(), listed);
    }

    private FieldCheck entityType(ListedEntry entry) {
        boolean person = entry.type() == EntityType.PERSON;
        boolean match = (query.type() == SubjectType.PERSON) == person;
        return new FieldCheck("entity_type", match ? FieldOutcome.MATCH : FieldOutcome.MISMATCH,
                match ? 0 : ENTITY_TYPE_MISMATCH, query.type().name(), entry.type().name());
    }

    private FieldCheck country(ListedEntry entry) {
        boolean match = entry.addressCountries().stream().anyMatch(c -> country.equals(Countries.key(c)));
        return new FieldCheck("country", match ? FieldOutcome.MATCH : FieldOutcome.UNKNOWN,
                match ? COUNTRY_MATCH : 0, query.country(), String.join("; ", entry.addressCountries()));
    }

    /** The first and last day a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date allows. */
    private static LocalDate[] span(String date) {
        return switch (date.length()) {
            case 4 -> new LocalDate[] {LocalDate.of(Integer.parseInt(date), 1, 1), LocalDate.of(Integer.parseInt(date), 12, 31)};
            case 7 -> {
                YearMonth month = YearMonth.parse(date);
                yield new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
            default -> new LocalDate[] {LocalDate.parse(date), LocalDate.parse(date)};
        };
    }
}
