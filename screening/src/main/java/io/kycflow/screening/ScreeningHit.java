package io.kycflow.screening;

import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.SanctionsList;
import java.util.List;

/**
 * A listed entry that matched a screening.
 *
 * @param list          the list the entry is on
 * @param listVersion   the version of that list screened against
 * @param sourceId      the entry's id on its list
 * @param entityType    person, entity, vessel or aircraft
 * @param primaryName   the entry's primary name as listed
 * @param matchedName   the primary name or alias that scored best
 * @param nameScore     the name score: the match decision's confidence that the names are the same, 0-100
 * @param score         the name score after the secondary fields, clamped to 0-100
 * @param ofacScore     what OFAC's Sanctions List Search tool would score the screened name against the best of
 *                      the entry's names, 0-100: reported for comparison, it decides nothing
 * @param programs      the entry's programs or regimes
 * @param datesOfBirth  the entry's dates of birth as listed
 * @param nationalities the entry's nationalities and citizenships as listed
 * @param fieldChecks   every secondary field the query gave, as compared
 */
public record ScreeningHit(SanctionsList list, String listVersion, String sourceId, EntityType entityType,
        String primaryName, String matchedName, int nameScore, int score, int ofacScore, List<String> programs,
        List<String> datesOfBirth, List<String> nationalities, List<FieldCheck> fieldChecks) {

    public ScreeningHit {
        programs = List.copyOf(programs);
        datesOfBirth = List.copyOf(datesOfBirth);
        nationalities = List.copyOf(nationalities);
        fieldChecks = List.copyOf(fieldChecks);
    }
}
