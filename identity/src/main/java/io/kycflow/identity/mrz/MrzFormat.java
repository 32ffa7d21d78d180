package io.kycflow.identity.mrz;

import java.util.List;

/**
 * The ICAO 9303 machine-readable zone layouts, with what the composite check digit covers: the one definition the
 * composer, the parser and the corrector share.
 */
public enum MrzFormat {
    /** ID cards: three lines of 30. */
    TD1(3, 30, List.of(new Span(0, 5, 30), new Span(1, 0, 7), new Span(1, 8, 15), new Span(1, 18, 29)), new Span(1, 29, 30)),
    /** Older ID cards and visas: two lines of 36. */
    TD2(2, 36, List.of(new Span(1, 0, 10), new Span(1, 13, 20), new Span(1, 21, 35)), new Span(1, 35, 36)),
    /** Passports: two lines of 44. */
    TD3(2, 44, List.of(new Span(1, 0, 10), new Span(1, 13, 20), new Span(1, 21, 43)), new Span(1, 43, 44));

    /**
     * Positions {@code [start, end)} of one line of a zone.
     *
     * @param line  the line, 0 for the top one
     * @param start the first position
     * @param end   the position after the last
     */
    public record Span(int line, int start, int end) {
    }

    private final int lines;
    private final int length;
    private final List<Span> composite;
    private final Span compositeCheck;

    MrzFormat(int lines, int length, List<Span> composite, Span compositeCheck) {
        this.lines = lines;
        this.length = length;
        this.composite = composite;
        this.compositeCheck = compositeCheck;
    }

    /** How many lines the zone has. */
    public int lines() {
        return lines;
    }

    /** How many characters each line has. */
    public int length() {
        return length;
    }

    /** The runs the composite check digit covers, in order (ICAO 9303 parts 4-6; visas have no composite). */
    public List<Span> compositeSpans() {
        return composite;
    }

    /** Where the composite check digit is. */
    public Span compositeCheck() {
        return compositeCheck;
    }

    /**
     * The text the composite check digit covers. The lines need to reach only as far as the covered runs, so a
     * composer can ask before it has written the check digit itself.
     */
    public String compositeText(List<String> zone) {
        StringBuilder covered = new StringBuilder();
        for (Span span : composite) {
            covered.append(zone.get(span.line()), span.start(), span.end());
        }
        return covered.toString();
    }
}
