package io.kycflow.matching;

import java.util.List;

/**
 * A name normalised once and ready to be scored many times: list names are prepared when the index is built,
 * the screened name once per screening, so {@link NameMatcher#score(PreparedName, PreparedName)} does no
 * string normalisation.
 */
public final class PreparedName {

    private static final NameNormalizer NORMALIZER = new NameNormalizer();

    private final String original;
    private final String[] tokens;
    /** Computed when first needed (a restored listed name needs them only for a hit's OFAC-compatible score). */
    private volatile String[] skeletons;
    private final String[] keys;
    private final String asWritten;
    private final boolean transliterated;
    /** Computed when first needed: only a screened name's is ever asked for. */
    private volatile Boolean vowelless;
    private final int surnameCount;
    /** Set when first needed: most listed names never need theirs. */
    private Pairs pairs;

    private PreparedName(String original, String[] tokens, String[] skeletons, String[] keys, String asWritten,
            boolean transliterated, int surnameCount) {
        this.original = original;
        this.tokens = tokens;
        this.skeletons = skeletons;
        this.keys = keys;
        this.asWritten = asWritten;
        this.transliterated = transliterated;
        this.surnameCount = surnameCount;
    }

    /** Prepares a name whose kind is not known. */
    public static PreparedName of(String name) {
        return of(name, NameKind.UNKNOWN);
    }

    /** Prepares a name of the given kind. */
    public static PreparedName of(String name, NameKind kind) {
        NormalizedName normalized = NORMALIZER.normalize(name, kind);
        String[] tokens = normalized.tokens().toArray(String[]::new);
        String[] skeletons = new String[tokens.length];
        String[] keys = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            skeletons[i] = Phonetics.skeleton(tokens[i]);
            keys[i] = Phonetics.variantKey(tokens[i]);
        }
        return new PreparedName(name, tokens, skeletons, keys, normalized.asWritten(),
                name != null && NameNormalizer.hasNonLatinLetters(name), normalized.surnameCount());
    }

    /**
     * Restores a name prepared earlier from its stored parts ({@link #original()}, {@link #tokens()},
     * {@link #keys()}, {@link #asWritten()}, {@link #transliterated()}, {@link #surnameCount()}) without computing
     * any of them again, so loading a stored index runs neither the normaliser nor ICU; the skeletons are computed
     * when first needed. The arrays are kept, not copied: the caller must not change them.
     */
    public static PreparedName restore(String original, String[] tokens, String[] keys, String asWritten,
            boolean transliterated, int surnameCount) {
        return new PreparedName(original, tokens, null, keys, asWritten, transliterated, surnameCount);
    }

    /** The name as given. */
    public String original() {
        return original;
    }

    /** The normalised tokens in natural order. */
    public List<String> tokens() {
        return List.of(tokens);
    }

    /** The normalised tokens joined in written order. */
    public String asWritten() {
        return asWritten;
    }

    String[] tokenArray() {
        return tokens;
    }

    String[] skeletonArray() {
        String[] known = skeletons;
        if (known == null) {
            known = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                known[i] = Phonetics.skeleton(tokens[i]);
            }
            // volatile: another thread sees the array whole; a race computes it twice at worst
            skeletons = known;
        }
        return known;
    }

    String[] keyArray() {
        return keys;
    }

    /** The {@link Phonetics#variantKey variant keys} of the tokens, in token order. */
    public List<String> keys() {
        return List.of(keys);
    }

    /** How many of the last tokens are the surname, when the name was written "LAST, First"; else 0. */
    public int surnameCount() {
        return surnameCount;
    }

    /**
     * Each two adjacent tokens written together (ABU BAKR gives ABUBAKR) and their skeletons, which the matcher
     * compares for every candidate: computed once per name, not once per comparison.
     */
    Pairs pairs() {
        Pairs known = pairs;
        if (known == null) {
            String[] joined = new String[Math.max(0, tokens.length - 1)];
            String[] joinedSkeletons = new String[joined.length];
            for (int i = 0; i < joined.length; i++) {
                joined[i] = tokens[i] + tokens[i + 1];
                joinedSkeletons[i] = Phonetics.skeleton(joined[i]);
            }
            // a record's fields are final, so another thread sees it whole; a race computes it twice at worst
            known = new Pairs(joined, joinedSkeletons);
            pairs = known;
        }
        return known;
    }

    /** Tokens i and i + 1 joined, at i, with their skeletons. */
    record Pairs(String[] joined, String[] skeletons) {
    }

    /** The consonant skeletons of the tokens, in token order. */
    public List<String> skeletons() {
        return List.of(skeletonArray());
    }

    /**
     * Whether the name was written in a script that leaves most vowels unwritten (Arabic, Hebrew...), so that its
     * Latin letters are little more than its consonants.
     */
    public boolean vowelless() {
        Boolean known = vowelless;
        if (known == null) {
            known = original != null && NameNormalizer.writtenWithoutVowels(original);
            vowelless = known;
        }
        return known;
    }

    /** Whether the name was written in a non-Latin script and reached Latin letters by transliteration. */
    public boolean transliterated() {
        return transliterated;
    }

    @Override
    public String toString() {
        return original + " -> " + String.join(" ", tokens);
    }
}
