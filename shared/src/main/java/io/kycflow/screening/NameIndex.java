package io.kycflow.screening;

import io.kycflow.matching.PreparedName;
import io.kycflow.matching.ScoreBounds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, without scoring every listed name, every name whose {@link io.kycflow.matching.NameMatcher} score
 * against a query can reach a threshold, by bounding both halves of the matcher's score from above:
 * <ul>
 *   <li>name parts: a vocabulary holds every distinct listed token and every pair of adjacent tokens written
 *       together, sorted so that the terms with one first letter are a contiguous bucket. A query part can only
 *       score against a term in its first letter's bucket (W and V share), a joined pair at most one letter longer
 *       than itself, or, where transliteration is involved, a term with a near-identical consonant skeleton.
 *       Each name takes, per counted query part, the best score of its terms, or of a joined query pair that
 *       includes the part (ABU BAKR / ABUBAKR); the sum bounds the matcher's parts mean times the number of
 *       counted parts. This runs twice: first with a cheap bound of each term's score (shared characters and
 *       common prefix bound Jaro-Winkler) over every term, then, for the names that pass, with the exact term
 *       scores, each computed once per query.</li>
 *   <li>whole name: Jaro-Winkler of the names as written is bounded by the characters they share (a per-name
 *       character histogram) and their common prefix; where that bound passes, the similarity itself decides.</li>
 * </ul>
 * Scoring only the names returned gives exactly what scoring every name would; ScreeningEquivalenceTest holds
 * the two equal. Immutable; the per-query work arrays are per thread.
 */
final class NameIndex {

    /** Normalised tokens are ASCII letters and digits. */
    private static final int ASCII = 128;
    /** Slack for the floating-point sums of the bound, far below one score point. */
    private static final double EPSILON = 1e-9;

    private final PreparedName[] names;

    // vocabulary: terms [0, tokenTerms) are single tokens, [tokenTerms, terms) joined adjacent pairs; each sorted
    private final String[] terms;
    private final String[] termSkeletons;
    /** Whether a transliterated name has the term, which lets skeletons match it even for a Latin query. */
    private final boolean[] termSounded;
    private final int tokenTerms;
    /** Per character c, where the tokens (then the pairs) starting with c or a later character begin. */
    private final int[] tokenBucket;
    private final int[] pairBucket;
    private final LetterCounts termLetters;
    private final int[] termLength;
    private final long[] termPrefix;
    /** The terms of name n (its tokens and joined adjacent pairs) are nameTerms[nameTermStart[n]..nameTermStart[n + 1]). */
    private final int[] nameTermStart;
    private final int[] nameTerms;
    private final LetterCounts termSkeletonLetters;
    private final int[] postingStart;
    private final int[] postings;

    // distinct skeletons of single tokens, with the tokens having each
    private final String[] skeletons;
    private final boolean[] skeletonSounded;
    private final int[] skeletonStart;
    private final int[] skeletonTerms;
    private final LetterCounts skeletonLetters;
    /** The skeletons' lengths and packed prefixes, so that the loop over every skeleton reads no String. */
    private final int[] skeletonLength;
    private final long[] skeletonPrefix;

    // whole name as written: per character, per name, how often it occurs; lengths; the first four characters
    private final short[][] charCounts;
    private final int[] writtenLength;
    private final long[] writtenPrefix;
    private final int longestWritten;

    private final ThreadLocal<Scratch> scratch;

