package io.kycflow.sanctions;

/**
 * A list file is malformed, truncated or implausible, so the whole list is rejected rather than published in
 * part; the message says which file and, where it applies, which line.
 */
public final class ListValidationException extends Exception {

    private final String source;
    private final long line;

    /**
     * @param source the file the problem is in, e.g. "sdn.csv"
     * @param line   the 1-based line of the problem, or 0 when it concerns the file as a whole
     * @param reason what is wrong
     */
    public ListValidationException(String source, long line, String reason) {
        this(source, line, reason, null);
    }

    public ListValidationException(String source, long line, String reason, Throwable cause) {
        super(source + (line > 0 ? " line " + line : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
    }

    /** The file the problem is in. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
