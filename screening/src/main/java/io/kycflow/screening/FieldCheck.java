package io.kycflow.screening;

/**
 * One secondary field compared for a hit.
 *
 * @param field      "date_of_birth", "nationality", "document_id", "entity_type" or "country"
 * @param outcome    how the field compared
 * @param adjustment the points the comparison added to (or took from) the hit's score
 * @param queried    the value screened
 * @param listed     the listed values compared with, joined by "; " (empty when the list gives none)
 */
public record FieldCheck(String field, FieldOutcome outcome, int adjustment, String queried, String listed) {
}
