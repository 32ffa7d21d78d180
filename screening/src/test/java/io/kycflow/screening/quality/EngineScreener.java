package io.kycflow.screening.quality;

import io.kycflow.screening.ScreeningHit;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.ScreeningQuery;
import io.kycflow.screening.SubjectType;
import io.kycflow.screening.quality.ListedVariants.Kind;
import io.kycflow.screening.quality.ListedVariants.Variant;
import java.util.Set;

/** kycflow's screening as a {@link QualityMeasure.Screener}: queries typed as a user of POST /kyc types them. */
public final class EngineScreener implements QualityMeasure.Screener {

    private final ScreeningIndex index;

    public EngineScreener(ScreeningIndex index) {
        this.index = index;
    }

    @Override
    public String label() {
        return "kycflow match decision";
    }

    @Override
    public int ownScore(Variant variant) {
        SubjectType type = variant.kind() == Kind.ORGANIZATION ? SubjectType.BUSINESS : SubjectType.PERSON;
        ScreeningQuery query = new ScreeningQuery(variant.query(), type, null, null, null, null, Set.of(variant.list()),
                QualityMeasure.FLOOR);
        return index.screen(query).hits().stream().filter(hit -> hit.sourceId().equals(variant.sourceId()))
                .mapToInt(ScreeningHit::score).max().orElse(0);
    }

    @Override
    public int bestScore(String name, String dateOfBirth) {
        ScreeningQuery query = new ScreeningQuery(name, SubjectType.PERSON, dateOfBirth, null, null, null, Set.of(),
                QualityMeasure.FLOOR);
        return index.screen(query).hits().stream().mapToInt(ScreeningHit::score).max().orElse(0);
    }
}
