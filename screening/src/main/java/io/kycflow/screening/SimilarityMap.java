package io.kycflow.screening;

import java.util.Arrays;

/**
 * Similarities of one query's parts to vocabulary terms, keyed by (part, term) packed in a long: an open-addressing
 * table that a query fills with the few hundred pairs its scan finds and that clears in time proportional to them.
 * Missing pairs read as 0.
 */
final class SimilarityMap {

    private static final long EMPTY = -1;

    private long[] keys = new long[1024];
    private double[] values = new double[1024];
    private int[] used = new int[512];
    private int size;

    double get(long key) {
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long at = keys[slot];
            if (at == key) {
                return values[slot];
            }
            if (at == EMPTY) {
                return 0;
            }
        }
    }

    /** Sets the value, or raises it when the key has a lower one. */
    void put(long key, double value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            long at = keys[slot];
            if (at == key) {
                values[slot] = Math.max(values[slot], value);
                return;
            }
            if (at == EMPTY) {
                keys[slot] = key;
                values[slot] = value;
                if (size == used.length) {
                    used = Arrays.copyOf(used, size * 2);
                }
                used[size++] = slot;
                return;
            }
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            keys[used[i]] = EMPTY;
        }
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        int[] oldUsed = used;
        int oldSize = size;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new double[keys.length];
        used = new int[keys.length / 2];
        size = 0;
        for (int i = 0; i < oldSize; i++) {
            put(oldKeys[oldUsed[i]], oldValues[oldUsed[i]]);
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }

    SimilarityMap() {
        Arrays.fill(keys, EMPTY);
    }
}
