package io.kycflow.matching;

/**
 * Jaro-Winkler similarity (0-1) with the common prefix of up to five characters weighted 0.1 each (see
 * {@link #MAX_PREFIX}). Unlike the
 * textbook version the prefix bonus applies at any Jaro similarity, as in the SimMetrics library OFAC's tool
 * is built on; that reproduces OFAC's scores better.
 */
public final class JaroWinkler {

    /**
     * Common prefix characters that earn the bonus. Textbook Jaro-Winkler stops at four; OFAC's scores of names
     * sharing a long first part (VLADIMIR PUTIN / VLADIMIR ARSENYEV 88, MAHMOOD ... / MAHMOOD, Shahid 89,
     * GEORGE BUSH / GEORGIEVA, Elena 83) are each reproduced with five and are two or three points too low with
     * four, while no measured row needs six.
     */
    static final int MAX_PREFIX = 5;

    private JaroWinkler() {
    }

    /** The similarity as OFAC's tool computes it (see {@link #MAX_PREFIX}). */
    static double similarity(String a, String b) {
        return similarity(a, b, MAX_PREFIX);
    }

    /** Textbook Jaro-Winkler: a common prefix of up to four characters, each weighted 0.1 (the baseline others use). */
    public static double textbook(String a, String b) {
        return similarity(a, b, 4);
    }

    private static double similarity(String a, String b, int maxPrefix) {
        if (a.equals(b)) {
            return 1;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        return la <= Long.SIZE && lb <= Long.SIZE ? similarityShort(a, b, maxPrefix) : similarityLong(a, b, maxPrefix);
    }

    /**
     * Strings of at most 64 characters, nearly all of them: which characters matched is kept in two longs, so
     * that the comparison allocates nothing (the screening filter and the matcher run it millions of times).
     */
    private static double similarityShort(String a, String b, int maxPrefix) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        for (int i = 0; i < la; i++) {
            char ch = a.charAt(i);
            int end = Math.min(lb, i + window + 1);
            for (int j = Math.max(0, i - window); j < end; j++) {
                if ((matchedB & 1L << j) == 0 && b.charAt(j) == ch) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    break;
                }
            }
        }
        int matches = Long.bitCount(matchedA);
        int halfTranspositions = 0;
        // the k-th matched character of a against the k-th matched character of b
        for (long restA = matchedA, restB = matchedB; restA != 0; restA &= restA - 1, restB &= restB - 1) {
            if (a.charAt(Long.numberOfTrailingZeros(restA)) != b.charAt(Long.numberOfTrailingZeros(restB))) {
                halfTranspositions++;
            }
        }
        return withPrefix(a, b, matches, halfTranspositions, maxPrefix);
    }

    private static double similarityLong(String a, String b, int maxPrefix) {
        int la = a.length();
        int lb = b.length();
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            char ch = a.charAt(i);
            int end = Math.min(lb, i + window + 1);
            for (int j = Math.max(0, i - window); j < end; j++) {
                if (!matchedB[j] && b.charAt(j) == ch) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        int halfTranspositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return withPrefix(a, b, matches, halfTranspositions, maxPrefix);
    }

    /** Jaro from the matches and transpositions, then Winkler's bonus for the common prefix. */
    private static double withPrefix(String a, String b, int matches, int halfTranspositions, int prefixLimit) {
        if (matches == 0) {
            return 0;
        }
        int la = a.length();
        int lb = b.length();
        double m = matches;
        double jaro = (m / la + m / lb + (m - halfTranspositions / 2.0) / m) / 3;
        int prefix = 0;
        int maxPrefix = Math.min(prefixLimit, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
