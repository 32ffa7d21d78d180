package io.kycflow.screening;

import io.kycflow.matching.MatchConfidence;
import io.kycflow.matching.PreparedName;
import io.kycflow.matching.TokenSimilarity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listed names, and a way to find every name whose {@link MatchConfidence} against a query can reach a
 * threshold without scoring every name:
 * <ul>
 *   <li>A vocabulary holds every distinct listed part and every two adjacent parts written together, with the
 *       part's weight (its rarity over the listed entries), variant key and consonant key, and which names have
 *       it.</li>
 *   <li>Each query part is compared once with the vocabulary terms it can match at all ({@link TokenSimilarity}
 *       gives no other a similarity above 0): the parts starting with its first letter within the allowed edits,
 *       the parts whose variant key starts with its key's first letter within the allowed edits (length and
 *       shared-letter counts skip most before any edit distance is computed), and, for a query written in another
 *       script, the parts with its consonant key. Pairs written together match exactly or by variant key, so
 *       they are looked up, not scanned.</li>
 *   <li>Per name, the best evidence each query part finds among the name's terms bounds the matched evidence, the
 *       query parts that find nothing bound the query's unmatched penalty, and the weight the query can account
 *       for bounds how much of the name's own penalty it can cancel. Only names whose bound reaches the
 *       threshold are aligned exactly, with the similarities computed in the scan.</li>
 * </ul>
 * Scoring only the names returned gives exactly what scoring every name would; ScreeningEquivalenceTest holds the
 * two equal. Immutable; the per-query work arrays are per thread.
 */
final class NameIndex {

    /** Normalised tokens are ASCII letters and digits; other letters (untransliterated scripts) share no bucket. */
    private static final int ASCII = 128;
    /** Slack for the floating-point sums of the bound, far below one score point. */
    private static final double EPSILON = 1e-9;
    /** Query parts beyond this many are taken as matched by the bound (only loosening it). */
    private static final int MASKED_PARTS = 63;

    private final PreparedName[] names;
    /** Whether each name is a person's (its parts take a person's roles). */
    private final boolean[] person;
    /** How many listed entries the names belong to: the rarity of a part no entry has. */
    private final int entryCount;

    // vocabulary: terms [0, tokenTerms) are single tokens, [tokenTerms, terms) joined adjacent pairs; each sorted
    private final String[] terms;
    private final String[] termKeys;
    /** A token's rarity weight; a pair's, the most its two tokens weigh together in any name. */
    private final double[] termWeights;
    private final int tokenTerms;
    private final int[] termLength;
    private final LetterCounts termLetters;
    /** Per character c, where the tokens starting with c or a later character begin. */
    private final int[] tokenBucket;
    /** The terms ordered by variant key, tokens then pairs, with per-character buckets of the tokens as above. */
    private final int[] byKey;
    private final int[] tokenKeyBucket;
    private final int[] keyLength;
    private final LetterCounts keyLetters;
    /** The names having term t are postings[postingStart[t]..postingStart[t + 1]), ascending. */
    private final int[] postingStart;
    private final int[] postings;
    /** Name n's tokens are the terms nameTokens[nameTokenStart[n]..nameTokenStart[n + 1]), in natural order. */
    private final int[] nameTokenStart;
    private final int[] nameTokens;
    /** At the position of token j of a name: the term of tokens j and j + 1 written together (-1 for the last). */
    private final int[] namePairs;
    /** What leaving all of a name's parts unmatched costs: the sum of their penalties. */
    private final double[] namePenalty;
    /** The heaviest term: what an initial of the query can cancel of a name's penalty at most. */
    private final double heaviestTerm;
    /** The single tokens ordered by consonant key, and (once a query in Arabic or Hebrew script needs them) those keys. */
    private final int[] byConsonants;
    private volatile String[] consonants;

    private final ThreadLocal<Scratch> scratch;

