package io.kycflow.matching;

import java.util.List;

/**
 * A name after {@link NameNormalizer}: upper-case tokens with honorifics and legal forms removed; ASCII except for
 * letters neither transliteration nor accent stripping reduces to it (Khmer script, Ə).
 *
 * @param tokens    the name parts in natural order ("PUTIN, Vladimir" gives VLADIMIR, PUTIN)
 * @param asWritten the same parts in the order the name was written (PUTIN VLADIMIR), joined by single spaces,
 *                  or by a hyphen where one alone joined them (BASHIR-UD-DIN); OFAC's whole-name comparison
 *                  uses the name as listed
 * @param surnameCount how many of the last tokens are the surname, when the name said so ("LAST, First": the
 *                     tokens before the comma); 0 when it did not
 */
public record NormalizedName(List<String> tokens, String asWritten, int surnameCount) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
    }
}
