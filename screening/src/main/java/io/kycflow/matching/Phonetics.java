package io.kycflow.matching;

/**
 * Two keys of a normalised token that let spellings differing only by transliteration choices compare alike:
 * <ul>
 *   <li>{@link #skeleton}: a coarse consonant skeleton for names that reached Latin through machine
 *       transliteration of another script (VLADIMIR, WLADIMIR, FLADYMYR and BEULLADIMILEU all become PLTML);</li>
 *   <li>{@link #variantKey}: a finer key for the spellings people write in Latin, where the usual romanisation
 *       choices (MOHAMMED / MUHAMMAD, KHALID / HALID, YOUSSEF / YUSUF, HUSSEIN / HOSSEIN) meet but distinct names
 *       built on the same consonants (MOHAMMED / MAHMOUD) stay apart;</li>
 *   <li>{@link #consonantKey}: the variant key without its vowels, for a name written in a script that spells few
 *       or no vowels (Arabic, Persian, Hebrew) against one written in Latin letters.</li>
 * </ul>
 */
final class Phonetics {

    private Phonetics() {
    }

    /**
     * Vowels, H and Y, and V and W after the first letter, are dropped (scripts disagree about them); consonants that
     * transliterations swap are merged (B/F/P and initial V/W, C/G/J/K/Q/X, S/Z, D/T, L/R); repeats collapse.
     */
    static String skeleton(String token) {
        StringBuilder out = new StringBuilder(token.length());
        char last = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = switch (token.charAt(i)) {
                case 'B', 'F', 'P' -> 'P';
                // V and W after the first letter are as often vowels (Hebrew vav, Arabic waw, -OV/-OW)
                case 'V', 'W' -> i == 0 ? 'P' : 0;
                case 'C', 'G', 'J', 'K', 'Q', 'X' -> 'K';
                case 'S', 'Z' -> 'S';
                case 'D', 'T' -> 'T';
                case 'L', 'R' -> 'L';
                case 'M' -> 'M';
                case 'N' -> 'N';
                default -> 0;
            };
            if (c != 0 && c != last) {
                out.append(c);
            }
            // a vowel between two equal consonants keeps both (ANAN is MN, not N)
            last = c;
        }
        return out.toString();
    }

    /**
     * The token with romanisation choices undone: digraphs read as one sound (KH and initial H as H, SH/SCH/CH/ZH
     * as one hush X, TH as T, DH as D, PH as F, GH as G, DJ/DZH as J, TS/TZ as S), Q and hard C as K, X as KS, an
     * initial W, V or U-before-a-vowel as V and W before a vowel inside the name as U, Z as S, vowels in three classes (A; E/I/Y; O/U with OU and OO), H after the first letter dropped, repeats
     * collapsed. Letters outside A-Z and digits are kept as they are.
     */
    static String variantKey(String token) {
        StringBuilder out = new StringBuilder(token.length());
        int n = token.length();
        int i = 0;
        while (i < n) {
            char c = token.charAt(i);
            char next = i + 1 < n ? token.charAt(i + 1) : 0;
            char code;
            int used = 1;
            switch (c) {
                case 'S' -> {
                    if (startsWith(token, i, "SHCH")) {
                        code = 'X';
                        used = 4;
                    } else if (startsWith(token, i, "SCH")) {
                        code = 'X';
                        used = 3;
                    } else if (next == 'H') {
                        code = 'X';
                        used = 2;
                    } else {
                        code = 'S';
                    }
                }
                case 'T' -> {
                    if (startsWith(token, i, "TSCH")) {
                        code = 'X';
                        used = 4;
                    } else if (startsWith(token, i, "TCH")) {
                        code = 'X';
                        used = 3;
                    } else if (next == 'H') {
                        code = 'T';
                        used = 2;
                    } else if (next == 'S' || next == 'Z') {
                        code = 'S';
                        used = 2;
                    } else {
                        code = 'T';
                    }
                }
                case 'C' -> {
                    if (next == 'H') {
                        code = 'X';
                        used = 2;
                    } else if (next == 'K') {
                        code = 'K';
                        used = 2;
                    } else {
                        code = next == 'E' || next == 'I' || next == 'Y' ? 'S' : 'K';
                    }
                }
                case 'K' -> {
                    code = next == 'H' ? 'H' : 'K';
                    used = next == 'H' ? 2 : 1;
                }
                case 'Z' -> {
                    code = next == 'H' ? 'X' : 'S';
                    used = next == 'H' ? 2 : 1;
                }
                case 'D' -> {
                    if (startsWith(token, i, "DZH")) {
                        code = 'J';
                        used = 3;
                    } else if (next == 'J') {
                        code = 'J';
                        used = 2;
                    } else {
                        code = 'D';
                        used = next == 'H' ? 2 : 1;
                    }
                }
                case 'G', 'P' -> {
                    code = c == 'P' && next == 'H' ? 'F' : c;
                    used = next == 'H' ? 2 : 1;
                }
                case 'Q' -> code = 'K';
                // at the start, W, V and U before a vowel are one sound written three ways (WLADIMIR / VLADIMIR,
                // WAEL / UAEL as Cyrillic writes it); inside a name, W before a vowel is the semivowel U (KWAI / KUAI)
                case 'W' -> code = i > 0 && isVowel(next) ? 'U' : 'V';
                case 'V' -> code = 'V';
                case 'H' -> code = i == 0 ? 'H' : 0;
                case 'A' -> code = 'A';
                case 'E', 'I', 'Y' -> code = 'I';
                case 'O' -> code = 'U';
                case 'U' -> code = i == 0 && isVowel(next) ? 'V' : 'U';
                case 'X' -> {
                    append(out, 'K');
                    code = 'S';
                }
                default -> code = c;
            }
            append(out, code);
            i += used;
        }
        return out.toString();
    }

    /**
     * The {@link #variantKey} without its vowel classes and V (which abjads write as the vowel-like W), repeats
     * collapsed again: محمد (MHMD) and MUHAMMAD both become MD, ياسر (YASR) and YASIR both SR.
     */
    static String consonantKey(String variantKey) {
        StringBuilder out = new StringBuilder(variantKey.length());
        for (int i = 0; i < variantKey.length(); i++) {
            char c = variantKey.charAt(i);
            if (c != 'A' && c != 'I' && c != 'U' && c != 'V') {
                append(out, c);
            }
        }
        return out.toString();
    }

    private static boolean isVowel(char c) {
        return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
    }

    private static boolean startsWith(String token, int at, String prefix) {
        return token.startsWith(prefix, at);
    }

    /** Appends a code unless it is 0 (dropped) or repeats the last one. */
    private static void append(StringBuilder out, char code) {
        if (code != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != code)) {
            out.append(code);
        }
    }
}