    /** What the index stores (and a snapshot holds); everything else is derived from it. */
    private record Stored(PreparedName[] names, boolean[] person, int entryCount, String[] terms, int tokenTerms,
            String[] termKeys, double[] termWeights, int[] byKey, int[] byConsonants, int[] postingStart, int[] postings,
            int[] nameTokenStart, int[] nameTokens, int[] namePairs, double[] namePenalty, LetterCounts termLetters,
            LetterCounts keyLetters) {
    }

    private NameIndex(Stored stored) {
        names = stored.names();
        person = stored.person();
        entryCount = stored.entryCount();
        terms = stored.terms();
        tokenTerms = stored.tokenTerms();
        termKeys = stored.termKeys();
        termWeights = stored.termWeights();
        byKey = stored.byKey();
        byConsonants = stored.byConsonants();
        postingStart = stored.postingStart();
        postings = stored.postings();
        nameTokenStart = stored.nameTokenStart();
        nameTokens = stored.nameTokens();
        namePairs = stored.namePairs();
        namePenalty = stored.namePenalty();
        termLetters = stored.termLetters();
        keyLetters = stored.keyLetters();
        // cheap enough to derive at every load; the rest is stored, as computing it cost a cold JVM ~280 ms
        termLength = lengths(terms, null);
        tokenBucket = buckets(terms, null, 0, tokenTerms);
        tokenKeyBucket = buckets(termKeys, byKey, 0, tokenTerms);
        keyLength = lengths(termKeys, byKey);
        heaviestTerm = heaviest(termWeights, tokenTerms);
        scratch = ThreadLocal.withInitial(() -> new Scratch(names.length));
    }

    /**
     * Builds the index of prepared names.
     *
     * @param person    per name, whether it is a person's
     * @param nameEntry per name, the entry it belongs to (a part's rarity counts entries, not aliases)
     */
    static NameIndex build(PreparedName[] names, boolean[] person, int[] nameEntry) {
        int entryCount = nameEntry.length == 0 ? 0 : nameEntry[nameEntry.length - 1] + 1;
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
        int tokenTerms = tokens.size();
        int termCount = tokenTerms + pairs.size();
        String[] terms = new String[termCount];
        String[] sortedTokens = tokens.keySet().toArray(String[]::new);
        String[] sortedPairs = pairs.keySet().toArray(String[]::new);
        Arrays.sort(sortedTokens);
        Arrays.sort(sortedPairs);
        System.arraycopy(sortedTokens, 0, terms, 0, tokenTerms);
        System.arraycopy(sortedPairs, 0, terms, tokenTerms, sortedPairs.length);
        int[] postingStart = new int[termCount + 1];
        int total = 0;
        for (int t = 0; t < termCount; t++) {
            postingStart[t] = total;
            total += (t < tokenTerms ? tokens : pairs).get(terms[t]).size;
        }
        postingStart[termCount] = total;
        int[] postings = new int[total];
        double[] termWeights = new double[termCount];
        for (int t = 0; t < termCount; t++) {
            IntList list = (t < tokenTerms ? tokens : pairs).get(terms[t]);
            System.arraycopy(list.values, 0, postings, postingStart[t], list.size);
            int entriesWithTerm = 0;
            for (int i = 0; i < list.size; i++) {
                // names are grouped by entry, so a new entry shows as a change from the name before
                if (i == 0 || nameEntry[list.values[i]] != nameEntry[list.values[i - 1]]) {
                    entriesWithTerm++;
                }
            }
            if (t < tokenTerms) {
                termWeights[t] = MatchConfidence.rarity(entriesWithTerm, entryCount);
            }
        }
        int[] nameTokenStart = new int[names.length + 1];
        for (int n = 0; n < names.length; n++) {
            nameTokenStart[n + 1] = nameTokenStart[n] + names[n].tokens().size();
        }
        int[] nameTokens = new int[nameTokenStart[names.length]];
        for (int n = 0; n < names.length; n++) {
            List<String> parts = names[n].tokens();
            for (int i = 0; i < parts.size(); i++) {
                nameTokens[nameTokenStart[n] + i] = Arrays.binarySearch(terms, 0, tokenTerms, parts.get(i));
            }
        }
        int[] namePairs = pairTerms(terms, tokenTerms, nameTokenStart, nameTokens);
        for (int n = 0; n < names.length; n++) {
            for (int p = nameTokenStart[n]; p + 1 < nameTokenStart[n + 1]; p++) {
                int pair = namePairs[p];
                termWeights[pair] = Math.max(termWeights[pair], termWeights[nameTokens[p]] + termWeights[nameTokens[p + 1]]);
            }
        }
        String[] termKeys = new String[termCount];
        for (int t = 0; t < termCount; t++) {
            termKeys[t] = TokenSimilarity.variantKey(terms[t]);
        }
        int[] byKey = keyOrder(termKeys, tokenTerms);
        double[] namePenalty = new double[names.length];
        for (int n = 0; n < names.length; n++) {
            namePenalty[n] = MatchConfidence.Side.of(names[n], person[n],
                    weights(n, termWeights, nameTokenStart, nameTokens)).unmatchedPenalty(null);
        }
        // only single tokens are scanned, so only theirs are counted
        return new NameIndex(new Stored(names, person, entryCount, terms, tokenTerms, termKeys, termWeights, byKey,
                consonantOrder(termKeys, tokenTerms), postingStart, postings, nameTokenStart, nameTokens, namePairs,
                namePenalty, new LetterCounts(Arrays.copyOf(terms, tokenTerms)),
                new LetterCounts(ordered(termKeys, Arrays.copyOf(byKey, tokenTerms)))));
    }

