package io.kycflow.testing;

import io.kycflow.auth.Secrets;
import io.kycflow.kyc.KycCheck;
import io.kycflow.kyc.KycSubject;
import io.kycflow.screening.SubjectType;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** KYC checks screened against the real lists ({@link SanctionsFixtures}; the calling test is skipped without them). */
public final class ScreenedChecks {
    private ScreenedChecks() {
    }

    /** A new check of the tenant's on a person, screened now. */
    public static KycCheck screened(String tenantId, String name, int minScore) {
        long now = System.currentTimeMillis();
        KycCheck check = KycCheck.create(new KycCheck.Request(tenantId, new KycSubject(SubjectType.PERSON, name, null, null,
                null, null), Set.of(), minScore, false, null, null), "kyc_" + Secrets.random(9), now);
        check.applyScreening(SanctionsFixtures.index().screen(check.query()), now, 0, null);
        return check;
    }

    /** A check screened with min_score 0, which makes every listed entry a hit: thousands of them. */
    public static KycCheck everyEntry(String tenantId) {
        KycCheck check = screened(tenantId, "Mohamed Mohamed", 0);
        assertTrue(check.hits().size() >= 1000, "every entry of the lists is a hit: " + check.hits().size());
        return check;
    }
}
