package io.kycflow.kya;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Keccak256Test {

    private static String keccak(String text) {
        return HexFormat.of().formatHex(Keccak256.hash(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void knownVectors() {
        assertEquals("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", keccak(""));
        assertEquals("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", keccak("abc"));
    }

    /** Same permutation with FIPS padding must equal the JDK's SHA3-256, across block boundaries. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 135, 136, 137, 271, 272, 1000})
    void permutationMatchesJdkSha3(int length) throws Exception {
        byte[] input = new byte[length];
        for (int i = 0; i < length; i++) {
            input[i] = (byte) (i * 31 + 7);
        }
        assertArrayEquals(MessageDigest.getInstance("SHA3-256").digest(input), Keccak256.sponge(input, (byte) 0x06));
    }
}
