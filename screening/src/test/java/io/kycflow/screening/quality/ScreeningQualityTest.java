package io.kycflow.screening.quality;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycflow.testing.SanctionsFixtures;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's quality targets, on the half of the data the matcher was not tuned on ("test"): at the default
 * min_score 80, name only, at least 98% of listed-name variants find their own entry and at most 1% of ordinary
 * unlisted names get any hit; with a date of birth no listed one shares, at most 0.2%. docs/SCREENING.md has the
 * full curve ({@code ./kycflow bench screening-quality}).
 */
class ScreeningQualityTest {

    static final int PER_KIND = 600;
    private static final int MIN_SCORE = 80;

    @Test
    void findsTheListedWithoutFlaggingEveryoneElse() {
        QualityMeasure.Sets sets = QualityMeasure.sets(SanctionsFixtures.lists(), "test", PER_KIND);
        QualityMeasure.Outcome outcome = QualityMeasure.measure(new EngineScreener(SanctionsFixtures.index()), sets);
        double recall = outcome.recall(MIN_SCORE);
        double flagged = outcome.flagged(MIN_SCORE);
        double flaggedWithBirthDate = outcome.flaggedWithBirthDate(MIN_SCORE);
        System.out.printf(Locale.ROOT, "test split: %d variants, recall %.2f%%; %d unlisted names (%d listed removed), "
                        + "flagged %.2f%%, with a date of birth %.2f%%%n", sets.positives().size(), 100 * recall,
                sets.negatives().size(), sets.removedAsListed(), 100 * flagged, 100 * flaggedWithBirthDate);
        outcome.byKind(MIN_SCORE).forEach((kind, counts) -> System.out.printf("  %-32s found %4d, missed %3d%n",
                kind.label(), counts[0], counts[1]));
        assertAll(
                () -> assertTrue(sets.positives().size() >= 2000, "too few variants: " + sets.positives().size()),
                () -> assertTrue(sets.negatives().size() >= 5000, "too few unlisted names: " + sets.negatives().size()),
                () -> assertTrue(recall >= 0.98, "recall at 80 is " + recall),
                () -> assertTrue(flagged <= 0.01, "share of unlisted names flagged at 80 is " + flagged),
                () -> assertTrue(flaggedWithBirthDate <= 0.002,
                        "share flagged at 80 with a contradicting date of birth is " + flaggedWithBirthDate));
    }
}
