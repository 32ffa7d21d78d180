package io.kycflow.matching;

/**
 * Scores how well a screened (query) name matches a listed (candidate) name, 0-100, in the way OFAC's Sanctions
 * List Search tool does (FAQ 249): the higher of two techniques,
 * <ul>
 *   <li>whole name: Jaro-Winkler of the query against the candidate as written, a hyphen joining two parts
 *       kept (AL-QAEDA is 100 against AL QAEDA by its parts, but as a whole further from AL QAIDA than
 *       AL QAEDA is);</li>
 *   <li>name parts: each query part takes its best Jaro-Winkler against the candidate's parts, and the score is
 *       the mean over the query's parts. So word order and extra candidate parts (middle names, patronymics)
 *       do not count against a match, while every query part that finds nothing pulls the score down.</li>
 * </ul>
 * Calibrated on OFAC's own results: a part only matches a part with the same first letter (OFAC finds
 * candidates by first letter), more than half its length or less than twice it (OFAC's 50% edit-distance
 * filter), and only when the spellings are at least 70% alike; parts of one or two letters (initials, "AL",
 * "UN") are left out of the mean when the query has longer parts; Jaro-Winkler's prefix bonus counts up to five
 * characters (see {@link JaroWinkler}). On top of OFAC, for names OFAC would miss: a part may also match a
 * candidate part with the same consonant skeleton when either name was transliterated from a non-Latin script
 * (transliteration variants such as FLADYMYR/VLADIMIR from Arabic); between Latin spellings an initial W and V
 * count as the same letter (German/Polish WLADIMIR, VLADIMIR); and two adjacent parts may match one written
 * together (ABU BAKR / ABUBAKR). The skeleton is not used between two Latin-script names: there it matched
 * unrelated names (GEORGE BUSH / GROUPE FLEURETTE) that OFAC's tool scores low.
 *
 * <p>The score is directional: the query is the name being screened. Stateless and thread-safe.
 */
public final class NameMatcher {

    /** A part matched only through its consonant skeleton scores this fraction of the skeletons' similarity. */
    static final double SKELETON_WEIGHT = 0.9;
    /** Skeletons less alike than this do not count at all. */
    static final double SKELETON_MIN = 0.85;
    /** A part spelled less alike than this to every candidate part counts as not found (0), as in OFAC's tool. */
    static final double PART_MIN = 0.7;
    /** Parts at most this long are left out of the mean when longer parts exist. */
    static final int SHORT_PART = 2;

    /** Scores two raw names; normalises both, so prefer {@link #score(PreparedName, PreparedName)} in loops. */
    public int score(String query, String candidate) {
        return score(PreparedName.of(query), PreparedName.of(candidate));
    }

    /** Scores a prepared query against a prepared candidate, 0 (nothing alike) to 100 (same name). */
    public int score(PreparedName query, PreparedName candidate) {
        String[] q = query.tokenArray();
        String[] c = candidate.tokenArray();
        if (q.length == 0 || c.length == 0) {
            return 0;
        }
        double whole = JaroWinkler.similarity(query.asWritten(), candidate.asWritten());
        double parts = partsScore(query, candidate, query.transliterated() || candidate.transliterated());
        return (int) Math.round(100 * Math.max(whole, parts));
    }

    private static double partsScore(PreparedName query, PreparedName candidate, boolean sounded) {
        String[] q = query.tokenArray();
        String[] qs = query.skeletonArray();
        double[] best = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            best[i] = bestPart(q[i], qs[i], candidate, sounded);
        }
        // "ABU BAKR" against ABUBAKR: the joined pair's score stands for both parts
        PreparedName.Pairs pairs = query.pairs();
        for (int i = 0; i + 1 < q.length; i++) {
            double pair = bestPart(pairs.joined()[i], pairs.skeletons()[i], candidate, sounded);
            if (pair > best[i] && pair > best[i + 1]) {
                best[i] = pair;
                best[i + 1] = pair;
            }
        }
        boolean hasLongPart = false;
        for (String part : q) {
            hasLongPart |= part.length() > SHORT_PART;
        }
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < q.length; i++) {
            if (!hasLongPart || q[i].length() > SHORT_PART) {
                sum += best[i];
                counted++;
            }
        }
        return sum / counted;
    }

    /** The best score of one query part against the candidate's parts and adjacent pairs of them. */
    private static double bestPart(String part, String skeleton, PreparedName candidate, boolean sounded) {
        String[] c = candidate.tokenArray();
        String[] cs = candidate.skeletonArray();
        double best = 0;
        for (int j = 0; j < c.length && best < 1; j++) {
            best = Math.max(best, partSimilarity(part, skeleton, c[j], cs[j], sounded));
            if (j + 1 < c.length && c[j].charAt(0) == part.charAt(0)
                    && part.length() >= c[j].length() + c[j + 1].length() - 1) {
                // "ABUBAKR" against ABU BAKR
                PreparedName.Pairs pairs = candidate.pairs();
                best = Math.max(best, partSimilarity(part, skeleton, pairs.joined()[j], pairs.skeletons()[j], sounded));
            }
        }
        return best;
    }

    static double partSimilarity(String a, String aSkeleton, String b, String bSkeleton, boolean sounded) {
        if (a.equals(b)) {
            return 1;
        }
        // OFAC compares spellings only when the first letters agree, and only of parts that can be at least half
        // alike by edit distance: a part twice as long as another or more (PUTINPUTIN / PUTIN) is not compared
        double spelled = a.charAt(0) == b.charAt(0) && comparableLengths(a, b) ? JaroWinkler.similarity(a, b) : 0;
        if (spelled < PART_MIN) {
            // a weak resemblance (BUSH / BOUTROS) is no match of that part; OFAC counts it as not found
            spelled = 0;
        }
        if (spelled == 0 && isWv(a.charAt(0)) && isWv(b.charAt(0)) && comparableLengths(a, b)) {
            // German, Polish and Dutch write W for the V of other languages (WLADIMIR, VLADIMIR): compare the
            // spellings as if the first letters agreed
            spelled = JaroWinkler.similarity(b.charAt(0) + a.substring(1), b);
        }
        if (!sounded || aSkeleton.isEmpty() || bSkeleton.isEmpty()) {
            return spelled;
        }
        // a near-identical skeleton means another transliteration of the same name
        double skeletons = JaroWinkler.similarity(aSkeleton, bSkeleton);
        return Math.max(spelled, skeletons >= SKELETON_MIN ? SKELETON_WEIGHT * skeletons : 0);
    }

    /**
     * Whether the shorter part is more than half as long as the longer one. OFAC only considers strings at least 50%
     * alike by edit distance (FAQ 249); the length difference alone is a lower bound of that distance, and OFAC's
     * scores show the pair is dropped at exactly half (PUTINPUTIN scores 84 against PUTIN, Vladimir and 88 against
     * PUTINA, Yekaterina: their whole names, not the parts' 92 and 89). Checking only the lengths keeps it free.
     */
    private static boolean comparableLengths(String a, String b) {
        return comparableLengths(a.length(), b.length());
    }

    static boolean comparableLengths(int a, int b) {
        return 2 * Math.min(a, b) > Math.max(a, b);
    }

    private static boolean isWv(char c) {
        return c == 'W' || c == 'V';
    }
}
