package io.kycflow.identity.mrz;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses a machine-readable zone per ICAO 9303 (part 4 TD3 passports and MRV-A visas, part 5 TD1 cards, part 6 TD2
 * documents and MRV-B visas) and verifies every check digit. It never throws on bad input: a zone whose check digits
 * fail is still parsed and names the failed fields, and lines that are no zone give {@link NoMrz}. Lines must be
 * clean ({@code A-Z}, {@code 0-9}, {@code <}); raw OCR output goes through {@link MrzCorrector} first.
 *
 * <p>Two-digit years are read against the clock: a birth date is never in the future, an expiry date at most
 * {@link #EXPIRY_YEARS_AHEAD} years ahead.
 */
public final class MrzParser {
    /** The longest validity a document is issued with, in years: a later expiry year is read as last century's. */
    public static final int EXPIRY_YEARS_AHEAD = 20;

    private static final Pattern ALPHABET = Pattern.compile("[A-Z0-9<]*");

    private final Clock clock;

    /** A parser reading two-digit years against {@code clock}. */
    public MrzParser(Clock clock) {
        this.clock = clock;
    }

    /** The layout that lines of these lengths have, or null when they fit none. */
    public static MrzFormat formatOf(List<String> lines) {
        for (MrzFormat format : MrzFormat.values()) {
            if (lines.size() == format.lines() && lines.stream().allMatch(line -> line.length() == format.length())) {
                return format;
            }
        }
        return null;
    }

    /** Parses the zone's lines, top line first. */
    public MrzResult parse(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return new NoMrz("no MRZ lines were read");
        }
        MrzFormat format = formatOf(lines);
        if (format == null) {
            return new NoMrz(lines.size() + " lines of " + lines.stream().map(l -> Integer.toString(l.length())).toList()
                    + " characters fit no MRZ layout (TD1 3x30, TD2 2x36, TD3 2x44)");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!ALPHABET.matcher(lines.get(i)).matches()) {
                return new NoMrz("line " + (i + 1) + " holds characters outside the MRZ alphabet (A-Z, 0-9, <)");
            }
        }
        if (!Character.isLetter(lines.get(0).charAt(0))) {
            return new NoMrz("the document code does not start with a letter");
        }
        Fields fields = switch (format) {
            case TD1 -> td1(lines.get(0), lines.get(1), lines.get(2));
            case TD2, TD3 -> twoLine(lines.get(0), lines.get(1), format);
        };
        return build(format, lines, fields);
    }

    /**
     * The raw fields of a zone, before interpretation.
     *
     * @param optionalCheck the optional data's check digit, or 0 when the layout has none
     * @param composite     the text the composite check digit covers, or null when the layout has none
     */
    private record Fields(String code, String state, String names, String number, char numberCheck,
                          String nationality, String birth, char birthCheck, char sex, String expiry, char expiryCheck,
                          String optional, char optionalCheck, String optional2, String composite,
                          char compositeCheck) {
    }

    /** TD2, TD3 and the visas of their sizes share the second line's layout up to the optional data. */
    private static Fields twoLine(String upper, String lower, MrzFormat format) {
        String code = upper.substring(0, 2);
        boolean visa = code.charAt(0) == 'V';
        boolean passport = format == MrzFormat.TD3;
        String optional;
        char optionalCheck = 0;
        String composite = null;
        char compositeCheck = 0;
        if (visa) {
            // MRV-A and MRV-B: optional data to the end of the line, no composite check digit
            optional = lower.substring(28);
        } else if (passport) {
            optional = lower.substring(28, 42);
            optionalCheck = lower.charAt(42);
        } else {
            optional = lower.substring(28, 35);
        }
        if (!visa) {
            composite = format.compositeText(List.of(upper, lower));
            compositeCheck = lower.charAt(format.compositeCheck().start());
        }
        return new Fields(code, upper.substring(2, 5), upper.substring(5), lower.substring(0, 9), lower.charAt(9),
                lower.substring(10, 13), lower.substring(13, 19), lower.charAt(19), lower.charAt(20),
                lower.substring(21, 27), lower.charAt(27), optional, optionalCheck, "", composite, compositeCheck);
    }

    private static Fields td1(String upper, String middle, String lower) {
        String number = upper.substring(5, 14);
        char numberCheck = upper.charAt(14);
        String optional = upper.substring(15, 30);
        int end = optional.indexOf('<');
        if (numberCheck == '<' && end != 0) {
            // ICAO 9303-5 4.2.4 note j: a number longer than nine characters continues at the start of the optional
            // data, followed by its check digit and a filler
            String extension = end < 0 ? optional : optional.substring(0, end);
            number = number + extension.substring(0, extension.length() - 1);
            numberCheck = extension.charAt(extension.length() - 1);
            optional = end < 0 ? "" : optional.substring(end + 1);
        }
        String composite = MrzFormat.TD1.compositeText(List.of(upper, middle, lower));
        return new Fields(upper.substring(0, 2), upper.substring(2, 5), lower, number, numberCheck,
                middle.substring(15, 18), middle.substring(0, 6), middle.charAt(6), middle.charAt(7),
                middle.substring(8, 14), middle.charAt(14), optional, (char) 0, middle.substring(18, 29), composite,
                middle.charAt(MrzFormat.TD1.compositeCheck().start()));
    }

    private Mrz build(MrzFormat format, List<String> lines, Fields f) {
        List<MrzCheck> failed = new ArrayList<>();
        if (!MrzCheckDigit.matches(f.number(), f.numberCheck())) {
            failed.add(MrzCheck.DOCUMENT_NUMBER);
        }
        if (!MrzCheckDigit.matches(f.birth(), f.birthCheck())) {
            failed.add(MrzCheck.BIRTH_DATE);
        }
        if (!MrzCheckDigit.matches(f.expiry(), f.expiryCheck())) {
            failed.add(MrzCheck.EXPIRY_DATE);
        }
        if (f.optionalCheck() != 0 && !optionalCheckHolds(f.optional(), f.optionalCheck())) {
            failed.add(MrzCheck.OPTIONAL_DATA);
        }
        if (f.composite() != null && !MrzCheckDigit.matches(f.composite(), f.compositeCheck())) {
            failed.add(MrzCheck.COMPOSITE);
        }
        String names = f.names();
        int separator = names.indexOf("<<");
        String surname = separator < 0 ? names : names.substring(0, separator);
        String given = separator < 0 ? "" : names.substring(separator + 2);
        LocalDate today = LocalDate.now(clock);
        return new Mrz(format, lines, unfill(f.code()), MrzDocumentType.of(f.code()), IcaoCode.of(f.state()),
                unfill(surname), unfill(given), names.charAt(names.length() - 1) != '<', unfill(f.number()),
                IcaoCode.of(f.nationality()), birthDate(f.birth(), today), sex(f.sex()), expiryDate(f.expiry(), today),
                unfill(f.optional()), unfill(f.optional2()), failed);
    }

    /** An empty personal number may carry 0 or the filler as its check digit (ICAO 9303-4 4.2.2 note). */
    private static boolean optionalCheckHolds(String optional, char check) {
        if (optional.chars().allMatch(c -> c == '<')) {
            return check == '<' || check == '0';
        }
        return MrzCheckDigit.matches(optional, check);
    }

    private static String sex(char sex) {
        return sex == 'M' || sex == 'F' ? String.valueOf(sex) : "X";
    }

    /** A field's text: fillers inside become single spaces, fillers at the ends go. */
    private static String unfill(String field) {
        return field.replaceAll("<+", " ").strip();
    }

    /** A birth date: the latest century that does not put it after today. */
    static LocalDate birthDate(String yymmdd, LocalDate today) {
        int century = today.getYear() / 100 * 100;
        LocalDate date = date(yymmdd, century);
        return date != null && date.isAfter(today) ? date(yymmdd, century - 100) : date;
    }

    /** An expiry date: this century's, unless that puts it more than {@link #EXPIRY_YEARS_AHEAD} years ahead. */
    static LocalDate expiryDate(String yymmdd, LocalDate today) {
        int century = today.getYear() / 100 * 100;
        LocalDate date = date(yymmdd, century);
        LocalDate latest = today.plusYears(EXPIRY_YEARS_AHEAD);
        if (date != null && date.isAfter(latest)) {
            return date(yymmdd, century - 100);
        }
        if (date != null && date.isBefore(latest.minusYears(100))) {
            return date(yymmdd, century + 100);
        }
        return date;
    }

    private static LocalDate date(String yymmdd, int century) {
        if (!yymmdd.chars().allMatch(Character::isDigit)) {
            return null; // unknown parts are written as fillers
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int mm = Integer.parseInt(yymmdd.substring(2, 4));
        int dd = Integer.parseInt(yymmdd.substring(4, 6));
        try {
            return LocalDate.of(century + yy, mm, dd);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
