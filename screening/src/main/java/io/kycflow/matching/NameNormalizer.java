package io.kycflow.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a name as written anywhere into comparable tokens (and says which of them are the surname, when the name
 * was written "LAST, First"): non-Latin scripts transliterated (ICU4J, see
 * {@link Transliteration}), accents stripped (NFKD), upper case, punctuation removed (apostrophes join,
 * other marks split: "O'Brien" gives OBRIEN, "Bashir-ud-Din" gives BASHIR UD DIN, though the name as written
 * keeps the hyphens, BASHIR-UD-DIN, for the whole-name comparison), honorifics and titles
 * removed, company legal forms removed, and "LAST, First" read as First LAST.
 *
 * <p>Stateless and thread-safe.
 */
public final class NameNormalizer {

    /** Titles removed from the start of a name (or of either side of "LAST, First") and from its end. */
    private static final Set<String> HONORIFICS = Set.of(
            "MR", "MRS", "MS", "MISS", "DR", "PROF", "PROFESSOR", "SIR", "DAME", "LORD", "LADY", "HON", "REV",
            "SHEIKH", "SHAIKH", "SHEIKHA", "SHAYKH", "SHEIK", "HAJI", "HAJJI", "HADJI", "ALHAJI", "MAWLAWI",
            "MAULAWI", "MAULVI", "MULLAH", "MULLA", "IMAM", "AYATOLLAH",
            "GENERAL", "GEN", "COLONEL", "COL", "MAJOR", "CAPTAIN", "CAPT", "LIEUTENANT", "ADMIRAL", "BRIGADIER",
            "MARSHAL",
            // "President" in the languages heads of state are commonly written in
            "PRESIDENT", "PRESIDENTE", "PRASIDENT", "PRAESIDENT", "PREZIDENT", "PREZYDENT", "PRESIDEN",
            "PREDSJEDNIK", "PRESEDINTELE", "ELNOK",
            // forms of address in the languages customers commonly write their names in
            "HERR", "FRAU", "FRL", "SR", "SRA", "SRTA", "STA", "SENOR", "SENORA", "SENORITA", "MME", "MLLE",
            "MONSIEUR", "MADAME", "MADEMOISELLE", "SIG", "SIGRA", "SIGNOR", "SIGNORA", "DHR", "MEVR");

    /** Generational and academic suffixes removed from the end of a name that is not an organisation's. */
    private static final Set<String> SUFFIXES = Set.of("JR", "JNR", "SR", "SNR", "PHD", "ESQ", "DDS", "DVM");
    /** Generational numerals, removed from the end of a person's name only (a vessel may be KHALIFA II). */
    private static final Set<String> NUMERALS = Set.of("II", "III", "IV");