    /** Reads an index written by {@link #write}, field by field in the same order. */
    static NameIndex read(ScreeningSnapshot.Input in, boolean[] person) throws IOException {
        int entryCount = in.count();
        String[] terms = in.stringArray();
        int tokenTerms = in.count();
        String[] termKeys = in.stringArray();
        double[] termWeights = in.doubles();
        int[] byKey = in.ints();
        int[] byConsonants = in.ints();
        int[] postingStart = in.ints();
        int[] postings = in.ints();
        String[] originals = in.stringArray();
        String[] written = in.stringArray();
        boolean[] transliterated = in.booleans();
        int[] surnameCounts = in.ints();
        int[] nameTokenStart = in.ints();
        int[] nameTokens = in.ints();
        int[] namePairs = in.ints();
        double[] namePenalty = in.doubles();
        LetterCounts termLetters = new LetterCounts(in);
        LetterCounts keyLetters = new LetterCounts(in);
        if (originals.length != person.length || nameTokenStart.length != person.length + 1) {
            throw new IOException("corrupted screening index snapshot: names and entries disagree");
        }
        PreparedName[] names = new PreparedName[originals.length];
        for (int n = 0; n < names.length; n++) {
            int count = nameTokenStart[n + 1] - nameTokenStart[n];
            String[] nameTokenText = new String[count];
            String[] nameKeys = new String[count];
            for (int i = 0; i < count; i++) {
                int term = nameTokens[nameTokenStart[n] + i];
                nameTokenText[i] = terms[term];
                nameKeys[i] = termKeys[term];
            }
            names[n] = PreparedName.restore(originals[n], nameTokenText, nameKeys, written[n], transliterated[n],
                    surnameCounts[n]);
        }
        return new NameIndex(new Stored(names, person, entryCount, terms, tokenTerms, termKeys, termWeights, byKey,
                byConsonants, postingStart, postings, nameTokenStart, nameTokens, namePairs, namePenalty, termLetters,
                keyLetters));
    }

    /** Writes the index for {@link #read}. */
    void write(ScreeningSnapshot.Output out) throws IOException {
        out.count(entryCount);
        out.strings(terms);
        out.count(tokenTerms);
        out.strings(termKeys);
        out.doubles(termWeights);
        out.ints(byKey);
        out.ints(byConsonants);
        out.ints(postingStart);
        out.ints(postings);
        String[] originals = new String[names.length];
        String[] written = new String[names.length];
        boolean[] transliterated = new boolean[names.length];
        int[] surnameCounts = new int[names.length];
        for (int n = 0; n < names.length; n++) {
            originals[n] = names[n].original();
            written[n] = names[n].asWritten();
            transliterated[n] = names[n].transliterated();
            surnameCounts[n] = names[n].surnameCount();
        }
        out.strings(originals);
        out.strings(written);
        out.booleans(transliterated);
        out.ints(surnameCounts);
        out.ints(nameTokenStart);
        out.ints(nameTokens);
        out.ints(namePairs);
        out.doubles(namePenalty);
        termLetters.write(out);
        keyLetters.write(out);
    }

