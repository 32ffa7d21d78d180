package io.kycflow.matching;

/**
 * The pieces {@link NameMatcher}'s score is built from, for an index that must find every name that can reach a
 * score without scoring every name. They delegate to the matcher's own code, so a bound built from them stays a
 * bound when the scoring is tuned.
 */
public final class ScoreBounds {

    /** Query parts at most this long are left out of the parts mean when the query has longer parts. */
    public static final int SHORT_PART = NameMatcher.SHORT_PART;
    /** A part spelled less alike than this (Jaro-Winkler) to a candidate part scores 0 against it. */
    public static final double PART_MIN = NameMatcher.PART_MIN;
    /** Consonant skeletons less alike than this (Jaro-Winkler) give a part no score through its skeleton. */
    public static final double SKELETON_MIN = NameMatcher.SKELETON_MIN;
    /** A part matched only through its skeleton scores this fraction of the skeletons' similarity. */
    public static final double SKELETON_WEIGHT = NameMatcher.SKELETON_WEIGHT;

    /** Jaro-Winkler's prefix bonus: up to this many leading characters... */
    public static final int MAX_PREFIX = JaroWinkler.MAX_PREFIX;
    /** ...each weighted this much, as in {@link JaroWinkler}. */
    private static final double PREFIX_WEIGHT = 0.1;

    private ScoreBounds() {
    }

    /**
     * The score (0-1) one query part gets against one candidate part (or two adjacent candidate parts written
     * together), exactly as {@link NameMatcher} computes it.
     *
     * @param sounded whether either whole name was transliterated, which lets consonant skeletons match
     */
    public static double partSimilarity(String part, String partSkeleton, String candidate, String candidateSkeleton,
            boolean sounded) {
        return NameMatcher.partSimilarity(part, partSkeleton, candidate, candidateSkeleton, sounded);
    }

    /**
     * Whether the matcher compares the spellings of two parts of these lengths at all: otherwise their spelled
     * score is 0 (only their skeletons can match).
     */
    public static boolean spellingsCompared(int lengthA, int lengthB) {
        return NameMatcher.comparableLengths(lengthA, lengthB);
    }

    /** Jaro-Winkler similarity as the matcher uses it. */
    public static double jaroWinkler(String a, String b) {
        return JaroWinkler.similarity(a, b);
    }

    /** The consonant skeleton of a normalised token. */
    public static String skeleton(String token) {
        return Phonetics.skeleton(token);
    }

    /**
     * An upper bound of {@link #jaroWinkler} for two strings of the given lengths that have at most
     * {@code commonCharacters} characters in common (counted with multiplicity, ignoring positions) and exactly
     * {@code commonPrefix} equal leading characters: Jaro's matches cannot exceed the common characters and its
     * transposition term cannot exceed 1, and the prefix bonus grows with Jaro.
     */
    public static double jaroWinklerUpperBound(int commonCharacters, int lengthA, int lengthB, int commonPrefix) {
        if (commonCharacters == 0 || lengthA == 0 || lengthB == 0) {
            return 0;
        }
        double jaro = Math.min(1, ((double) commonCharacters / lengthA + (double) commonCharacters / lengthB + 1) / 3);
        int prefix = Math.min(commonPrefix, MAX_PREFIX);
        return jaro + prefix * PREFIX_WEIGHT * (1 - jaro);
    }
}