    /** Legal forms removed from the end of an organisation's name; dotted forms are compared without dots. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "LLC", "LTD", "LIMITED", "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "PLC", "LLP", "LP",
            "GMBH", "AG", "KG", "SE", "SA", "SAS", "SARL", "SRL", "SPA", "BV", "NV", "AB", "OY", "AS",
            "OOO", "ZAO", "OAO", "PAO", "AO", "JSC", "PJSC", "OJSC", "CJSC", "FZE", "FZCO", "FZC", "PTE", "PTY",
            "BHD", "SDN");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Apostrophes, and the half rings that transliterate Arabic ayn and hamza (ICU gives ʿLY for علي). */
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼʻ`´ʹʾʿ]");
    /**
     * Separators: anything but letters and digits, and modifier letters (length and tone marks). Letters are not
     * limited to A-Z: the few scripts ICU does not transliterate (Khmer, Tibetan, Mongolian...) and Latin letters
     * NFKD keeps (Ə, Ŋ) stay as they are, so such a name still has parts and still matches itself.
     */
    private static final Pattern NON_ALNUM = Pattern.compile("(?:[^\\p{L}\\p{N}]|\\p{Lm})+");

    /** Normalises a name whose kind is not known. */
    public NormalizedName normalize(String name) {
        return normalize(name, NameKind.UNKNOWN);
    }

    /** Normalises {@code name}, removing the noise words that {@code kind} allows. */
    public NormalizedName normalize(String name, NameKind kind) {
        String text = toAsciiUpper(name == null ? "" : name);
        String surnameFirst = null;
        String rest = text;
        int comma = text.indexOf(',');
        if (comma >= 0 && comma == text.lastIndexOf(',')) {
            surnameFirst = text.substring(0, comma);
            rest = text.substring(comma + 1);
        }
        List<Part> given = tokens(rest);
        List<Part> surname = surnameFirst == null ? List.of() : tokens(surnameFirst);
        if (surnameFirst != null && (given.isEmpty() || surname.isEmpty())) {
            // "ACME, " or ", John": not a "LAST, First" name, just a stray comma
            given = tokens(text);
            surname = List.of();
        }
        if (kind != NameKind.ORGANIZATION) {
            stripLeading(given, HONORIFICS, surname.size());
            stripLeading(surname, HONORIFICS, given.size());
            stripTrailing(given.isEmpty() ? surname : given, HONORIFICS);
            stripTrailing(given.isEmpty() ? surname : given, SUFFIXES);
        }
        if (kind == NameKind.PERSON) {
            stripTrailing(given.isEmpty() ? surname : given, NUMERALS);
        }
        if (kind == NameKind.ORGANIZATION) {
            stripLegalForms(given.isEmpty() ? surname : given, surname.isEmpty() ? 0 : surname.size());
        }
        List<String> natural = new ArrayList<>(given.size() + surname.size());
        given.forEach(part -> natural.add(part.text()));
        surname.forEach(part -> natural.add(part.text()));
        StringBuilder written = new StringBuilder();
        appendWritten(written, surname);
        appendWritten(written, given);
        return new NormalizedName(natural, written.toString(), given.isEmpty() ? 0 : surname.size());
    }

    /**
     * Appends parts as written: a hyphen that joined two parts stays (OFAC compares the whole name with it, so
     * AL-QAEDA is not quite AL QAIDA as a whole), any other separator becomes one space.
     */
    private static void appendWritten(StringBuilder out, List<Part> parts) {
        for (int i = 0; i < parts.size(); i++) {
            if (!out.isEmpty()) {
                out.append(i > 0 && parts.get(i).hyphenated() ? '-' : ' ');
            }
            out.append(parts.get(i).text());
        }
    }

    /** Upper-case ASCII letters, digits and separators; non-Latin scripts go through ICU. */
    static String toAsciiUpper(String name) {
        String text = hasNonLatinLetters(name) ? Transliteration.toLatinAscii(name) : name;
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // letters NFKD does not decompose
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'Ł', 'ł' -> out.append('L');
                case 'Ø', 'ø' -> out.append('O');
                case 'Æ', 'æ' -> out.append("AE");
                case 'Œ', 'œ' -> out.append("OE");
                case 'Đ', 'đ', 'Ð', 'ð' -> out.append('D');
                case 'Þ', 'þ' -> out.append("TH");
                case 'ı' -> out.append('I');
                default -> out.append(c);
            }
        }
        return APOSTROPHES.matcher(out.toString().toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** Whether {@code text} has letters of a non-Latin script, that is, normalisation transliterates it. */
    static boolean hasNonLatinLetters(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** One name part, and whether it was joined to the part before it by a hyphen alone. */
    private record Part(String text, boolean hyphenated) {
    }

    private static List<Part> tokens(String text) {
        List<Part> out = new ArrayList<>();
        Matcher separators = NON_ALNUM.matcher(text);
        int start = 0;
        boolean hyphenated = false;
        while (true) {
            boolean found = separators.find();
            int end = found ? separators.start() : text.length();
            if (end > start) {
                out.add(new Part(text.substring(start, end), hyphenated && !out.isEmpty()));
            }
            if (!found) {
                return out;
            }
            hyphenated = separators.group().equals("-");
            start = separators.end();
        }
    }

    /** Removes words of {@code set} from the start, never the last word of the whole name. */
    private static void stripLeading(List<Part> tokens, Set<String> set, int othersLeft) {
        while (tokens.size() + othersLeft > 1 && !tokens.isEmpty() && set.contains(tokens.get(0).text())) {
            tokens.remove(0);
        }
    }

    private static void stripTrailing(List<Part> tokens, Set<String> set) {
        while (tokens.size() > 1 && set.contains(tokens.get(tokens.size() - 1).text())) {
            tokens.remove(tokens.size() - 1);
        }
    }

    /** Removes trailing legal forms, also dotted ones split into letters ("L.L.C." is L L C). */
    private static void stripLegalForms(List<Part> tokens, int othersLeft) {
        List<String> texts = new ArrayList<>(tokens.size());
        tokens.forEach(part -> texts.add(part.text()));
        int legal = trailingLegalForms(texts, othersLeft);
        tokens.subList(tokens.size() - legal, tokens.size()).clear();
    }

    /**
     * How many of the last tokens are legal forms, one after another (GMBH CO KG, L L C), leaving at least one
     * token when {@code othersLeft} is 0.
     */
    static int trailingLegalForms(List<String> tokens, int othersLeft) {
        int end = tokens.size();
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int k = Math.min(4, end + othersLeft - 1); k >= 1 && !removed; k--) {
                if (k > end) {
                    continue;
                }
                StringBuilder joined = new StringBuilder();
                tokens.subList(end - k, end).forEach(joined::append);
                if (LEGAL_FORMS.contains(joined.toString())) {
                    end -= k;
                    removed = true;
                }
            }
        }
        return tokens.size() - end;
    }

    /**
     * Whether {@code text} has letters of a script that leaves most vowels unwritten (Arabic and the scripts
     * derived from it, Hebrew, Syriac): its transliteration is a consonant skeleton of the name.
     */
    static boolean writtenWithoutVowels(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                switch (Character.UnicodeScript.of(cp)) {
                    case ARABIC, HEBREW, SYRIAC -> {
                        return true;
                    }
                    default -> {
                    }
                }
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
