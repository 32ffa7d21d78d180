package io.kycflow.kya;

import java.util.Objects;

/**
 * A validated blockchain address, as KYA screens it.
 *
 * <p>Use {@link #parse(String, Chain)}; it detects the chain from the address (Bitcoin base58check P2PKH/P2SH,
 * bech32/bech32m segwit; Ethereum hex with EIP-55) and verifies its checksum. {@link #normalised()} is the form to
 * compare for exact matches against listed addresses: bech32 and Ethereum lowercased, base58 unchanged (it is
 * case-sensitive).
 *
 * @param type       the encoding recognised, which fixes the chain
 * @param address    the address as given (surrounding whitespace removed)
 * @param normalised the canonical form for exact matching
 */
public record CryptoAddress(AddressType type, String address, String normalised) implements AddressParseResult {

    public CryptoAddress {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(normalised, "normalised");
    }

    /** The chain the address belongs to. */
    public Chain chain() {
        return type.chain();
    }

    /**
     * Validates {@code address} and detects its chain.
     *
     * @param address the address; surrounding whitespace is ignored (pasted addresses often carry some)
     * @param hint    the chain the caller says it is, or null to detect; a valid address of another chain is
     *                rejected with {@link AddressRejection.Reason#CHAIN_MISMATCH}
     * @return a {@link CryptoAddress}, or an {@link AddressRejection} saying why not
     */
    public static AddressParseResult parse(String address, Chain hint) {
        if (address == null || address.isBlank()) {
            return AddressRejection.format("address is empty");
        }
        String trimmed = address.strip();
        AddressParseResult result = detect(trimmed);
        if (hint != null && result instanceof CryptoAddress valid && valid.chain() != hint) {
            return new AddressRejection(AddressRejection.Reason.CHAIN_MISMATCH,
                    "a " + valid.chain() + " address was given for chain " + hint);
        }
        return result;
    }

    private static AddressParseResult detect(String address) {
        if (address.startsWith("0x") || address.startsWith("0X")) {
            return EthAddress.parse(address);
        }
        if (Bech32.looksLikeSegwit(address)) {
            return Bech32.parse(address);
        }
        if (address.startsWith("1") || address.startsWith("3")) {
            return Base58Check.parse(address);
        }
        return AddressRejection.format("not a Bitcoin or Ethereum address");
    }
}
