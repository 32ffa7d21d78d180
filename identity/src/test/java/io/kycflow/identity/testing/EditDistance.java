package io.kycflow.identity.testing;

/**
 * Levenshtein distance: the character errors (substitutions, insertions, deletions) between what a reader read
 * and what was printed. OCR tests and the MRZ OCR benchmark count errors with it.
 */
public final class EditDistance {
    private EditDistance() {
    }

    /** The fewest single-character edits that turn {@code expected} into {@code actual}. */
    public static int between(String expected, String actual) {
        int[] previous = new int[actual.length() + 1];
        int[] current = new int[actual.length() + 1];
        for (int j = 0; j <= actual.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= expected.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= actual.length(); j++) {
                int substitution = previous[j - 1] + (expected.charAt(i - 1) == actual.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[actual.length()];
    }
}
