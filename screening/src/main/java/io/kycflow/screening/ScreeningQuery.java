package io.kycflow.screening;

import io.kycflow.sanctions.SanctionsList;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to screen.
 *
 * @param name        the subject's name, in any script
 * @param type        person or business, or null when not known
 * @param dateOfBirth "YYYY", "YYYY-MM" or "YYYY-MM-DD", or null
 * @param nationality ISO 3166 alpha-3 or alpha-2 code or English country name, or null
 * @param documentId  an identity document number, or null
 * @param country     the subject's country of residence or registration (same forms as nationality), compared
 *                    with the listed addresses' countries, or null
 * @param lists       the lists to screen against; empty means every loaded list
 * @param minScore    the lowest score (0-100) a hit may have
 */
public record ScreeningQuery(String name, SubjectType type, String dateOfBirth, String nationality, String documentId,
        String country, Set<SanctionsList> lists, int minScore) {

    private static final Pattern DATE_OF_BIRTH = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    public ScreeningQuery {
        Objects.requireNonNull(name, "name");
        lists = lists == null ? Set.of() : Set.copyOf(lists);
        if (minScore < 0 || minScore > 100) {
            throw new IllegalArgumentException("minScore must be 0-100, was " + minScore);
        }
        if (dateOfBirth != null && !DATE_OF_BIRTH.matcher(dateOfBirth).matches()) {
            throw new IllegalArgumentException("dateOfBirth must be YYYY, YYYY-MM or YYYY-MM-DD, was " + dateOfBirth);
        }
    }

    /** A name-only query against every loaded list. */
    public static ScreeningQuery byName(String name, int minScore) {
        return new ScreeningQuery(name, null, null, null, null, null, Set.of(), minScore);
    }
}
