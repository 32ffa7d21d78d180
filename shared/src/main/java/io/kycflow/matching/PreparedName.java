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
    private final String[] skeletons;
    private final String asWritten;
    private final boolean transliterated;

    private PreparedName(String original, NormalizedName normalized) {
        this.original = original;
        this.tokens = normalized.tokens().toArray(String[]::new);
        this.skeletons = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            skeletons[i] = Phonetics.skeleton(tokens[i]);
        }
        this.asWritten = normalized.asWritten();
        this.transliterated = original != null && NameNormalizer.hasNonLatinLetters(original);
    }

    private PreparedName(String original, String[] tokens, String asWritten) {
        this(original, new NormalizedName(List.of(tokens), asWritten));
    }

    /** Prepares a name whose kind is not known. */
    public static PreparedName of(String name) {
        return of(name, NameKind.UNKNOWN);
    }

    /** Prepares a name of the given kind. */
    public static PreparedName of(String name, NameKind kind) {
        return new PreparedName(name, NORMALIZER.normalize(name, kind));
    }

    /**
     * Restores a name prepared earlier from its stored parts ({@link #original()}, {@link #tokens()},
     * {@link #asWritten()}) without normalising it again, so loading a stored index needs no ICU transliteration.
     */
    public static PreparedName restore(String original, String[] tokens, String asWritten) {
        return new PreparedName(original, tokens, asWritten);
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
        return skeletons;
    }

    /** The consonant skeletons of the tokens, in token order. */
    public List<String> skeletons() {
        return List.of(skeletons);
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
