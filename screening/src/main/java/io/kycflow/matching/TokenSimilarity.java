package io.kycflow.matching;

/**
 * How alike two name parts are for the match decision ({@link MatchConfidence}), 0 (different names) to 1 (the
 * same). Deliberately stricter than the OFAC-compatible {@link NameMatcher}, whose Jaro-Winkler finds JAMES and
 * JAMAL 81% alike: here two parts only count as one name when
 * <ul>
 *   <li>they are spelled the same;</li>
 *   <li>they start alike and are a typo apart: no edit for parts of up to four letters, one for five to nine, two
 *       from ten (the edit allowance yente's logic-v2 uses), scoring 1 - edits / length;</li>
 *   <li>their {@link Phonetics#variantKey variant keys} start alike and are equal or as close, which is how Latin
 *       romanisations of one name differ (MOHAMMED / MUHAMMAD / MOHAMED), scoring 0.95 times that;</li>
 *   <li>across scripts (a screened name written in a script without vowels, such as Arabic, against a listed name
 *       in Latin letters): their {@link Phonetics#consonantKey consonant keys}, of two consonants or more, are
 *       equal, scoring {@link #CROSS_SCRIPT}.</li>
 * </ul>
 * Initials (one-letter parts) are not compared here: {@link MatchConfidence} matches them to a part with the same
 * first letter as weak evidence. Stateless and thread-safe.
 */
public final class TokenSimilarity {

    /** A spelling variant counts this fraction of an exact match: it is another way to write the name, or not. */
    public static final double VARIANT_WEIGHT = 0.95;
    /** Parts that agree only in their consonants, across scripts, count this much. */
    public static final double CROSS_SCRIPT = 0.9;
    /** Consonant keys shorter than this say too little to match on. */
    public static final int MIN_CONSONANTS = 2;

    private TokenSimilarity() {
    }

    /** The edits allowed between parts whose longer one has {@code length} characters. */
    public static int allowedEdits(int length) {
        return length <= 4 ? 0 : length <= 9 ? 1 : 2;
    }

    /**
     * The similarity of two parts of at least two characters each, given their variant keys.
     *
     * @param crossScript whether one name was written in another script and reached Latin letters by
     *                    transliteration, and the other was not (lets consonant keys match)
     */
    public static double similarity(String a, String aKey, String b, String bKey, boolean crossScript) {
        if (a.equals(b)) {
            return 1;
        }
        double best = spelled(a, b);
        if (best < 1) {
            best = Math.max(best, VARIANT_WEIGHT * spelled(aKey, bKey));
        }
        if (crossScript && best < CROSS_SCRIPT) {
            String consonants = Phonetics.consonantKey(aKey);
            if (consonants.length() >= MIN_CONSONANTS && consonants.equals(Phonetics.consonantKey(bKey))) {
                best = CROSS_SCRIPT;
            }
        }
        return best;
    }

    /**
     * The similarity of a part and two adjacent parts written together (ABUBAKR / ABU BAKR): 1 when spelled the
     * same, {@link #VARIANT_WEIGHT} when their variant keys are equal, else 0. No edits: a part one letter from two
     * parts together is usually a part and a short one beside it (MAUNG / MAUNG YI).
     */
    public static double joined(String a, String aKey, String b, String bKey) {
        return a.equals(b) ? 1 : aKey.equals(bKey) ? VARIANT_WEIGHT : 0;
    }

    /** 1 - edits / length for two strings starting with the same character and within the allowed edits, else 0. */
    public static double spelled(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0)) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        int longer = Math.max(a.length(), b.length());
        int allowed = allowedEdits(longer);
        if (allowed == 0) {
            return 0;
        }
        int edits = EditDistance.bounded(a, b, allowed);
        return edits > allowed ? 0 : 1 - (double) edits / longer;
    }

    /** The consonant key of a part's variant key. */
    public static String consonantKey(String variantKey) {
        return Phonetics.consonantKey(variantKey);
    }

    /** The variant key of a normalised part. */
    public static String variantKey(String token) {
        return Phonetics.variantKey(token);
    }
}
