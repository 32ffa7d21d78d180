package io.kycflow.identity.mrz;

/**
 * The lines hold no machine-readable zone that could be parsed.
 *
 * @param reason why, for logs and the {@code MRZ_NOT_READABLE} warning
 */
public record NoMrz(String reason) implements MrzResult {
}
