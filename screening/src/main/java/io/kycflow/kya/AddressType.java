package io.kycflow.kya;

/** The concrete encoding an address was recognised in, which fixes its {@link Chain}. */
public enum AddressType {
    /** Base58check, version 0x00 (addresses starting with 1). */
    BTC_P2PKH(Chain.BTC),
    /** Base58check, version 0x05 (addresses starting with 3). */
    BTC_P2SH(Chain.BTC),
    /** Bech32 (BIP-173), witness version 0: P2WPKH or P2WSH. */
    BTC_SEGWIT_V0(Chain.BTC),
    /** Bech32m (BIP-350), witness version 1 to 16, e.g. taproot. */
    BTC_SEGWIT(Chain.BTC),
    /** "0x" and 40 hex digits, EIP-55 checksummed when mixed case. */
    ETH_HEX(Chain.ETH);

    private final Chain chain;

    AddressType(Chain chain) {
        this.chain = chain;
    }

    /** The chain this encoding belongs to. */
    public Chain chain() {
        return chain;
    }
}
