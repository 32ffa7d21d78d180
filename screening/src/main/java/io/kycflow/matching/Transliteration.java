package io.kycflow.matching;

import com.ibm.icu.text.Transliterator;

/**
 * The only class that touches ICU4J: turns any script into plain ASCII Latin ("Any-Latin; Latin-ASCII", so Han
 * becomes Pinyin, Hangul a romanisation, Cyrillic/Greek/Arabic/Hebrew their ICU transliterations).
 *
 * <p>ICU4J is an optional dependency of the shared module; only code paths that meet non-Latin text load this
 * class. ICU {@link Transliterator}s are expensive to build and not thread-safe, so each thread builds one once.
 */
final class Transliteration {

    private static final ThreadLocal<Transliterator> TO_LATIN_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private Transliteration() {
    }

    /** {@code text} in ASCII Latin letters (punctuation and spacing kept). */
    static String toLatinAscii(String text) {
        return TO_LATIN_ASCII.get().transliterate(text);
    }
}