    NameIndex(PreparedName[] names) {
        this.names = names;
        Map<String, IntList> tokens = new HashMap<>();
        Map<String, IntList> pairs = new HashMap<>();
        for (int n = 0; n < names.length; n++) {
            List<String> parts = names[n].tokens();
            for (int i = 0; i < parts.size(); i++) {
                tokens.computeIfAbsent(parts.get(i), k -> new IntList()).addOnce(n);
                if (i + 1 < parts.size()) {
                    pairs.computeIfAbsent(parts.get(i) + parts.get(i + 1), k -> new IntList()).addOnce(n);
                }
            }
        }
        tokenTerms = tokens.size();
        int termCount = tokenTerms + pairs.size();
        terms = new String[termCount];
        termSkeletons = new String[termCount];
        termSounded = new boolean[termCount];
        postingStart = new int[termCount + 1];
        // sorted, so that the terms with one first letter are one bucket
        String[] sortedTokens = tokens.keySet().toArray(String[]::new);
        String[] sortedPairs = pairs.keySet().toArray(String[]::new);
        Arrays.sort(sortedTokens);
        Arrays.sort(sortedPairs);
        System.arraycopy(sortedTokens, 0, terms, 0, tokenTerms);
        System.arraycopy(sortedPairs, 0, terms, tokenTerms, sortedPairs.length);
        List<IntList> lists = new ArrayList<>(termCount);
        for (int t = 0; t < termCount; t++) {
            lists.add((t < tokenTerms ? tokens : pairs).get(terms[t]));
        }
        int t;
        int total = 0;
        for (t = 0; t < termCount; t++) {
            termSkeletons[t] = ScoreBounds.skeleton(terms[t]);
            postingStart[t] = total;
            total += lists.get(t).size;
        }
        postingStart[termCount] = total;
        postings = new int[total];
        for (t = 0; t < termCount; t++) {
            IntList list = lists.get(t);
            System.arraycopy(list.values, 0, postings, postingStart[t], list.size);
            for (int i = 0; i < list.size; i++) {
                termSounded[t] |= names[list.values[i]].transliterated();
            }
        }
        termLetters = new LetterCounts(terms);
        termLength = lengths(terms);
        termPrefix = prefixes(terms);
        nameTermStart = new int[names.length + 1];
        for (t = 0; t < termCount; t++) {
            for (int p = postingStart[t]; p < postingStart[t + 1]; p++) {
                nameTermStart[postings[p] + 1]++;
            }
        }
        Arrays.parallelPrefix(nameTermStart, Integer::sum);
        nameTerms = nameTerms(postingStart, postings, nameTermStart);
        termSkeletonLetters = new LetterCounts(termSkeletons);
        tokenBucket = buckets(0, tokenTerms);
        pairBucket = buckets(tokenTerms, termCount);

        Map<String, IntList> bySkeleton = new HashMap<>();
        for (t = 0; t < tokenTerms; t++) {
            if (!termSkeletons[t].isEmpty()) {
                bySkeleton.computeIfAbsent(termSkeletons[t], k -> new IntList()).add(t);
            }
        }
        skeletons = bySkeleton.keySet().toArray(String[]::new);
        Arrays.sort(skeletons);
        skeletonSounded = new boolean[skeletons.length];
        skeletonStart = new int[skeletons.length + 1];
        skeletonTerms = new int[tokenTerms];
        int at = 0;
        for (int k = 0; k < skeletons.length; k++) {
            IntList withSkeleton = bySkeleton.get(skeletons[k]);
            skeletonStart[k] = at;
            for (int i = 0; i < withSkeleton.size; i++) {
                skeletonTerms[at++] = withSkeleton.values[i];
                skeletonSounded[k] |= termSounded[withSkeleton.values[i]];
            }
        }
        skeletonStart[skeletons.length] = at;
        skeletonLetters = new LetterCounts(skeletons);
        skeletonLength = lengths(skeletons);
        skeletonPrefix = prefixes(skeletons);

        String[] written = new String[names.length];
        Arrays.setAll(written, n -> names[n].asWritten());
        charCounts = charCounts(written);
        writtenLength = lengths(written);
        writtenPrefix = prefixes(written);
        longestWritten = Arrays.stream(writtenLength).max().orElse(0);
        scratch = ThreadLocal.withInitial(() -> new Scratch(names.length));
    }

