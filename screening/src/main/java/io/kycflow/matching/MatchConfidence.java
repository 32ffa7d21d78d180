package io.kycflow.matching;

import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The match decision: how confident (0-100) the screening is that a screened name is the listed one, from the
 * evidence every part of both names gives. Where the OFAC-compatible {@link NameMatcher} asks "does each part of
 * the query resemble some part of the listed name", this asks "do the two names account for each other":
 * <ul>
 *   <li>The parts are aligned one to one (greedily, the most alike first, then the heaviest; word order does not
 *       matter), a part matching another when {@link TokenSimilarity} says they are the same name, an initial
 *       matching a part with its first letter, and two adjacent parts matching one written together (ABU BAKR /
 *       ABUBAKR).</li>
 *   <li>Every part weighs by its rarity over the listed names ({@link #rarity}): sharing MOHAMMED, ALI or GARCIA
 *       says little, sharing a rare surname says much. A matched pair counts its listed part's weight times their
 *       similarity; an initial counts at most {@link #INITIAL_WEIGHT}.</li>
 *   <li>A part left unmatched counts against the match with its own weight times its role's factor: a given name or
 *       surname fully (GEORGE BUSH is not GEORGE HABBASH: both surnames are unaccounted for), a middle name
 *       ({@link #MIDDLE_FACTOR}) and a particle such as AL, BIN or VAN, or an organisation's legal form such as LLC
 *       or GMBH CO KG ({@link #PARTICLE_FACTOR}), little, so a dropped middle name or patronymic costs a few
 *       points; of several unmatched middle names only the heaviest counts fully, each other one a third. For a
 *       person the surname is what "LAST, First" puts first, else the last part; the given name is the first.</li>
 * </ul>
 * The confidence is the matched evidence over all evidence: {@code sum(similarity * weight) / (sum(weight) +
 * unmatched penalties)}, times 100 and rounded; 0 when no whole part matched (initials standing for parts are no
 * evidence), unless both names are the same initials. Identical names score 100; names
 * sharing one common part and differing in the rest score well under 50.
 *
 * <p>Stateless and thread-safe.
 */
public final class MatchConfidence {

    /** An initial matched to a part that starts with it counts at most this much evidence. */
    public static final double INITIAL_WEIGHT = 1.0;
    /** The unmatched rest of a part that only its initial matched counts against the match this much. */
    public static final double INITIAL_RESIDUAL = 0.2;
    /** An unmatched middle name counts against the match with this fraction of its weight. */
    public static final double MIDDLE_FACTOR = 0.3;
    /** Each unmatched middle name after the heaviest counts this fraction of what it would alone. */
    public static final double FURTHER_MIDDLE = 1.0 / 3;
    /** An unmatched particle (AL, BIN, DE, VAN...) counts against the match with this fraction of its weight. */
    public static final double PARTICLE_FACTOR = 0.1;
    /** The lowest weight a part can have, however common. */
    public static final double MIN_WEIGHT = 0.5;

    /** Particles: articles, prepositions and kinship words that join name parts in many languages. */
    private static final Set<String> PARTICLES = Set.of("AL", "EL", "UL", "UD", "AD", "AS", "AT", "AZ", "AN", "ASH",
            "BIN", "BEN", "IBN", "BINT", "BINTI", "BA", "ABU", "ABOU", "UMM", "OULD", "WAD", "DE", "DEL", "DELA", "DEGLI",
            "DELLA", "DA", "DI", "DO", "DOS", "DAS", "DU", "DES", "LA", "LE", "LOS", "LAS", "VAN", "VON", "DER", "DEN",
            "TER", "TEN", "Y", "E", "ZU", "ST", "SAN", "SANTA");

    /** What a part is within its name; decides how much it costs when left unmatched. */
    public enum Role {
        /** The first part of a person's name. */
        GIVEN(1.0),
        /** A part between the given name and the surname. */
        MIDDLE(MIDDLE_FACTOR),
        /** The family name: the part(s) before the comma of "LAST, First", else the last part. */
        SURNAME(1.0),
        /** The only part of a one-part name. */
        ONLY(1.0),
        /** A part of an organisation's, vessel's or aircraft's name: all count alike. */
        OTHER(1.0),
        /** A particle ({@link #PARTICLES}), whatever its position. */
        PARTICLE(PARTICLE_FACTOR),
        /** The legal form at the end of an organisation's name (LLC, S A, GMBH CO KG). */
        LEGAL_FORM(PARTICLE_FACTOR);

        private final double factor;

        Role(double factor) {
            this.factor = factor;
        }

        /** The fraction of the part's weight that counts against a match it is left out of. */
        public double factor() {
            return factor;
        }
    }

    private MatchConfidence() {
    }

    /**
     * A part's weight from how many of {@code entries} listed entries have it: the log of how much rarer than
     * "every entry" it is, between {@link #MIN_WEIGHT} and that of a part no entry has.
     */
    public static double rarity(int entriesWithPart, int entries) {
        return Math.max(MIN_WEIGHT, Math.log1p((double) entries / (1 + entriesWithPart)));
    }

    /** The roles of a name's parts, in token order. */
    public static Role[] roles(String[] tokens, int surnameCount, boolean person) {
        Role[] roles = new Role[tokens.length];
        int n = tokens.length;
        int surnameFrom = surnameCount > 0 && surnameCount < n ? n - surnameCount : n - 1;
        int legalFrom = person ? n : n - NameNormalizer.trailingLegalForms(java.util.Arrays.asList(tokens), 0);
        for (int i = 0; i < n; i++) {
            if (i >= legalFrom) {
                roles[i] = Role.LEGAL_FORM;
            } else if (PARTICLES.contains(tokens[i]) && n > 1) {
                roles[i] = Role.PARTICLE;
            } else if (!person) {
                roles[i] = Role.OTHER;
            } else if (n == 1) {
                roles[i] = Role.ONLY;
            } else if (i == 0) {
                roles[i] = Role.GIVEN;
            } else {
                roles[i] = i >= surnameFrom ? Role.SURNAME : Role.MIDDLE;
            }
        }
        return roles;
    }

    /**
     * One name, ready to be compared: its parts with their variant keys, weights and what leaving each
     * unmatched costs.
     *
     * @param penalties per part, its weight times its role's factor (a particle's weight is at most 1)
     */
    public record Side(String[] tokens, String[] keys, double[] weights, double[] penalties, boolean[] middle,
            boolean transliterated, boolean vowelless) {

        /** The side of a prepared name, each part weighing what {@code weightOf} says. */
        public static Side of(PreparedName name, boolean person, ToDoubleFunction<String> weightOf) {
            String[] tokens = name.tokenArray();
            double[] weights = new double[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                weights[i] = weightOf.applyAsDouble(tokens[i]);
            }
            return of(name, person, weights);
        }

        /** The side of a prepared name with the given part weights. */
        public static Side of(PreparedName name, boolean person, double[] weights) {
            String[] tokens = name.tokenArray();
            Role[] roles = roles(tokens, name.surnameCount(), person);
            double[] penalties = new double[tokens.length];
            boolean[] middle = new boolean[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                boolean minor = roles[i] == Role.PARTICLE || roles[i] == Role.LEGAL_FORM;
                penalties[i] = (minor ? Math.min(weights[i], 1) : weights[i]) * roles[i].factor();
                middle[i] = roles[i] == Role.MIDDLE;
            }
            return new Side(tokens, name.keyArray(), weights, penalties, middle, name.transliterated(),
                    name.vowelless());
        }

        /** What the parts not {@code used} cost: their penalties, every middle name but the heaviest reduced. */
        public double unmatchedPenalty(boolean[] used) {
            double total = 0;
            double middles = 0;
            double heaviestMiddle = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (used != null && used[i]) {
                    continue;
                }
                if (middle[i]) {
                    middles += penalties[i];
                    heaviestMiddle = Math.max(heaviestMiddle, penalties[i]);
                } else {
                    total += penalties[i];
                }
            }
            return total + heaviestMiddle + FURTHER_MIDDLE * (middles - heaviestMiddle);
        }

        public int size() {
            return tokens.length;
        }

        /** Whether part i is an initial. */
        public boolean initial(int i) {
            return tokens[i].length() == 1;
        }
    }

    /**
     * The similarities of a query's parts to a candidate's: computed from the strings here, or looked up where an
     * index computed them once per query. Parts compare by consonants only when the query was written in a script
     * without vowels (Arabic, Hebrew) and the candidate in Latin letters (every listed entry has a name in Latin
     * letters; a Latin query compared with a listed original-script name by consonants alone, or a Cyrillic one
     * whose vowels are known, would find namesakes everywhere). Pairs (two adjacent
     * parts written together) compare as {@link TokenSimilarity#joined}.
     */
    public interface Similarities {
        /** Part qi of the query against part cj of the candidate, both at least two characters long. */
        double single(Side query, int qi, Side candidate, int cj);

        /** Query parts qi and qi + 1 written together against candidate part cj. */
        double queryPair(Side query, int qi, Side candidate, int cj);

        /** Query part qi against candidate parts cj and cj + 1 written together. */
        double candidatePair(Side query, int qi, Side candidate, int cj);
    }

    /** Similarities computed from the parts' strings. */
    public static final Similarities COMPUTED = new Similarities() {
        @Override
        public double single(Side query, int qi, Side candidate, int cj) {
            return TokenSimilarity.similarity(query.tokens[qi], query.keys[qi], candidate.tokens[cj], candidate.keys[cj],
                    crossScript(query, candidate));
        }

        @Override
        public double queryPair(Side query, int qi, Side candidate, int cj) {
            return joined(query.tokens[qi] + query.tokens[qi + 1], candidate.tokens[cj]);
        }

        @Override
        public double candidatePair(Side query, int qi, Side candidate, int cj) {
            return joined(query.tokens[qi], candidate.tokens[cj] + candidate.tokens[cj + 1]);
        }

        private static double joined(String a, String b) {
            return TokenSimilarity.joined(a, Phonetics.variantKey(a), b, Phonetics.variantKey(b));
        }
    };

    /** Whether parts of these two names may compare across scripts (see {@link Similarities}). */
    public static boolean crossScript(Side query, Side candidate) {
        return query.vowelless && !candidate.transliterated;
    }

    /** The confidence, 0-100, that {@code query} names the same party as {@code candidate}. */
    public static int score(Side query, Side candidate, Similarities similarities) {
        return (int) Math.round(100 * ratio(query, candidate, similarities));
    }

    /** The confidence as a fraction, before rounding. */
    public static double ratio(Side query, Side candidate, Similarities similarities) {
        int k = query.size();
        int m = candidate.size();
        if (k == 0 || m == 0) {
            return 0;
        }
        Edges edges = new Edges(k * m + Math.max(0, k - 1) * m + k * Math.max(0, m - 1));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                addSingle(edges, query, i, candidate, j, similarities);
            }
        }
        for (int i = 0; i + 1 < k; i++) {
            for (int j = 0; j < m; j++) {
                double s = candidate.initial(j) ? 0 : similarities.queryPair(query, i, candidate, j);
                if (s > 0) {
                    edges.add(i, 2, j, 1, s, candidate.weights[j], 0, 0);
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j + 1 < m; j++) {
                double s = query.initial(i) ? 0 : similarities.candidatePair(query, i, candidate, j);
                if (s > 0) {
                    edges.add(i, 1, j, 2, s, candidate.weights[j] + candidate.weights[j + 1], 0, 0);
                }
            }
        }
        return edges.align(query, candidate);
    }

    private static void addSingle(Edges edges, Side query, int i, Side candidate, int j, Similarities similarities) {
        String q = query.tokens[i];
        String c = candidate.tokens[j];
        boolean qInitial = q.length() == 1;
        boolean cInitial = c.length() == 1;
        if (qInitial || cInitial) {
            if (q.charAt(0) != c.charAt(0)) {
                return;
            }
            if (qInitial && cInitial) {
                edges.add(i, 1, j, 1, 1, candidate.weights[j], 0, 0);
            } else if (qInitial) {
                // V. against VLADIMIR: some evidence, and the rest of VLADIMIR stays unconfirmed
                double weight = Math.min(candidate.weights[j], INITIAL_WEIGHT);
                edges.add(i, 1, j, 1, 1, weight, 0, INITIAL_RESIDUAL * (candidate.penalties[j]
                        - Math.min(candidate.penalties[j], weight)));
            } else {
                double weight = Math.min(candidate.weights[j], INITIAL_WEIGHT);
                edges.add(i, 1, j, 1, 1, weight, INITIAL_RESIDUAL * (query.penalties[i]
                        - Math.min(query.penalties[i], weight)), 0);
            }
            return;
        }
        double s = similarities.single(query, i, candidate, j);
        if (s > 0) {
            edges.add(i, 1, j, 1, s, candidate.weights[j], 0, 0);
        }
    }

    /** Candidate alignments of query parts to candidate parts, and the greedy choice among them. */
    private static final class Edges {
        final int[] queryStart;
        final int[] querySpan;
        final int[] candidateStart;
        final int[] candidateSpan;
        final double[] similarity;
        final double[] weight;
        final double[] queryResidual;
        final double[] candidateResidual;
        final boolean[] candidateInitial;
        int size;

        Edges(int capacity) {
            queryStart = new int[capacity];
            querySpan = new int[capacity];
            candidateStart = new int[capacity];
            candidateSpan = new int[capacity];
            similarity = new double[capacity];
            weight = new double[capacity];
            queryResidual = new double[capacity];
            candidateResidual = new double[capacity];
            candidateInitial = new boolean[capacity];
        }

        void add(int qi, int qSpan, int cj, int cSpan, double s, double w, double qResidual, double cResidual) {
            queryStart[size] = qi;
            querySpan[size] = qSpan;
            candidateStart[size] = cj;
            candidateSpan[size] = cSpan;
            similarity[size] = s;
            weight[size] = w;
            queryResidual[size] = qResidual;
            candidateResidual[size] = cResidual;
            candidateInitial[size] = false;
            size++;
        }

        /** Takes edges strongest first while their parts are free; the ratio of matched to all evidence. */
        double align(Side query, Side candidate) {
            for (int e = 0; e < size; e++) {
                candidateInitial[e] = candidateSpan[e] == 1 && candidate.initial(candidateStart[e]);
            }
            Integer[] order = new Integer[size];
            for (int e = 0; e < size; e++) {
                order[e] = e;
            }
            // whole parts before initials (the A of S.A. must not take ARROCREA from ARROCERA), then the most alike
            // (an exact match before a variant of a heavier part), then the heaviest; ties keep the order edges were
            // added in (single parts, then pairs)
            java.util.Arrays.sort(order, (a, b) -> initial(query, a) != initial(query, b) ? initial(query, a) ? 1 : -1
                    : similarity[a] != similarity[b] ? Double.compare(similarity[b], similarity[a])
                    : Double.compare(weight[b], weight[a]));
            boolean[] queryUsed = new boolean[query.size()];
            boolean[] candidateUsed = new boolean[candidate.size()];
            double matched = 0;
            double total = 0;
            boolean wholeParts = false;
            boolean initialForPart = false;
            int taken = 0;
            for (int e : order) {
                if (free(queryUsed, queryStart[e], querySpan[e]) && free(candidateUsed, candidateStart[e], candidateSpan[e])) {
                    take(queryUsed, queryStart[e], querySpan[e]);
                    take(candidateUsed, candidateStart[e], candidateSpan[e]);
                    matched += similarity[e] * weight[e];
                    total += weight[e] + queryResidual[e] + candidateResidual[e];
                    boolean queryInitial = query.initial(queryStart[e]);
                    wholeParts |= !queryInitial && !candidateInitial[e];
                    initialForPart |= queryInitial != candidateInitial[e];
                    taken += querySpan[e] + candidateSpan[e];
                }
            }
            if (!wholeParts && (initialForPart || taken < query.size() + candidate.size())) {
                // initials standing for parts (M. A. against MOHAMMED ALI) are no evidence that the names are the
                // same; only a name of initials written exactly as listed (K.A.S.) is
                return 0;
            }
            total += query.unmatchedPenalty(queryUsed) + candidate.unmatchedPenalty(candidateUsed);
            return total <= 0 ? 0 : matched / total;
        }

        /** Whether edge e matches an initial, on either side. */
        private boolean initial(Side query, int e) {
            return query.initial(queryStart[e]) || candidateInitial[e];
        }

        private static boolean free(boolean[] used, int from, int span) {
            for (int i = from; i < from + span; i++) {
                if (used[i]) {
                    return false;
                }
            }
            return true;
        }

        private static void take(boolean[] used, int from, int span) {
            for (int i = from; i < from + span; i++) {
                used[i] = true;
            }
        }
    }
}
