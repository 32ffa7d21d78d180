package io.kycflow.screening;

import io.kycflow.sanctions.SanctionsList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one screening.
 *
 * @param hits         one per listed entry (its best-scoring name) whose score reached the query's minimum, sorted
 *                     by score (highest first), then list, then source id
 * @param listVersions the lists actually checked, with their versions
 */
public record ScreeningResult(List<ScreeningHit> hits, Map<SanctionsList, String> listVersions) {

    public ScreeningResult {
        hits = List.copyOf(hits);
        listVersions = Map.copyOf(listVersions);
    }
}
