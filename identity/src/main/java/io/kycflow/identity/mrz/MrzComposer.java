package io.kycflow.identity.mrz;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a machine-readable zone from document data, check digits included: what a passport office prints. The
 * synthetic documents of the tests and samples carry zones composed here, and the parser's tests round-trip them.
 */
public final class MrzComposer {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private MrzComposer() {
    }

    /**
     * The data a zone holds.
     *
     * @param documentCode   {@code P} (passport), {@code I}, {@code ID}, {@code AC}... (one or two letters)
     * @param issuingState   three-letter code ({@code D} for Germany is padded to {@code D<<})
     * @param surname        primary identifier
     * @param givenNames     secondary identifier (may be empty)
     * @param documentNumber up to 9 characters (TD1 allows longer: the rest goes into the optional data)
     * @param nationality    three-letter code
     * @param birthDate      date of birth
     * @param sex            {@code M}, {@code F} or {@code X}
     * @param expiryDate     date of expiry
     * @param optionalData   personal number or other optional data (may be empty)
     */
    public record MrzData(String documentCode, String issuingState, String surname, String givenNames,
                          String documentNumber, String nationality, LocalDate birthDate, String sex,
                          LocalDate expiryDate, String optionalData) {
    }

    /** The zone's lines in the given format. */
    public static List<String> compose(MrzFormat format, MrzData data) {
        return switch (format) {
            case TD3 -> td3(data);
            case TD2 -> td2(data);
            case TD1 -> td1(data);
        };
    }

    private static List<String> td3(MrzData d) {
        String line1 = pad(code(d.documentCode()) + state(d.issuingState()) + names(d, 39), 44);
        String number = pad(field(d.documentNumber()), 9);
        String personal = pad(field(d.optionalData()), 14);
        String personalDigit = personal.replace("<", "").isEmpty() ? "<" : digit(personal);
        String birth = date(d.birthDate());
        String expiry = date(d.expiryDate());
        String body = number + digit(number) + state(d.nationality()) + birth + digit(birth) + sex(d.sex())
                + expiry + digit(expiry) + personal + personalDigit;
        return List.of(line1, body + digit(MrzFormat.TD3.compositeText(List.of(line1, body))));
    }

    private static List<String> td2(MrzData d) {
        String line1 = pad(code(d.documentCode()) + state(d.issuingState()) + names(d, 31), 36);
        String number = pad(field(d.documentNumber()), 9);
        String birth = date(d.birthDate());
        String expiry = date(d.expiryDate());
        String body = number + digit(number) + state(d.nationality()) + birth + digit(birth) + sex(d.sex())
                + expiry + digit(expiry) + pad(field(d.optionalData()), 7);
        return List.of(line1, body + digit(MrzFormat.TD2.compositeText(List.of(line1, body))));
    }

    private static List<String> td1(MrzData d) {
        String number = field(d.documentNumber());
        String upper;
        if (number.length() > 9) {
            // ICAO 9303-5 4.2.4 note j: a long number continues in the optional data, followed by its check digit
            // and a filler; the check digit position holds the filler
            String rest = number.substring(9);
            upper = number.substring(0, 9) + "<" + pad(rest + digit(number) + "<" + field(d.optionalData()), 15);
        } else {
            String padded = pad(number, 9);
            upper = padded + digit(padded) + pad(field(d.optionalData()), 15);
        }
        String line1 = code(d.documentCode()) + state(d.issuingState()) + upper;
        String birth = date(d.birthDate());
        String expiry = date(d.expiryDate());
        String line2start = birth + digit(birth) + sex(d.sex()) + expiry + digit(expiry) + state(d.nationality())
                + pad("", 11);
        return List.of(line1, line2start + digit(MrzFormat.TD1.compositeText(List.of(line1, line2start))),
                pad(names(d, 30), 30));
    }

    private static String names(MrzData d, int width) {
        String names = field(d.surname()) + "<<" + field(d.givenNames());
        return names.length() > width ? names.substring(0, width) : names;
    }

    private static String code(String documentCode) {
        return pad(field(documentCode), 2);
    }

    private static String state(String code) {
        return pad(field(code), 3);
    }

    private static String sex(String sex) {
        return sex == null || sex.isEmpty() || sex.equals("X") ? "<" : sex.substring(0, 1);
    }

    private static String date(LocalDate date) {
        return date.format(YYMMDD);
    }

    private static String digit(String field) {
        return Integer.toString(MrzCheckDigit.compute(field));
    }

    /** Upper case A-Z and digits, accents removed, anything else (spaces, hyphens, apostrophes) as filler. */
    static String field(String text) {
        if (text == null) {
            return "";
        }
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            out.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '<');
        }
        return out.toString().replaceAll("<+$", "");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text.substring(0, width) : text + "<".repeat(width - text.length());
    }
}
