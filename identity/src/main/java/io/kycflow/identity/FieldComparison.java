package io.kycflow.identity;

import io.kycflow.matching.MatchConfidence;
import io.kycflow.matching.PreparedName;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How alike two values of one document field are, 0-100: names with the screening module's normaliser,
 * transliteration and match confidence (so {@code María García} matches the MRZ's {@code MARIA GARCIA}, and
 * {@code 王又曾} its romanisation); dates, numbers and codes exactly, after normalising how they are written.
 */
final class FieldComparison {
    private FieldComparison() {
    }

    /** The similarity of two names, 0-100: every part weighs alike, a missing middle name costs a little. */
    static int names(String expected, String read) {
        MatchConfidence.Side query = MatchConfidence.Side.of(PreparedName.of(expected), true, part -> 1.0);
        MatchConfidence.Side candidate = MatchConfidence.Side.of(PreparedName.of(read), true, part -> 1.0);
        return MatchConfidence.score(query, candidate, MatchConfidence.COMPUTED);
    }

    /** 100 when both are the same date (ISO {@code yyyy-MM-dd}), 0 otherwise or when either is no date. */
    static int dates(String expected, String read) {
        LocalDate a = date(expected);
        return a != null && a.equals(date(read)) ? 100 : 0;
    }

    /** 100 when both are the same once case, accents, spaces and punctuation are set aside, else 0. */
    static int exact(String expected, String read) {
        return plain(expected).equals(plain(read)) && !plain(expected).isEmpty() ? 100 : 0;
    }

    /** 100 when both name the same sex (M/F/X, or words starting with them: Male, female), else 0. */
    static int sex(String expected, String read) {
        return sexCode(expected).equals(sexCode(read)) ? 100 : 0;
    }

    static String sexCode(String value) {
        String plain = plain(value);
        return plain.isEmpty() ? "" : plain.startsWith("M") ? "M" : plain.startsWith("F") ? "F" : "X";
    }

    /** An ISO date, or null. */
    static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String plain(String value) {
        if (value == null) {
            return "";
        }
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