    /** Reads an index written by {@link #write}, field by field in the same order. */
    NameIndex(ScreeningSnapshot.Input in) throws IOException {
        terms = in.stringArray();
        termSkeletons = in.stringArray();
        termSounded = in.booleans();
        tokenTerms = in.count();
        tokenBucket = buckets(0, tokenTerms);
        pairBucket = buckets(tokenTerms, terms.length);
        termLetters = new LetterCounts(in);
        termLength = lengths(terms);
        termPrefix = prefixes(terms);
        nameTermStart = in.ints();
        termSkeletonLetters = new LetterCounts(in);
        postingStart = in.ints();
        postings = in.ints();
        nameTerms = nameTerms(postingStart, postings, nameTermStart);
        skeletons = in.stringArray();
        skeletonSounded = in.booleans();
        skeletonStart = in.ints();
        skeletonTerms = in.ints();
        skeletonLetters = new LetterCounts(in);
        skeletonLength = lengths(skeletons);
        skeletonPrefix = prefixes(skeletons);
        // each name's tokens as single-token terms, whose strings and skeletons the names then share
        String[] originals = in.stringArray();
        String[] written = in.stringArray();
        boolean[] transliterated = in.booleans();
        int[] tokenStart = in.ints();
        int[] tokens = in.ints();
        names = new PreparedName[originals.length];
        for (int n = 0; n < names.length; n++) {
            int count = tokenStart[n + 1] - tokenStart[n];
            String[] nameTokens = new String[count];
            String[] nameSkeletons = new String[count];
            for (int i = 0; i < count; i++) {
                int term = tokens[tokenStart[n] + i];
                nameTokens[i] = terms[term];
                nameSkeletons[i] = termSkeletons[term];
            }
            names[n] = PreparedName.restore(originals[n], nameTokens, nameSkeletons, written[n], transliterated[n]);
        }
        // cheaper to count again than to store and inflate: most of these counts are 0
        charCounts = charCounts(written);
        writtenLength = lengths(written);
        writtenPrefix = prefixes(written);
        longestWritten = Arrays.stream(writtenLength).max().orElse(0);
        scratch = ThreadLocal.withInitial(() -> new Scratch(names.length));
    }

    /** Writes the index for {@link #NameIndex(ScreeningSnapshot.Input)}. */
    void write(ScreeningSnapshot.Output out) throws IOException {
        out.strings(terms);
        out.strings(termSkeletons);
        out.booleans(termSounded);
        out.count(tokenTerms);
        termLetters.write(out);
        out.ints(nameTermStart);
        termSkeletonLetters.write(out);
        out.ints(postingStart);
        out.ints(postings);
        out.strings(skeletons);
        out.booleans(skeletonSounded);
        out.ints(skeletonStart);
        out.ints(skeletonTerms);
        skeletonLetters.write(out);
        String[] originals = new String[names.length];
        String[] written = new String[names.length];
        boolean[] transliterated = new boolean[names.length];
        int[] tokenStart = new int[names.length + 1];
        IntList tokens = new IntList();
        for (int n = 0; n < names.length; n++) {
            originals[n] = names[n].original();
            written[n] = names[n].asWritten();
            transliterated[n] = names[n].transliterated();
            for (String token : names[n].tokens()) {
                tokens.add(Arrays.binarySearch(terms, 0, tokenTerms, token));
            }
            tokenStart[n + 1] = tokens.size;
        }
        out.strings(originals);
        out.strings(written);
        out.booleans(transliterated);
        out.ints(tokenStart);
        out.ints(Arrays.copyOf(tokens.values, tokens.size));
    }

    int size() {
        return names.length;
    }

    PreparedName name(int n) {
        return names[n];
    }

