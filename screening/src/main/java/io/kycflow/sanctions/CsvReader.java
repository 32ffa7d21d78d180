package io.kycflow.sanctions;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader: comma separated, fields optionally in double quotes, a doubled quote inside quotes
 * is one quote, quoted fields may span lines, records end with CRLF, LF or CR. Unquoted fields are trimmed
 * because OFAC pads its "-0- " placeholders. What RFC 4180 does not allow (an unterminated quote, text after a
 * closing quote, a quote inside an unquoted field) is rejected, since it means the file is damaged.
 */
final class CsvReader {

    /** One record and the line it starts on. */
    record Row(long line, List<String> fields) {
    }

    /** DOS end-of-file marker that OFAC's files end with. */
    private static final char EOF_MARKER = '\u001a';

    private final String text;
    private final String source;
    private final int end;
    private int pos;
    private long line = 1;

    private CsvReader(String text, String source) {
        int length = text.length();
        while (length > 0 && text.charAt(length - 1) == EOF_MARKER) {
            length--;
        }
        this.text = text;
        this.source = source;
        this.end = length;
    }

    /** Every record of the text; {@code source} names the file in error messages. */
    static List<Row> read(String text, String source) throws ListValidationException {
        CsvReader reader = new CsvReader(text, source);
        List<Row> rows = new ArrayList<>();
        while (reader.pos < reader.end) {
            rows.add(reader.readRecord());
        }
        return rows;
    }

    private Row readRecord() throws ListValidationException {
        long startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(readField());
            if (pos < end && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < end && text.charAt(pos) == '\r') {
                pos++;
            }
            if (pos < end && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            return new Row(startLine, List.copyOf(fields));
        }
    }

    /** Reads one field and leaves {@code pos} on the separator, the end of the line or the end of the text. */
    private String readField() throws ListValidationException {
        int start = pos;
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
        if (pos < end && text.charAt(pos) == '"') {
            return readQuoted();
        }
        pos = start;
        while (pos < end && !atSeparatorOrLineEnd()) {
            if (text.charAt(pos) == '"') {
                throw new ListValidationException(source, line, "quote inside an unquoted field");
            }
            pos++;
        }
        return text.substring(start, pos).strip();
    }

    private String readQuoted() throws ListValidationException {
        long quoteLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= end) {
                throw new ListValidationException(source, quoteLine, "unterminated quoted field");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < end && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
        if (pos < end && !atSeparatorOrLineEnd()) {
            throw new ListValidationException(source, line, "unexpected text after a closing quote");
        }
        return value.toString();
    }

    private boolean atSeparatorOrLineEnd() {
        char c = text.charAt(pos);
        return c == ',' || c == '\r' || c == '\n';
    }
}
