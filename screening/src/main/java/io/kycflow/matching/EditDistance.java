package io.kycflow.matching;

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form (insertions, deletions, substitutions and
 * transpositions of two adjacent characters, each 1), computed only up to a bound: the screening compares a query
 * part with thousands of listed parts and only cares whether they are at most one or two edits apart.
 */
final class EditDistance {

    /** Tokens longer than this are compared by equality only (no listed name part comes near it). */
    private static final int MAX_LENGTH = 63;

    private EditDistance() {
    }

    /**
     * The distance between {@code a} and {@code b} when it is at most {@code max}, else {@code max + 1}. Allocates
     * three rows of the shorter string's length.
     */
    static int bounded(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        if (la > MAX_LENGTH || lb > MAX_LENGTH) {
            return a.equals(b) ? 0 : max + 1;
        }
        int[] before = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                // every later row is at least this row's minimum
                return max + 1;
            }
            int[] oldest = before;
            before = previous;
            previous = current;
            current = oldest;
        }
        return Math.min(previous[lb], max + 1);
    }
}
