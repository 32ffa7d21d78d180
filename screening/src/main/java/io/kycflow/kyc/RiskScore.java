package io.kycflow.kyc;

import java.util.Collection;

/**
 * The 0-100 risk score of a screened subject, from its hits and their review:
 * <ul>
 *   <li>no hit, or every hit cleared: 0 (Low);</li>
 *   <li>a confirmed hit: 100 (Very high) — the subject is on a sanctions list;</li>
 *   <li>otherwise each pending hit maps its match score s (0-100) to {@code 25 + (s - 50) * 74 / 50}, so a weak
 *       fuzzy hit at 50-66 is Low to medium, 67-83 Medium, 84 and above High, and an exact but unconfirmed name
 *       99 (High: only a reviewer's confirmation makes it Very high); every further pending hit adds 5, capped
 *       at 99. Scores below 50 map to 0-24.</li>
 * </ul>
 * Secondary fields (date of birth, nationality, document) already moved the hit's score up or down.
 */
public final class RiskScore {
    private static final int EXTRA_HIT = 5;
    private static final int HIGHEST_UNCONFIRMED = 99;

    private RiskScore() {
    }

    /** The score of hits given as (match score, review status) pairs. */
    public static int of(Collection<KycHit> hits) {
        int best = 0;
        int pending = 0;
        for (KycHit hit : hits) {
            if (!hit.active()) {
                continue;
            }
            switch (hit.reviewStatus()) {
                case CONFIRMED -> {
                    return 100;
                }
                case PENDING -> {
                    pending++;
                    best = Math.max(best, ofPendingHit(hit.score()));
                }
                case CLEARED -> {
                }
            }
        }
        return pending == 0 ? 0 : Math.min(HIGHEST_UNCONFIRMED, best + EXTRA_HIT * (pending - 1));
    }

    /** One pending hit's contribution. */
    static int ofPendingHit(int matchScore) {
        int score = matchScore >= 50
                ? 25 + (matchScore - 50) * 74 / 50
                : matchScore * 24 / 49;
        return Math.max(0, Math.min(HIGHEST_UNCONFIRMED, score));
    }
}
