package io.kycflow.identity;

/**
 * One field as an engine read it from the document's printed text (outside the MRZ).
 *
 * @param value      the text as read (dates as the engine normalised them, ISO {@code yyyy-MM-dd} when it could)
 * @param confidence the engine's confidence, 0-100
 */
public record ReadField(String value, double confidence) {
}