    int size() {
        return names.length;
    }

    PreparedName name(int n) {
        return names[n];
    }

    /** A screened name made ready for {@link #candidates} and {@link #confidence}. */
    Query prepare(PreparedName screened, Boolean screenedPerson) {
        double[] weights = new double[screened.tokens().size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weightOf(screened.tokens().get(i), screened.keys().get(i));
        }
        MatchConfidence.Side asPerson = screenedPerson == Boolean.FALSE ? null
                : MatchConfidence.Side.of(screened, true, weights);
        MatchConfidence.Side asOther = screenedPerson == Boolean.TRUE ? null
                : MatchConfidence.Side.of(screened, false, weights);
        return new Query(screened, asPerson, asOther);
    }

    /**
     * A query part's weight: that of the listed part it equals, else of a listed part with its variant key (a
     * misspelling of a listed name is as common as the name), else that of a part no entry has.
     */
    private double weightOf(String token, String key) {
        int t = Arrays.binarySearch(terms, 0, tokenTerms, token);
        if (t >= 0) {
            return termWeights[t];
        }
        double best = -1;
        for (int at = firstKey(key, 0, tokenTerms); at < tokenTerms && termKeys[byKey[at]].equals(key); at++) {
            best = Math.max(best, termWeights[byKey[at]]);
        }
        return best >= 0 ? best : MatchConfidence.rarity(0, entryCount);
    }

    /**
     * A screened name, with its sides for each kind of listed name it may be compared with: a query of unknown
     * kind takes a person's roles against persons and an organisation's against the rest.
     */
    record Query(PreparedName name, MatchConfidence.Side asPerson, MatchConfidence.Side asOther) {
        MatchConfidence.Side sideFor(boolean listedPerson) {
            MatchConfidence.Side side = listedPerson ? asPerson : asOther;
            return side != null ? side : listedPerson ? asOther : asPerson;
        }
    }

    /**
     * The confidence (0-100) of a query against name n, with the similarities the last {@link #candidates} call on
     * this thread computed for the query (or computed now when {@code computed}).
     */
    int confidence(Query query, int n, boolean computed) {
        MatchConfidence.Side side = query.sideFor(person[n]);
        MatchConfidence.Side candidate = MatchConfidence.Side.of(names[n], person[n],
                weights(n, termWeights, nameTokenStart, nameTokens));
        return MatchConfidence.score(side, candidate, computed ? MatchConfidence.COMPUTED : scratch.get().lookup(n));
    }

