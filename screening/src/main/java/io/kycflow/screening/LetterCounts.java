package io.kycflow.screening;

import java.io.IOException;
import java.util.Arrays;

/**
 * How often each character occurs in each of many strings, kept as runs (character, count) in one byte array,
 * to bound how many characters a query string can share with each: Jaro's matches cannot exceed that number.
 * The strings are normalised names, tokens or skeletons: mostly A-Z, 0-9, space and hyphen; any other character
 * (letters of scripts without a transliteration) shares one slot, which can only raise the bound, never lower it.
 */
final class LetterCounts {

    /** The characters a normalised name is written with; the index of a character is its slot in counts. */
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -";
    /** The slot of every character outside {@link #ALPHABET}. */
    private static final int OTHER = ALPHABET.length();
    /** How many slots a count array has. */
    static final int SLOT_COUNT = OTHER + 1;
    /** Per ASCII character, its slot, or -1: a table, as this runs for every character of every name. */
    private static final byte[] SLOTS = new byte[128];

    static {
        Arrays.fill(SLOTS, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            SLOTS[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private final byte[] runs;
    private final int[] start;

    LetterCounts(String[] strings) {
        start = new int[strings.length + 1];
        byte[] out = new byte[16];
        int size = 0;
        for (int s = 0; s < strings.length; s++) {
            start[s] = size;
            int[] counts = counts(strings[s]);
            for (int c = 0; c < counts.length; c++) {
                for (int left = counts[c]; left > 0; left -= Byte.MAX_VALUE) {
                    if (size + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[size++] = (byte) c;
                    out[size++] = (byte) Math.min(left, Byte.MAX_VALUE);
                }
            }
        }
        start[strings.length] = size;
        runs = Arrays.copyOf(out, size);
    }

    /** Reads counts written by {@link #write}. */
    LetterCounts(ScreeningSnapshot.Input in) throws IOException {
        runs = in.bytes();
        start = in.ints();
    }

    void write(ScreeningSnapshot.Output out) throws IOException {
        out.bytes(runs);
        out.ints(start);
    }

    /** Per character slot, how often it occurs in {@code text}. */
    static int[] counts(String text) {
        int[] counts = new int[SLOT_COUNT];
        for (int i = 0; i < text.length(); i++) {
            counts[slot(text.charAt(i))]++;
        }
        return counts;
    }

    static int slot(char c) {
        int slot = c < SLOTS.length ? SLOTS[c] : -1;
        return slot < 0 ? OTHER : slot;
    }

    /** How many characters string {@code s} shares with the string {@code counts} were taken of, with repeats. */
    int common(int s, int[] counts) {
        int common = 0;
        for (int i = start[s]; i < start[s + 1]; i += 2) {
            common += Math.min(runs[i + 1], counts[runs[i]]);
        }
        return common;
    }
}
