package io.kycflow.kya;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Bitcoin segwit addresses: bech32 (BIP-173) for witness v0 and bech32m (BIP-350) for v1 to v16. */
final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;
    private static final String MAINNET_HRP = "bc";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    private Bech32() {
    }

    /** Whether the address looks like it is meant to be a mainnet segwit address (so errors can be specific). */
    static boolean looksLikeSegwit(String address) {
        return address.length() > 3 && address.substring(0, 3).equalsIgnoreCase(MAINNET_HRP + "1");
    }

    /** Parses a mainnet segwit address. */
    static AddressParseResult parse(String address) {
        if (address.length() < 8 || address.length() > 90) {
            return AddressRejection.format("a bech32 address has 8 to 90 characters");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < address.length(); i++) {
            char ch = address.charAt(i);
            if (ch < 33 || ch > 126) {
                return AddressRejection.format("bech32 addresses are printable ASCII");
            }
            lower |= ch >= 'a' && ch <= 'z';
            upper |= ch >= 'A' && ch <= 'Z';
        }
        if (lower && upper) {
            return AddressRejection.format("a bech32 address is all lowercase or all uppercase, never mixed");
        }
        String normalised = address.toLowerCase(Locale.ROOT);
        int separator = normalised.lastIndexOf('1');
        if (separator < 1 || separator + 7 > normalised.length()) {
            return AddressRejection.format("a bech32 address needs a prefix, '1' and at least 6 checksum characters");
        }
        String hrp = normalised.substring(0, separator);
        if (!hrp.equals(MAINNET_HRP)) {
            return AddressRejection.format("prefix '" + hrp + "' is not Bitcoin mainnet (bc)");
        }
        int[] data = new int[normalised.length() - separator - 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = CHARSET.indexOf(normalised.charAt(separator + 1 + i));
            if (data[i] < 0) {
                return AddressRejection.format("'" + normalised.charAt(separator + 1 + i) + "' is not a bech32 character");
            }
        }
        int residue = polymod(hrp, data);
        if (residue != BECH32_CONST && residue != BECH32M_CONST) {
            return AddressRejection.checksum("bech32 checksum does not match");
        }
        if (data.length == 6) {
            return AddressRejection.format("a segwit address needs a witness version and program");
        }
        int version = data[0];
        if (version > 16) {
            return AddressRejection.format("witness version " + version + " does not exist");
        }
        // BIP-350: the checksum constant is tied to the version, so the wrong one is a checksum failure.
        int expected = version == 0 ? BECH32_CONST : BECH32M_CONST;
        if (residue != expected) {
            return AddressRejection.checksum(version == 0
                    ? "witness v0 must use the bech32 checksum, not bech32m"
                    : "witness v" + version + " must use the bech32m checksum, not bech32");
        }
        byte[] program = fromFiveBits(data, 1, data.length - 6);
        if (program == null) {
            return AddressRejection.format("invalid padding in the witness program");
        }
        if (program.length < 2 || program.length > 40) {
            return AddressRejection.format("a witness program has 2 to 40 bytes, not " + program.length);
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            return AddressRejection.format("a witness v0 program has 20 or 32 bytes, not " + program.length);
        }
        return new CryptoAddress(version == 0 ? AddressType.BTC_SEGWIT_V0 : AddressType.BTC_SEGWIT, address, normalised);
    }

    /** The BCH checksum residue over the expanded prefix and data (checksum included). */
    private static int polymod(String hrp, int[] data) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (int value : data) {
            chk = step(chk, value);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }

    /** Regroups 5-bit values into bytes; null when the leftover padding is 5+ bits or non-zero. */
    private static byte[] fromFiveBits(int[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int acc = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >>> bits) & 0xFF);
            }
        }
        if (bits >= 5 || (acc & ((1 << bits) - 1)) != 0) {
            return null;
        }
        return out.toByteArray();
    }
}
