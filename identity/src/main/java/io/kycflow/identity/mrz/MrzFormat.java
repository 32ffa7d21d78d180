package io.kycflow.identity.mrz;

/** The ICAO 9303 machine-readable zone layouts. */
public enum MrzFormat {
    /** ID cards: three lines of 30. */
    TD1(3, 30),
    /** Older ID cards and visas: two lines of 36. */
    TD2(2, 36),
    /** Passports: two lines of 44. */
    TD3(2, 44);

    private final int lines;
    private final int length;

    MrzFormat(int lines, int length) {
        this.lines = lines;
        this.length = length;
    }

    /** How many lines the zone has. */
    public int lines() {
        return lines;
    }

    /** How many characters each line has. */
    public int length() {
        return length;
    }
}
