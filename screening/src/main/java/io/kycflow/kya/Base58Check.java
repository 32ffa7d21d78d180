package io.kycflow.kya;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Bitcoin legacy addresses: base58check with a 1-byte version, 20-byte hash and 4-byte checksum. */
final class Base58Check {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    /** Version byte + 20-byte HASH160 + 4-byte checksum. */
    private static final int ADDRESS_BYTES = 25;

    private Base58Check() {
    }

    /** Parses a P2PKH (version 0x00) or P2SH (version 0x05) address. */
    static AddressParseResult parse(String address) {
        // The longest 25-byte payload is 35 characters; the shortest realistic one 26.
        if (address.length() < 26 || address.length() > 35) {
            return AddressRejection.format("a base58 Bitcoin address has 26 to 35 characters");
        }
        BigInteger value = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean inLeadingOnes = true;
        for (int i = 0; i < address.length(); i++) {
            int digit = ALPHABET.indexOf(address.charAt(i));
            if (digit < 0) {
                return AddressRejection.format("'" + address.charAt(i) + "' is not a base58 character");
            }
            // Each leading '1' stands for a leading zero byte, which the number itself cannot carry.
            if (inLeadingOnes && digit == 0) {
                leadingZeros++;
            } else {
                inLeadingOnes = false;
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : stripSignByte(value.toByteArray());
        if (leadingZeros + magnitude.length != ADDRESS_BYTES) {
            return AddressRejection.format("a base58 Bitcoin address decodes to 25 bytes");
        }
        byte[] decoded = new byte[ADDRESS_BYTES];
        System.arraycopy(magnitude, 0, decoded, leadingZeros, magnitude.length);

        AddressType type = switch (decoded[0]) {
            case 0x00 -> AddressType.BTC_P2PKH;
            case 0x05 -> AddressType.BTC_P2SH;
            default -> null;
        };
        if (type == null) {
            return AddressRejection.format("base58 version byte " + (decoded[0] & 0xFF) + " is not a Bitcoin mainnet address");
        }
        byte[] expected = Arrays.copyOf(doubleSha256(Arrays.copyOf(decoded, 21)), 4);
        if (!Arrays.equals(expected, Arrays.copyOfRange(decoded, 21, ADDRESS_BYTES))) {
            return AddressRejection.checksum("base58check checksum does not match");
        }
        // Base58 is case-sensitive, so the address is its own normal form.
        return new CryptoAddress(type, address, address);
    }

    private static byte[] stripSignByte(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] doubleSha256(byte[] data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(sha256.digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
