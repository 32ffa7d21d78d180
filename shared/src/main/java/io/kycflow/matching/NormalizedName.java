package io.kycflow.matching;

import java.util.List;

/**
 * A name after {@link NameNormalizer}: upper-case ASCII tokens with honorifics and legal forms removed.
 *
 * @param tokens    the name parts in natural order ("PUTIN, Vladimir" gives VLADIMIR, PUTIN)
 * @param asWritten the same parts joined by single spaces in the order the name was written (PUTIN VLADIMIR);
 *                  OFAC's whole-name comparison uses the name as listed
 */
public record NormalizedName(List<String> tokens, String asWritten) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
    }
}
