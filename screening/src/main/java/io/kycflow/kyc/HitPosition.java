package io.kycflow.kyc;

import io.kycflow.sanctions.SanctionsList;

/**
 * Where a hit stands in the order hits are shown and paged in, the order a screening returns them: highest score
 * first, then list, then source id (numerically when both are numbers, as OFAC numbers its entries). A page of hits
 * ends at a position, and the next page starts after it, so paging stays in place while hits are reviewed.
 */
public record HitPosition(int score, SanctionsList list, String sourceId) implements Comparable<HitPosition> {

    @Override
    public int compareTo(HitPosition other) {
        if (score != other.score) {
            return Integer.compare(other.score, score);
        }
        if (list != other.list) {
            return list.compareTo(other.list);
        }
        return compareIds(sourceId, other.sourceId);
    }

    private static int compareIds(String a, String b) {
        if (a.length() != b.length() && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
