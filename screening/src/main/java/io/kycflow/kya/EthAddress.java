package io.kycflow.kya;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Ethereum addresses: "0x" and 40 hex digits, with the EIP-55 mixed-case checksum when mixed case. */
final class EthAddress {

    private EthAddress() {
    }

    static AddressParseResult parse(String address) {
        if (address.length() != 42 || !address.startsWith("0x")) {
            return AddressRejection.format("an Ethereum address is \"0x\" and 40 hex digits");
        }
        String hex = address.substring(2);
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < hex.length(); i++) {
            char ch = hex.charAt(i);
            if (Character.digit(ch, 16) < 0) {
                return AddressRejection.format("'" + ch + "' is not a hex digit");
            }
            lower |= ch >= 'a' && ch <= 'f';
            upper |= ch >= 'A' && ch <= 'F';
        }
        String normalised = "0x" + hex.toLowerCase(Locale.ROOT);
        // Single-case addresses carry no checksum (EIP-55 is opt-in through mixed case).
        if (lower && upper && !hex.equals(checksummed(hex))) {
            return AddressRejection.checksum("EIP-55 checksum (letter case) does not match");
        }
        return new CryptoAddress(AddressType.ETH_HEX, address, normalised);
    }

    /** The EIP-55 spelling of the 40 hex digits: a letter is uppercase when its hash nibble is 8 or more. */
    static String checksummed(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        byte[] hash = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            char ch = lower.charAt(i);
            out.append(nibble >= 8 ? Character.toUpperCase(ch) : ch);
        }
        return out.toString();
    }
}