    /** The weights of name n's parts, in order. */
    private static double[] weights(int n, double[] termWeights, int[] nameTokenStart, int[] nameTokens) {
        double[] weights = new double[nameTokenStart[n + 1] - nameTokenStart[n]];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = termWeights[nameTokens[nameTokenStart[n] + i]];
        }
        return weights;
    }

    /**
     * The ids, ascending, of every name whose confidence against {@code query} can be {@code minScore} or more (and
     * some that cannot: the bound is not tight). Leaves the query's similarities on this thread for
     * {@link #confidence}.
     */
    int[] candidates(Query query, int minScore) {
        Scratch work = scratch.get();
        work.clear();
        MatchConfidence.Side side = query.sideFor(true);
        int parts = side.size();
        if (minScore <= 0) {
            scan(query, work);
            return allNames();
        }
        // a score rounds 100 * ratio to the nearest integer
        double threshold = (minScore - 0.5) / 100 - EPSILON;
        scan(query, work);
        int initials = 0;
        for (int i = 0; i < parts; i++) {
            initials += side.initial(i) ? 1 : 0;
        }
        // per query part, the evidence and weight of its best term in each name, through its own row or a pair row
        for (int i = 0; i < parts; i++) {
            work.startPart();
            work.scatter(work.rows.get(i), postingStart, postings, termWeights);
            if (i > 0 && work.pairRow(i - 1) != null) {
                work.scatter(work.pairRow(i - 1), postingStart, postings, termWeights);
            }
            if (work.pairRow(i) != null) {
                work.scatter(work.pairRow(i), postingStart, postings, termWeights);
            }
            work.endPart(Math.min(i, MASKED_PARTS));
        }
        IntList out = new IntList();
        for (int x = 0; x < work.touchedNames.size; x++) {
            int n = work.touchedNames.values[x];
            MatchConfidence.Side own = query.sideFor(person[n]);
            double evidence = work.evidence[n] + initials * MatchConfidence.INITIAL_WEIGHT;
            // the parts found in no term of the name are unmatched whatever the alignment; the rest may be matched
            boolean[] mayMatch = work.mayMatch(parts);
            for (int i = 0; i < parts; i++) {
                mayMatch[i] = own.initial(i) || i >= MASKED_PARTS || (work.matched[n] & 1L << i) != 0;
            }
            double queryPenalty = own.unmatchedPenalty(mayMatch);
            double candidatePenalty = Math.max(0, namePenalty[n] - work.cancelled[n] - initials * heaviestTerm);
            if (evidence > 0 && evidence / (evidence + queryPenalty + candidatePenalty) >= threshold) {
                out.add(n);
            }
        }
        int[] candidates = Arrays.copyOf(out.values, out.size);
        Arrays.sort(candidates);
        return candidates;
    }

    /** Compares every query part and joined pair of parts with the vocabulary terms it can match. */
    private void scan(Query query, Scratch work) {
        PreparedName name = query.name();
        List<String> tokens = name.tokens();
        List<String> keys = name.keys();
        work.parts = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            Row row = work.row(i);
            String token = tokens.get(i);
            if (token.length() < 2) {
                // The bound counts an initial as INITIAL_WEIGHT of evidence in every name; the row only finds the
                // names with the same initial (K.A.S. as listed), with what an exact initial may weigh beyond that.
                int letter = Arrays.binarySearch(terms, 0, tokenTerms, token);
                if (letter >= 0) {
                    row.add(letter, Math.max(0, termWeights[letter] - MatchConfidence.INITIAL_WEIGHT));
                }
                continue;
            }
            String key = keys.get(i);
            scanSpelled(token, i, row, work);
            scanKeys(key, i, row, work);
            // listed pairs written together (ABUBAKR / ABU BAKR)
            lookUpJoined(token, key, tokenTerms, terms.length, i, row, work);
            if (name.vowelless()) {
                scanConsonants(TokenSimilarity.consonantKey(key), i, row, work);
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).length() >= 2 && tokens.get(i + 1).length() >= 2) {
                String joined = tokens.get(i) + tokens.get(i + 1);
                lookUpJoined(joined, TokenSimilarity.variantKey(joined), 0, tokenTerms, tokens.size() + i,
                        work.pairRow(i, true), work);
            }
        }
    }

    /**
     * Single tokens starting with the part's first letter within the allowed edits; single-letter tokens among them
     * are listed initials, matched by their letter.
     */
    private void scanSpelled(String part, int rowId, Row row, Scratch work) {
        int first = bucketOf(part);
        int length = part.length();
        int[] counts = work.counts(part);
        for (int t = tokenBucket[first]; t < tokenBucket[first + 1]; t++) {
            int termLen = termLength[t];
            if (termLen == 1) {
                row.add(t, Math.min(termWeights[t], MatchConfidence.INITIAL_WEIGHT));
                continue;
            }
            int longer = Math.max(length, termLen);
            int allowed = TokenSimilarity.allowedEdits(longer);
            if (Math.abs(length - termLen) > allowed || termLetters.common(t, counts) < longer - allowed) {
                continue;
            }
            double s = TokenSimilarity.spelled(part, terms[t]);
            if (s > 0) {
                work.plain(rowId, t, s);
                row.add(t, s * termWeights[t]);
            }
        }
    }

    /** Single tokens whose variant key starts with the part's key's first letter and is within the allowed edits. */
    private void scanKeys(String key, int rowId, Row row, Scratch work) {
        if (key.isEmpty()) {
            return;
        }
        int first = bucketOf(key);
        int length = key.length();
        int[] counts = work.counts(key);
        for (int at = tokenKeyBucket[first]; at < tokenKeyBucket[first + 1]; at++) {
            int t = byKey[at];
            int keyLen = keyLength[at];
            int longer = Math.max(length, keyLen);
            int allowed = TokenSimilarity.allowedEdits(longer);
            if (termLength[t] < 2 || Math.abs(length - keyLen) > allowed
                    || keyLetters.common(at, counts) < longer - allowed) {
                continue;
            }
            double s = TokenSimilarity.VARIANT_WEIGHT * TokenSimilarity.spelled(key, termKeys[t]);
            if (s > 0 && s > work.plain(rowId, t)) {
                work.plain(rowId, t, s);
                row.add(t, s * termWeights[t]);
            }
        }
    }

    /** Terms of [from, to) spelled as {@code text} or with its variant key, as {@link TokenSimilarity#joined}. */
    private void lookUpJoined(String text, String key, int from, int to, int rowId, Row row, Scratch work) {
        int exact = Arrays.binarySearch(terms, from, to, text);
        if (exact >= 0 && termLength[exact] >= 2) {
            work.plain(rowId, exact, 1);
            row.add(exact, termWeights[exact]);
        }
        for (int at = firstKey(key, from, to); at < to && termKeys[byKey[at]].equals(key); at++) {
            int t = byKey[at];
            if (t != exact && termLength[t] >= 2) {
                work.plain(rowId, t, TokenSimilarity.VARIANT_WEIGHT);
                row.add(t, TokenSimilarity.VARIANT_WEIGHT * termWeights[t]);
            }
        }
    }

    /** Single tokens with the part's consonant key, for a query written in another script. */
    private void scanConsonants(String key, int rowId, Row row, Scratch work) {
        if (key.length() < TokenSimilarity.MIN_CONSONANTS) {
            return;
        }
        String[] consonants = consonants();
        int at = Arrays.binarySearch(consonants, key);
        while (at > 0 && consonants[at - 1].equals(key)) {
            at--;
        }
        for (; at >= 0 && at < consonants.length && consonants[at].equals(key); at++) {
            int t = byConsonants[at];
            if (termLength[t] >= 2) {
                work.cross(rowId, t, TokenSimilarity.CROSS_SCRIPT);
                row.add(t, TokenSimilarity.CROSS_SCRIPT * termWeights[t]);
            }
        }
    }

    /** The consonant keys in {@link #byConsonants} order, made by the first query that needs them. */
    private String[] consonants() {
        String[] known = consonants;
        if (known == null) {
            known = consonantKeys(termKeys, byConsonants);
            consonants = known; // volatile: seen whole; a race computes it twice at worst
        }
        return known;
    }

    /** The first position in byKey's [from, to) whose term's variant key is not below {@code key}. */
    private int firstKey(String key, int from, int to) {
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (termKeys[byKey[mid]].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int bucketOf(String text) {
        char first = text.charAt(0);
        return first < ASCII ? first : ASCII - 1;
    }

    private int[] allNames() {
        int[] all = new int[names.length];
        Arrays.setAll(all, n -> n);
        return all;
    }

    private static double heaviest(double[] weights, int count) {
        double heaviest = 0;
        for (int t = 0; t < count; t++) {
            heaviest = Math.max(heaviest, weights[t]);
        }
        return heaviest;
    }

    /** Per token position of every name, the term of that token and the next written together; -1 at a name's end. */
    private static int[] pairTerms(String[] terms, int tokenTerms, int[] nameTokenStart, int[] nameTokens) {
        int[] pairs = new int[nameTokens.length];
        for (int n = 0; n + 1 < nameTokenStart.length; n++) {
            for (int p = nameTokenStart[n]; p < nameTokenStart[n + 1]; p++) {
                pairs[p] = p + 1 < nameTokenStart[n + 1]
                        ? Arrays.binarySearch(terms, tokenTerms, terms.length, terms[nameTokens[p]] + terms[nameTokens[p + 1]])
                        : -1;
            }
        }
        return pairs;
    }

    /** The terms of [0, tokenTerms) then of [tokenTerms, keys.length), each range sorted by variant key. */
    private static int[] keyOrder(String[] keys, int tokenTerms) {
        Integer[] order = new Integer[keys.length];
        Arrays.setAll(order, t -> t);
        Arrays.sort(order, 0, tokenTerms, (a, b) -> keys[a].compareTo(keys[b]));
        Arrays.sort(order, tokenTerms, keys.length, (a, b) -> keys[a].compareTo(keys[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** The single tokens, [0, tokenTerms), ordered by the consonant key of their variant key. */
    private static int[] consonantOrder(String[] keys, int tokenTerms) {
        String[] consonantKeys = new String[tokenTerms];
        Integer[] order = new Integer[tokenTerms];
        for (int t = 0; t < tokenTerms; t++) {
            consonantKeys[t] = TokenSimilarity.consonantKey(keys[t]);
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> consonantKeys[a].compareTo(consonantKeys[b]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static String[] consonantKeys(String[] keys, int[] order) {
        String[] out = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = TokenSimilarity.consonantKey(keys[order[i]]);
        }
        return out;
    }

    private static String[] ordered(String[] strings, int[] order) {
        String[] out = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = strings[order[i]];
        }
        return out;
    }

    private static int[] lengths(String[] strings, int[] order) {
        int[] lengths = new int[order == null ? strings.length : order.length];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = strings[order == null ? i : order[i]].length();
        }
        return lengths;
    }

    /**
     * For each character (as an index), the first position in {@code [from, to)} of a string starting with it or a
     * later one; the strings are in {@code order} when given. Characters beyond ASCII share the last bucket.
     */
    private static int[] buckets(String[] strings, int[] order, int from, int to) {
        int[] start = new int[ASCII + 1];
        int at = from;
        for (int c = 0; c < ASCII; c++) {
            while (at < to && Math.min(strings[order == null ? at : order[at]].charAt(0), ASCII - 1) < c) {
                at++;
            }
            start[c] = at;
        }
        start[ASCII] = to;
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

    /** The terms one query part (or joined pair) matches, each with the evidence it would give. */
    private static final class Row {
        final IntList terms = new IntList();
        double[] evidence = new double[4];

        void clear() {
            terms.size = 0;
        }

        void add(int term, double value) {
            if (terms.size == evidence.length) {
                evidence = Arrays.copyOf(evidence, evidence.length * 2);
            }
            evidence[terms.size] = value;
            terms.add(term);
        }
    }

    /** Per-thread work: the query's rows and similarities, and per-name sums, left cleared for the next query. */
    private final class Scratch {
        final double[] evidence;
        final double[] cancelled;
        final long[] matched;
        final double[] partEvidence;
        final double[] partWeight;
        final boolean[] touched;
        final IntList touchedNames = new IntList();
        final IntList partNames = new IntList();
        final List<Row> rows = new ArrayList<>();
        final List<Row> pairRows = new ArrayList<>();
        /** Which pair rows the current query uses. */
        final java.util.BitSet pairUsed = new java.util.BitSet();
        /** How many parts the current query has: its pair rows come after them. */
        int parts;
        final SimilarityMap plain = new SimilarityMap();
        final SimilarityMap crossScript = new SimilarityMap();
        final int[] letterCounts = new int[LetterCounts.SLOT_COUNT];
        private boolean[] mayMatch = new boolean[8];

        /** A reused array of at least {@code parts} flags. */
        boolean[] mayMatch(int parts) {
            if (mayMatch.length < parts) {
                mayMatch = new boolean[parts];
            }
            return mayMatch;
        }

        Scratch(int names) {
            evidence = new double[names];
            cancelled = new double[names];
            matched = new long[names];
            partEvidence = new double[names];
            partWeight = new double[names];
            touched = new boolean[names];
        }

        int[] counts(String text) {
            Arrays.fill(letterCounts, 0);
            for (int i = 0; i < text.length(); i++) {
                letterCounts[LetterCounts.slot(text.charAt(i))]++;
            }
            return letterCounts;
        }

        Row row(int i) {
            while (rows.size() <= i) {
                rows.add(new Row());
            }
            return rows.get(i);
        }

        /** The row of query parts i and i + 1 joined, made when {@code create}; else null when the query has none. */
        Row pairRow(int i, boolean create) {
            while (pairRows.size() <= i) {
                pairRows.add(new Row());
            }
            if (create) {
                pairUsed.set(i);
            }
            return pairRows.get(i);
        }

        Row pairRow(int i) {
            return pairUsed.get(i) ? pairRows.get(i) : null;
        }

        double plain(int row, int term) {
            return plain.get(key(row, term));
        }

        void plain(int row, int term, double s) {
            plain.put(key(row, term), s);
        }

        void cross(int row, int term, double s) {
            crossScript.put(key(row, term), s);
        }

        private long key(int row, int term) {
            return (long) row * terms.length + term;
        }

        void startPart() {
            partNames.size = 0;
        }

        /** Raises each name's best evidence and weight for the current query part to those of the row's terms. */
        void scatter(Row row, int[] postingStart, int[] postings, double[] weights) {
            for (int i = 0; i < row.terms.size; i++) {
                int term = row.terms.values[i];
                double value = row.evidence[i];
                double weight = weights[term];
                for (int p = postingStart[term]; p < postingStart[term + 1]; p++) {
                    int n = postings[p];
                    if (partWeight[n] == 0) {
                        partNames.add(n);
                    }
                    partEvidence[n] = Math.max(partEvidence[n], value);
                    partWeight[n] = Math.max(partWeight[n], weight);
                }
            }
        }

        /** Adds the current part's bests to the names' sums and marks the part matched in them. */
        void endPart(int part) {
            for (int i = 0; i < partNames.size; i++) {
                int n = partNames.values[i];
                evidence[n] += partEvidence[n];
                cancelled[n] += partWeight[n];
                matched[n] |= 1L << part;
                partEvidence[n] = 0;
                partWeight[n] = 0;
                if (!touched[n]) {
                    touched[n] = true;
                    touchedNames.add(n);
                }
            }
        }

        /** The similarities of this query, looked up for name n. */
        MatchConfidence.Similarities lookup(int n) {
            int tokenFrom = nameTokenStart[n];
            return new MatchConfidence.Similarities() {
                @Override
                public double single(MatchConfidence.Side query, int qi, MatchConfidence.Side candidate, int cj) {
                    int term = nameTokens[tokenFrom + cj];
                    double s = plain.get(key(qi, term));
                    return MatchConfidence.crossScript(query, candidate) ? Math.max(s, crossScript.get(key(qi, term))) : s;
                }

                @Override
                public double queryPair(MatchConfidence.Side query, int qi, MatchConfidence.Side candidate, int cj) {
                    return plain.get(key(parts + qi, nameTokens[tokenFrom + cj]));
                }

                @Override
                public double candidatePair(MatchConfidence.Side query, int qi, MatchConfidence.Side candidate, int cj) {
                    return plain.get(key(qi, namePairs[tokenFrom + cj]));
                }
            };
        }

        void clear() {
            for (int i = 0; i < touchedNames.size; i++) {
                int n = touchedNames.values[i];
                evidence[n] = 0;
                cancelled[n] = 0;
                matched[n] = 0;
                touched[n] = false;
            }
            touchedNames.size = 0;
            rows.forEach(Row::clear);
            pairRows.forEach(Row::clear);
            pairUsed.clear();
            plain.clear();
            crossScript.clear();
        }
    }
}
