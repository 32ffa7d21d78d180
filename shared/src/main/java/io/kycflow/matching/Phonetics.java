package io.kycflow.matching;

/**
 * A consonant skeleton of a normalised token, so that spellings which differ only by transliteration choices
 * compare equal: VLADIMIR, WLADIMIR, FLADYMYR and BEULLADIMILEU all become PLTML.
 *
 * <p>Vowels, H and Y, and V and W after the first letter, are dropped (scripts disagree about them); consonants that transliterations swap
 * are merged (B/F/P and initial V/W, C/G/J/K/Q/X, S/Z, D/T, L/R); repeats collapse.
 */
final class Phonetics {

    private Phonetics() {
    }

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
}
