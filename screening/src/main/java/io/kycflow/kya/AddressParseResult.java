package io.kycflow.kya;

/**
 * The outcome of {@link CryptoAddress#parse}: either a valid {@link CryptoAddress} or an
 * {@link AddressRejection}, so callers can {@code switch} over both.
 */
public sealed interface AddressParseResult permits CryptoAddress, AddressRejection {
}
