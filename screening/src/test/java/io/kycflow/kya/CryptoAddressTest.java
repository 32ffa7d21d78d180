package io.kycflow.kya;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.kycflow.kya.AddressRejection.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoAddressTest {

    private static CryptoAddress valid(String address) {
        return assertInstanceOf(CryptoAddress.class, CryptoAddress.parse(address, null), address);
    }

    private static Reason rejection(String address, Chain hint) {
        return assertInstanceOf(AddressRejection.class, CryptoAddress.parse(address, hint), address).reason();
    }

    // BIP-173 / BIP-350 valid mainnet segwit vectors.
    @ParameterizedTest
    @CsvSource({
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, BTC_SEGWIT_V0",
        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3, BTC_SEGWIT_V0",
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y, BTC_SEGWIT",
        "BC1SW50QGDZ25J, BTC_SEGWIT",
        "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs, BTC_SEGWIT",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0, BTC_SEGWIT",
    })
    void validSegwit(String address, AddressType type) {
        CryptoAddress parsed = valid(address);
        assertEquals(type, parsed.type());
        assertEquals(Chain.BTC, parsed.chain());
        assertEquals(address.toLowerCase(), parsed.normalised());
    }

    // BIP-350 invalid mainnet segwit vectors, plus mixed case and a corrupted checksum.
    @ParameterizedTest
    @CsvSource({
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd, INVALID_CHECKSUM",   // bech32 for v1
        "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL, INVALID_CHECKSUM",   // bech32 for v16
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh, INVALID_CHECKSUM",                       // bech32m for v0
        // BIP-173's own v1+ examples, valid then, carry the bech32 constant that BIP-350 retired for v1+.
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx, INVALID_CHECKSUM",
        "BC1SW50QA3JX3S, INVALID_CHECKSUM",
        "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj, INVALID_CHECKSUM",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5, INVALID_CHECKSUM",                       // last char changed
        "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4, UNRECOGNISED_FORMAT", // 'o' in checksum
        "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R, UNRECOGNISED_FORMAT", // witness v17
        "bc1pw5dgrnzv, UNRECOGNISED_FORMAT",                                                    // 1-byte program
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav, UNRECOGNISED_FORMAT", // 41 bytes
        "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P, UNRECOGNISED_FORMAT",                           // v0 with 16 bytes
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf, UNRECOGNISED_FORMAT", // >4 bits padding
        "bc1gmk9yu, UNRECOGNISED_FORMAT",                                                       // empty data
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3T4, UNRECOGNISED_FORMAT",                     // mixed case
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7, UNRECOGNISED_FORMAT", // testnet
    })
    void invalidSegwit(String address, Reason reason) {
        assertEquals(reason, rejection(address, null));
    }

    @ParameterizedTest
    @CsvSource({
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, BTC_P2PKH", // genesis block coinbase
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy, BTC_P2SH",
    })
    void validBase58(String address, AddressType type) {
        CryptoAddress parsed = valid(address);
        assertEquals(type, parsed.type());
        assertEquals(address, parsed.normalised());
    }

    @ParameterizedTest
    @CsvSource({
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb, INVALID_CHECKSUM",
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DiVfNa, INVALID_CHECKSUM", // one letter's case
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz, INVALID_CHECKSUM",
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0, UNRECOGNISED_FORMAT", // '0' is not base58
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf, UNRECOGNISED_FORMAT",   // too short to be 25 bytes
        "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn, UNRECOGNISED_FORMAT", // testnet
    })
    void invalidBase58(String address, Reason reason) {
        assertEquals(reason, rejection(address, null));
    }

    // EIP-55 examples.
    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    })
    void eip55(String address) {
        CryptoAddress parsed = valid(address);
        assertEquals(Chain.ETH, parsed.chain());
        assertEquals(address.toLowerCase(), parsed.normalised());
        assertEquals(address.substring(2), EthAddress.checksummed(address.substring(2)));
        // Single case has no checksum to verify.
        valid("0x" + address.substring(2).toLowerCase());
        valid("0x" + address.substring(2).toUpperCase());
        // Flipping the case of any one letter breaks the checksum.
        for (int i = 2; i < address.length(); i++) {
            char ch = address.charAt(i);
            if (Character.isLetter(ch)) {
                char flipped = Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch);
                String typo = address.substring(0, i) + flipped + address.substring(i + 1);
                assertEquals(Reason.INVALID_CHECKSUM, rejection(typo, null), typo);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe",   // 39 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", // 41 digits
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg",  // not hex
        "0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED",  // prefix must be 0x
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "hello",
    })
    void unrecognised(String address) {
        assertEquals(Reason.UNRECOGNISED_FORMAT, rejection(address, null));
    }

    @Test
    void emptyOrNull() {
        assertEquals(Reason.UNRECOGNISED_FORMAT, rejection("", null));
        assertEquals(Reason.UNRECOGNISED_FORMAT, rejection(null, null));
        assertEquals(Reason.UNRECOGNISED_FORMAT, rejection("   ", Chain.BTC));
    }

    @Test
    void hint() {
        assertEquals(Chain.BTC, assertInstanceOf(CryptoAddress.class,
                CryptoAddress.parse("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Chain.BTC)).chain());
        assertEquals(Chain.ETH, assertInstanceOf(CryptoAddress.class,
                CryptoAddress.parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Chain.ETH)).chain());
        assertEquals(Reason.CHAIN_MISMATCH, rejection("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", Chain.ETH));
        assertEquals(Reason.CHAIN_MISMATCH, rejection("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", Chain.ETH));
        assertEquals(Reason.CHAIN_MISMATCH, rejection("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", Chain.BTC));
        // A bad checksum is reported as such even with a contradicting hint.
        assertEquals(Reason.INVALID_CHECKSUM, rejection("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", Chain.ETH));
    }

    @Test
    void surroundingWhitespaceIgnored() {
        CryptoAddress parsed = valid("  BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4\n");
        assertEquals("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", parsed.normalised());
    }
}
