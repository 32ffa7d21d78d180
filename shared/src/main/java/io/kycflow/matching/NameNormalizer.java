package io.kycflow.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a name as written anywhere into comparable tokens: non-Latin scripts transliterated (ICU4J, see
 * {@link Transliteration}), accents stripped (NFKD), upper case, punctuation removed (apostrophes join,
 * other marks split: "O'Brien" gives OBRIEN, "Bashir-ud-Din" gives BASHIR UD DIN), honorifics and titles
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
            "PREDSJEDNIK", "PRESEDINTELE", "ELNOK");

    /** Legal forms removed from the end of an organisation's name; dotted forms are compared without dots. */
    private static final Set<String> LEGAL_FORMS = Set.of(
            "LLC", "LTD", "LIMITED", "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "PLC", "LLP", "LP",
            "GMBH", "AG", "KG", "SE", "SA", "SAS", "SARL", "SRL", "SPA", "BV", "NV", "AB", "OY", "AS",
            "OOO", "ZAO", "OAO", "PAO", "AO", "JSC", "PJSC", "OJSC", "CJSC", "FZE", "FZCO", "FZC", "PTE", "PTY",
            "BHD", "SDN");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼʻ`´ʹ]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Z0-9]+");

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
        List<String> given = tokens(rest);
        List<String> surname = surnameFirst == null ? List.of() : tokens(surnameFirst);
        if (surnameFirst != null && (given.isEmpty() || surname.isEmpty())) {
            // "ACME, " or ", John": not a "LAST, First" name, just a stray comma
            given = tokens(text);
            surname = List.of();
        }
        if (kind != NameKind.ORGANIZATION) {
            stripLeading(given, HONORIFICS, surname.size());
            stripLeading(surname, HONORIFICS, given.size());
            stripTrailing(given.isEmpty() ? surname : given, HONORIFICS);
        }
        if (kind == NameKind.ORGANIZATION) {
            stripLegalForms(given.isEmpty() ? surname : given, surname.isEmpty() ? 0 : surname.size());
        }
        List<String> natural = new ArrayList<>(given);
        natural.addAll(surname);
        List<String> written = new ArrayList<>(surname);
        written.addAll(given);
        return new NormalizedName(natural, String.join(" ", written));
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

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>(Arrays.asList(NON_ALNUM.split(text)));
        out.removeIf(String::isEmpty);
        return out;
    }

    /** Removes words of {@code set} from the start, never the last word of the whole name. */
    private static void stripLeading(List<String> tokens, Set<String> set, int othersLeft) {
        while (tokens.size() + othersLeft > 1 && !tokens.isEmpty() && set.contains(tokens.get(0))) {
            tokens.remove(0);
        }
    }

    private static void stripTrailing(List<String> tokens, Set<String> set) {
        while (tokens.size() > 1 && set.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
    }

    /** Removes trailing legal forms, also dotted ones split into letters ("L.L.C." is L L C). */
    private static void stripLegalForms(List<String> tokens, int othersLeft) {
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int k = Math.min(4, tokens.size() + othersLeft - 1); k >= 1 && !removed; k--) {
                if (k > tokens.size()) {
                    continue;
                }
                String joined = String.join("", tokens.subList(tokens.size() - k, tokens.size()));
                if (LEGAL_FORMS.contains(joined)) {
                    tokens.subList(tokens.size() - k, tokens.size()).clear();
                    removed = true;
                }
            }
        }
    }
}
