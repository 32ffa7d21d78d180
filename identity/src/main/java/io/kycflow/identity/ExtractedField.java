package io.kycflow.identity;

/**
 * One field of the document as identity verification settled it.
 *
 * @param name   the field's seed 001 {@code extractedFields} name ({@code names}, {@code number}, {@code DOB}...)
 * @param value  the value used (the MRZ's where its check digits hold, the printed text's for names and where the
 *               MRZ is missing or failed)
 * @param source where it was read: {@link Source#MRZ}, {@link Source#VISUAL} or {@link Source#BOTH}
 * @param agree  for {@link Source#BOTH}, whether the two readings agree; null otherwise
 */
public record ExtractedField(String name, String value, Source source, Boolean agree) {

    /** Where a field was read. */
    public enum Source {
        MRZ("mrz"), VISUAL("visual"), BOTH("mrz+visual");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
