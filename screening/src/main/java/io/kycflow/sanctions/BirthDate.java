package io.kycflow.sanctions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as a list gives it, which is often partial ("1960"), approximate ("circa 1962") or a range
 * ("1960 to 1962"). The text is kept as given; the parsed form is the range of days it allows, so a screened
 * date of birth can be compared with it whatever its precision.
 *
 * @param text        the date as the list gives it
 * @param approximate the list marks the date as approximate ("circa", UN "APPROXIMATELY")
 * @param earliest    the first day the date allows, or null when the text could not be parsed
 * @param latest      the last day the date allows, or null when the text could not be parsed
 */
public record BirthDate(String text, boolean approximate, LocalDate earliest, LocalDate latest) {

    private static final Pattern CIRCA = Pattern.compile("(?i)^(?:circa|approximately|approx\\.)\\s+");
    private static final Pattern RANGE = Pattern.compile("^(.+?)\\s+to\\s+(.+)$|^(\\d{4})\\s*-\\s*(\\d{4})$");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

    public BirthDate {
        Objects.requireNonNull(text, "text");
        if ((earliest == null) != (latest == null) || (earliest != null && latest.isBefore(earliest))) {
            throw new IllegalArgumentException("inconsistent range " + earliest + ".." + latest + " for " + text);
        }
    }

    /** Whether the parsed form is known; when it is not, only {@link #text()} can be compared. */
    public boolean parsed() {
        return earliest != null;
    }

    /**
     * Parses the forms the lists use: "01 Jan 1960", "Jan 1960", "1960", "1960-01-01", each optionally prefixed
     * with "circa", and ranges "X to Y" or "1960-1962". Text in any other form is kept unparsed.
     */
    public static BirthDate parse(String text) {
        String rest = text.strip();
        if (rest.endsWith(".")) {
            rest = rest.substring(0, rest.length() - 1).strip();
        }
        Matcher circa = CIRCA.matcher(rest);
        boolean approximate = circa.find();
        if (approximate) {
            rest = rest.substring(circa.end());
        }
        Matcher range = RANGE.matcher(rest);
        LocalDate[] from;
        LocalDate[] to;
        if (range.matches()) {
            from = span(range.group(1) != null ? range.group(1) : range.group(3));
            to = span(range.group(2) != null ? range.group(2) : range.group(4));
        } else {
            from = to = span(rest);
        }
        if (from == null || to == null || to[1].isBefore(from[0])) {
            return new BirthDate(text, approximate, null, null);
        }
        return new BirthDate(text, approximate, from[0], to[1]);
    }

    /** The first and last day of one date of whatever precision, or null when it is in no known form. */
    private static LocalDate[] span(String date) {
        String d = date.strip();
        try {
            if (d.matches("\\d{4}")) {
                int year = Integer.parseInt(d);
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
            if (d.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(d);
                return new LocalDate[] {day, day};
            }
            if (d.matches("[A-Za-z]{3} \\d{4}")) {
                YearMonth month = YearMonth.parse(d, MONTH_YEAR);
                return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
            }
            if (d.matches("\\d{1,2} [A-Za-z]{3} \\d{4}")) {
                LocalDate day = LocalDate.parse(d, DAY_MONTH_YEAR);
                return new LocalDate[] {day, day};
            }
        } catch (DateTimeParseException e) {
            return null; // e.g. "31 Feb 1970": keep the text, claim no parsed form
        }
        return null;
    }
}
