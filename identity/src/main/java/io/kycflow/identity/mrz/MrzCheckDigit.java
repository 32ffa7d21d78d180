package io.kycflow.identity.mrz;

/**
 * The ICAO 9303 check digit: characters weighted 7, 3, 1 in turn ({@code 0-9} as themselves, {@code A-Z} as 10-35,
 * the filler {@code <} as 0), summed, modulo 10.
 */
public final class MrzCheckDigit {
    private static final int[] WEIGHTS = {7, 3, 1};

    private MrzCheckDigit() {
    }

    /**
     * The check digit of a field.
     *
     * @throws IllegalArgumentException when the field holds a character an MRZ cannot
     */
    public static int compute(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** True when {@code digit} is the check digit of {@code field}; a non-digit (or filler) never is. */
    public static boolean matches(CharSequence field, char digit) {
        return digit >= '0' && digit <= '9' && compute(field) == digit - '0';
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: U+" + Integer.toHexString(c));
    }
}