    /**
     * The ids, ascending, of every name whose score against {@code screened} can be {@code minScore} or more
     * (and a few that cannot: the bound is not tight).
     */
    int[] candidates(PreparedName screened, int minScore) {
        String[] parts = screened.tokens().toArray(String[]::new);
        if (minScore <= 0) {
            return allNames();
        }
        if (parts.length == 0) {
            return new int[0]; // the matcher scores an empty name 0 against anything
        }
        // NameMatcher rounds 100 * similarity to the nearest integer
        double threshold = (minScore - 0.5) / 100 - EPSILON;
        Scratch work = scratch.get();
        QueryParts query = new QueryParts(screened);
        boolean hasLongPart = false;
        for (String part : parts) {
            hasLongPart |= part.length() > ScoreBounds.SHORT_PART;
        }
        // per counted part, the query parts that may stand for it: itself and the joined pairs that include it
        List<int[]> countedRows = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (!hasLongPart || parts[i].length() > ScoreBounds.SHORT_PART) {
                countedRows.add(i == 0 ? (parts.length > 1 ? new int[] {0, query.pair(0)} : new int[] {0})
                        : i + 1 < parts.length ? new int[] {i, query.pair(i - 1), query.pair(i)}
                        : new int[] {i, query.pair(i - 1)});
            }
        }
        // first a cheap bound from every vocabulary term each query part can score against
        TermScores[] termScores = work.termRows(query.size());
        for (int row = 0; row < query.size(); row++) {
            termScores(query.part(row), query.skeleton(row), query.transliterated, termScores[row]);
        }
        for (int[] rows : countedRows) {
            work.startRow();
            for (int row : rows) {
                work.scatter(termScores[row], postingStart, postings);
            }
            work.endRow();
        }
        work.prepareExactScores(termScores, terms.length);
        double[] partsSum = work.partsSum;
        double partsNeeded = threshold * countedRows.size();
        String written = screened.asWritten();
        int[] common = wholeNameCommonCharacters(written, work.common);
        long prefix = prefix(written);
        int[][] commonNeeded = commonCharactersNeeded(written.length(), threshold);
        IntList out = new IntList();
        for (int n = 0; n < names.length; n++) {
            // each check only where the cheaper one before it passes
            if (partsSum[n] >= partsNeeded && exactPartsBound(n, query, countedRows, work) >= partsNeeded
                    || common[n] >= commonNeeded[commonPrefix(prefix, writtenPrefix[n])][writtenLength[n]]
                    && ScoreBounds.jaroWinkler(written, names[n].asWritten()) >= threshold) {
                out.add(n);
            }
        }
        work.clear();
        return Arrays.copyOf(out.values, out.size);
    }

    /**
     * The sum over the counted query parts of each one's best exact score against the name's terms (or of a
     * joined query pair that includes it): the matcher's parts score times the number of counted parts, or more.
     */
    private double exactPartsBound(int name, QueryParts query, List<int[]> countedRows, Scratch work) {
        double sum = 0;
        for (int[] rows : countedRows) {
            double best = 0;
            for (int row : rows) {
                for (int i = nameTermStart[name]; i < nameTermStart[name + 1]; i++) {
                    best = Math.max(best, exactScore(query, row, nameTerms[i], work));
                }
            }
            sum += best;
        }
        return sum;
    }

    /** A query part's exact score against a term, computed once per query and only where the bound is not 0. */
    private double exactScore(QueryParts query, int row, int term, Scratch work) {
        int at = row * terms.length + term;
        float known = work.exactScores[at];
        if (!Float.isNaN(known)) {
            return known;
        }
        String part = query.part(row);
        boolean pairCounts = term < tokenTerms
                || terms[term].charAt(0) == part.charAt(0) && terms[term].length() <= part.length() + 1;
        double score = pairCounts ? score(part, query.skeleton(row), term, query.transliterated || termSounded[term]) : 0;
        // stored as a float rounded up, so that it stays a bound
        work.exactScores[at] = Math.nextUp((float) score);
        return work.exactScores[at];
    }

    /** The query's parts, then each two adjacent parts joined, with their skeletons. */
    private static final class QueryParts {
        final String[] parts;
        final String[] skeletons;
        final int singles;
        final boolean transliterated;

        QueryParts(PreparedName query) {
            List<String> tokens = query.tokens();
            singles = tokens.size();
            parts = new String[2 * singles - 1];
            skeletons = new String[parts.length];
            for (int i = 0; i < singles; i++) {
                parts[i] = tokens.get(i);
                skeletons[i] = query.skeletons().get(i);
                if (i + 1 < singles) {
                    parts[singles + i] = tokens.get(i) + tokens.get(i + 1);
                    skeletons[singles + i] = ScoreBounds.skeleton(parts[singles + i]);
                }
            }
            transliterated = query.transliterated();
        }

        int size() {
            return parts.length;
        }

        /** The row of parts i and i + 1 joined. */
        int pair(int i) {
            return singles + i;
        }

        String part(int row) {
            return parts[row];
        }

        String skeleton(int row) {
            return skeletons[row];
        }
    }

    /**
     * Per common prefix (0 to the prefix bonus length) and listed name length, how many characters a listed name must share with the
     * screened one for the Jaro-Winkler bound to reach the threshold, so that the loop over every name compares
     * integers.
     */
    private int[][] commonCharactersNeeded(int length, double threshold) {
        int[][] needed = new int[ScoreBounds.MAX_PREFIX + 1][longestWritten + 1];
        for (int prefix = 0; prefix <= ScoreBounds.MAX_PREFIX; prefix++) {
            // the bound grows with the common characters: start below the closed-form solution and step up
            double jaro = prefix == 0 ? threshold : (threshold - 0.1 * prefix) / (1 - 0.1 * prefix);
            for (int other = 1; other <= longestWritten; other++) {
                int most = Math.min(length, other);
                int common = Math.max(1, (int) ((3 * jaro - 1) / (1.0 / length + 1.0 / other)) - 1);
                while (common <= most && ScoreBounds.jaroWinklerUpperBound(common, length, other, prefix) < threshold) {
                    common++;
                }
                needed[prefix][other] = common; // above most: no name of that length can reach the threshold
            }
        }
        return needed;
    }

    private int[] allNames() {
        int[] all = new int[names.length];
        Arrays.setAll(all, n -> n);
        return all;
    }

    /** Every vocabulary term a query part scores above 0 against, with the score. */
    private void termScores(String part, String skeleton, boolean queryTransliterated, TermScores out) {
        char first = part.charAt(0);
        if (first >= ASCII) {
            return;
        }
        Spelling spelling = new Spelling(part);
        int[] skeletonCounts = LetterCounts.counts(skeleton);
        if (first == 'W' || first == 'V') {
            // the matcher compares an initial W and V as one letter, and there without the 0.7 cut-off
            scoreEveryToken(part, skeleton, queryTransliterated, 'W', out);
            scoreEveryToken(part, skeleton, queryTransliterated, 'V', out);
        } else {
            // the spelling's bound stands for the score; skeleton matches of single tokens are added below
            for (int t = tokenBucket[first]; t < tokenBucket[first + 1]; t++) {
                out.addIfScored(t, spelledUpperBound(spelling, t));
            }
        }
        // joined candidate pairs count only with the same first letter and at most one letter longer
        for (int t = pairBucket[first]; t < pairBucket[first + 1]; t++) {
            if (termLength[t] <= part.length() + 1) {
                double bound = spelledUpperBound(spelling, t);
                if (queryTransliterated || termSounded[t]) {
                    bound = Math.max(bound, skeletonScore(skeletonUpperBound(skeleton, skeletonCounts, t)));
                }
                out.addIfScored(t, bound);
            }
        }
        if (skeleton.isEmpty()) {
            return;
        }
        // another transliteration of the part may start with any letter but has a near-identical skeleton
        long packedSkeleton = prefix(skeleton);
        for (int k = 0; k < skeletons.length; k++) {
            if ((queryTransliterated || skeletonSounded[k])
                    && ScoreBounds.jaroWinklerUpperBound(skeletonLetters.common(k, skeletonCounts), skeleton.length(),
                            skeletonLength[k], commonPrefix(packedSkeleton, skeletonPrefix[k])) >= ScoreBounds.SKELETON_MIN) {
                // the skeleton's share of each term's score, exactly; the spelled share is bounded in the buckets above
                double score = skeletonScore(ScoreBounds.jaroWinkler(skeleton, skeletons[k]));
                for (int i = skeletonStart[k]; score > 0 && i < skeletonStart[k + 1]; i++) {
                    int t = skeletonTerms[i];
                    if (queryTransliterated || termSounded[t]) {
                        out.addIfScored(t, score);
                    }
                }
            }
        }
    }

    private void scoreEveryToken(String part, String skeleton, boolean queryTransliterated, char first, TermScores out) {
        for (int t = tokenBucket[first]; t < tokenBucket[first + 1]; t++) {
            out.addIfScored(t, score(part, skeleton, t, queryTransliterated || termSounded[t]));
        }
    }

    private double score(String part, String skeleton, int term, boolean sounded) {
        return ScoreBounds.partSimilarity(part, skeleton, terms[term], termSkeletons[term], sounded);
    }

    /**
     * An upper bound of a part's spelled score against a term with the same first letter (its Jaro-Winkler
     * similarity where that reaches the matcher's cut-off, else 0); much cheaper than the score.
     */
    private double spelledUpperBound(Spelling part, int term) {
        // from arrays, not the term's String: this runs for every term in a bucket
        if (!ScoreBounds.spellingsCompared(part.length, termLength[term])) {
            return 0;
        }
        double bound = ScoreBounds.jaroWinklerUpperBound(termLetters.common(term, part.counts), part.length,
                termLength[term], commonPrefix(part.prefix, termPrefix[term]));
        // the matcher's cut-off does not apply between an initial W or V and another
        return bound >= ScoreBounds.PART_MIN || part.wv && isWv(terms[term].charAt(0)) ? bound : 0;
    }

    /** What a skeleton similarity (or an upper bound of one) gives a part in the matcher. */
    private static double skeletonScore(double similarity) {
        return similarity >= ScoreBounds.SKELETON_MIN ? ScoreBounds.SKELETON_WEIGHT * similarity : 0;
    }

    /** A query part's spelling in the forms the bound needs. */
    private record Spelling(int length, long prefix, int[] counts, boolean wv) {
        Spelling(String part) {
            this(part.length(), NameIndex.prefix(part), LetterCounts.counts(part), isWv(part.charAt(0)));
        }
    }

    private static boolean isWv(char c) {
        return c == 'W' || c == 'V';
    }

    /** An upper bound of the Jaro-Winkler similarity of a part's skeleton and a term's. */
    private double skeletonUpperBound(String skeleton, int[] skeletonCounts, int term) {
        return ScoreBounds.jaroWinklerUpperBound(termSkeletonLetters.common(term, skeletonCounts), skeleton.length(),
                termSkeletons[term].length(), commonPrefix(skeleton, termSkeletons[term]));
    }

    /** How many leading characters two strings share, up to the four Jaro-Winkler rewards. */
    private static int commonPrefix(String a, String b) {
        int max = Math.min(ScoreBounds.MAX_PREFIX, Math.min(a.length(), b.length()));
        int same = 0;
        while (same < max && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        return same;
    }

    /** Per name, how many characters its written form shares with the query's, counted with multiplicity. */
    private int[] wholeNameCommonCharacters(String written, int[] common) {
        Arrays.fill(common, 0);
        int[] queryCounts = LetterCounts.counts(written);
        for (int c = 0; c < queryCounts.length; c++) {
            int wanted = queryCounts[c];
            if (wanted > 0) {
                short[] counts = charCounts[c];
                for (int n = 0; n < counts.length; n++) {
                    common[n] += Math.min(wanted, counts[n]);
                }
            }
        }
        return common;
    }

    /** Bits per packed prefix character: five characters fit a long. */
    private static final int PACK_BITS = 12;
    private static final long PACK_MASK = (1L << PACK_BITS) - 1;

    /**
     * The first {@link ScoreBounds#MAX_PREFIX} characters packed into a long, 12 bits each. Characters that differ
     * only above 12 bits pack alike: that can only lengthen a common prefix, so bounds stay bounds.
     */
    private static long prefix(String written) {
        long packed = 0;
        for (int i = 0; i < ScoreBounds.MAX_PREFIX; i++) {
            packed = packed << PACK_BITS | (i < written.length() ? written.charAt(i) & PACK_MASK : 0);
        }
        return packed;
    }

    /** How many leading characters two packed prefixes share, at most the bonus length; padding ends a prefix. */
    private static int commonPrefix(long a, long b) {
        int length = ScoreBounds.MAX_PREFIX;
        int same = 0;
        while (same < length) {
            int shift = PACK_BITS * (length - 1 - same);
            long ca = a >>> shift & PACK_MASK;
            if (ca != (b >>> shift & PACK_MASK) || ca == 0) {
                break;
            }
            same++;
        }
        return same;
    }

    private static int[] lengths(String[] strings) {
        int[] lengths = new int[strings.length];
        for (int i = 0; i < strings.length; i++) {
            lengths[i] = strings[i].length();
        }
        return lengths;
    }

    private static long[] prefixes(String[] strings) {
        long[] prefixes = new long[strings.length];
        for (int i = 0; i < strings.length; i++) {
            prefixes[i] = prefix(strings[i]);
        }
        return prefixes;
    }

    /** Per character slot, per name, how often the slot's character occurs in the name as written. */
    private static short[][] charCounts(String[] written) {
        short[][] counts = new short[LetterCounts.SLOT_COUNT][written.length];
        for (int n = 0; n < written.length; n++) {
            for (int i = 0; i < written[n].length(); i++) {
                counts[LetterCounts.slot(written[n].charAt(i))][n]++;
            }
        }
        return counts;
    }

    /** The postings turned around: per name, its terms, where nameTermStart says. */
    private static int[] nameTerms(int[] postingStart, int[] postings, int[] nameTermStart) {
        int[] nameTerms = new int[postings.length];
        int[] filled = Arrays.copyOf(nameTermStart, nameTermStart.length - 1);
        for (int t = 0; t + 1 < postingStart.length; t++) {
            for (int p = postingStart[t]; p < postingStart[t + 1]; p++) {
                nameTerms[filled[postings[p]]++] = t;
            }
        }
        return nameTerms;
    }

    /** For each character (as an index), the first position in {@code [from, to)} of a term starting with it or a later one. */
    private int[] buckets(int from, int to) {
        int[] start = new int[ASCII + 1];
        int t = from;
        for (int c = 0; c < start.length; c++) {
            while (t < to && terms[t].charAt(0) < c) {
                t++;
            }
            start[c] = t;
        }
        return start;
    }

    /** A growable int array. */
    static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        /** Adds a value unless it is the last one added (names are added in ascending order). */
        void addOnce(int value) {
            if (size == 0 || values[size - 1] != value) {
                add(value);
            }
        }
    }

    /** Terms and the score a query part gets against each. */
    private static final class TermScores {
        final IntList terms = new IntList();
        double[] scores = new double[4];

        void clear() {
            terms.size = 0;
        }

        void addIfScored(int term, double score) {
            if (score > 0) {
                if (terms.size == scores.length) {
                    scores = Arrays.copyOf(scores, scores.length * 2);
                }
                scores[terms.size] = score;
                terms.add(term);
            }
        }
    }

    /** Per-thread work arrays, sized to the index and left zeroed after every query. */
    private static final class Scratch {
        final double[] partsSum;
        final double[] rowBest;
        final int[] common;
        final boolean[] touched;
        final IntList touchedNames = new IntList();
        final IntList rowNames = new IntList();
        /**
         * Per query part and term, the exact score: 0 where the cheap bound is 0 already, NaN where it is to be
         * computed when first needed; scored lists the ones to reset.
         */
        float[] exactScores = new float[0];
        final IntList scored = new IntList();
        /** The term scores of each query part, kept between queries so that their arrays are grown once. */
        private final List<TermScores> termRows = new ArrayList<>();

        Scratch(int names) {
            partsSum = new double[names];
            rowBest = new double[names];
            common = new int[names];
            touched = new boolean[names];
        }

        /** {@code count} emptied term score lists, one per query part. */
        TermScores[] termRows(int count) {
            TermScores[] rows = new TermScores[count];
            for (int row = 0; row < count; row++) {
                if (row == termRows.size()) {
                    termRows.add(new TermScores());
                }
                rows[row] = termRows.get(row);
                rows[row].clear();
            }
            return rows;
        }

        void startRow() {
            rowNames.size = 0;
        }

        /** Raises each name's best for the current query part to the scores of the terms it has. */
        void scatter(TermScores scores, int[] postingStart, int[] postings) {
            for (int i = 0; i < scores.terms.size; i++) {
                int term = scores.terms.values[i];
                double score = scores.scores[i];
                for (int p = postingStart[term]; p < postingStart[term + 1]; p++) {
                    int n = postings[p];
                    if (rowBest[n] == 0) {
                        rowNames.add(n);
                    }
                    if (score > rowBest[n]) {
                        rowBest[n] = score;
                    }
                }
            }
        }

        /** Adds the current part's bests to the names' sums. */
        void endRow() {
            for (int i = 0; i < rowNames.size; i++) {
                int n = rowNames.values[i];
                partsSum[n] += rowBest[n];
                rowBest[n] = 0;
                if (!touched[n]) {
                    touched[n] = true;
                    touchedNames.add(n);
                }
            }
        }

        void prepareExactScores(TermScores[] rows, int terms) {
            if (exactScores.length < rows.length * terms) {
                exactScores = new float[rows.length * terms];
            }
            for (int row = 0; row < rows.length; row++) {
                for (int i = 0; i < rows[row].terms.size; i++) {
                    int at = row * terms + rows[row].terms.values[i];
                    exactScores[at] = Float.NaN;
                    scored.add(at);
                }
            }
        }

        void clear() {
            for (int i = 0; i < scored.size; i++) {
                exactScores[scored.values[i]] = 0;
            }
            scored.size = 0;
            for (int i = 0; i < touchedNames.size; i++) {
                int n = touchedNames.values[i];
                partsSum[n] = 0;
                touched[n] = false;
            }
            touchedNames.size = 0;
        }
    }
}
