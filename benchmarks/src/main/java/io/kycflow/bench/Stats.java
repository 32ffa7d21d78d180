package io.kycflow.bench;

import java.util.Collection;

/**
 * Order statistics of a sample. The median of an even count is the mean of the middle two; the 95th percentile is
 * the nearest rank (the smallest value with at least 95% of the sample at or below it), so it is always a measured
 * value.
 */
record Stats(int count, double min, double median, double p95, double max) {

    static Stats of(Collection<? extends Number> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int p95Rank = (int) Math.ceil(0.95 * n);
        return new Stats(n, sorted[0], median, sorted[p95Rank - 1], sorted[n - 1]);
    }
}
