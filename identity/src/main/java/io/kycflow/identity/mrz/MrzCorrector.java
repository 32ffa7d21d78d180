package io.kycflow.identity.mrz;

import io.kycflow.identity.mrz.MrzFormat.Span;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repairs a machine-readable zone as OCR read it ({@code DocumentReading.mrzLines} is raw): spacing, case and odd
 * filler glyphs first, then the line lengths where the fix is unambiguous, then each field by what its position
 * allows (digits only in dates and check digits, letters only in names and state codes) and, for the fields a check
 * digit protects, by the check digits themselves: OCR confusions (O/Q/D and 0, I/L and 1, B and 8, S and 5, Z and 2,
 * G and 6, T and 7, A and 4, K for the filler, and look-alike digits) are tried, fewest changes first, until each
 * field's check digit and then the composite check digit hold. The search is bounded (two changed characters a
 * field, a dozen readings a field for the composite to choose among); what it cannot repair stays as read, for the
 * parser to report.
 */
public final class MrzCorrector {
    /**
     * The most two changes to one field may cost together: two likely letter/digit confusions, not look-alike digits,
     * which would let the search invent a number the check digits happen to accept.
     */
    private static final int MAX_TWO_CHANGE_COST = 3;
    /** The costliest change made inside a number; dates and check digits, which only hold digits, may cost more. */
    private static final int LIKELY_CHANGE_COST = 2;
    /** The candidates a field keeps for the composite check to choose among. */
    private static final int CANDIDATES_PER_FIELD = 12;

    /** What a letter in a digit-only position most likely was. */
    private static final Map<Character, Character> AS_DIGIT = Map.ofEntries(Map.entry('O', '0'), Map.entry('Q', '0'),
            Map.entry('D', '0'), Map.entry('U', '0'), Map.entry('I', '1'), Map.entry('L', '1'), Map.entry('J', '1'),
            Map.entry('Z', '2'), Map.entry('A', '4'), Map.entry('S', '5'), Map.entry('G', '6'), Map.entry('T', '7'),
            Map.entry('B', '8'));
    /** What a digit in a letter-only position most likely was. */
    private static final Map<Character, Character> AS_LETTER = Map.of('0', 'O', '1', 'I', '2', 'Z', '4', 'A', '5', 'S',
            '6', 'G', '7', 'T', '8', 'B');
    /** Other readings of a digit, for fields whose check digit fails. */
    private static final Map<Character, String> DIGIT_ALTERNATIVES = Map.of('0', "869", '1', "7", '2', "7", '3', "8",
            '4', "", '5', "63", '6', "508", '7', "12", '8', "0369", '9', "80");
    /** Other readings of a character where letters and digits are both allowed. */
    private static final Map<Character, String> ALNUM_ALTERNATIVES = Map.ofEntries(Map.entry('0', "ODQ869"),
            Map.entry('O', "0DQ"), Map.entry('D', "0O"), Map.entry('Q', "0O"), Map.entry('1', "IL7"),
            Map.entry('I', "1L"), Map.entry('L', "1I"), Map.entry('8', "B0369"), Map.entry('B', "8"),
            Map.entry('5', "S63"), Map.entry('S', "5"), Map.entry('2', "Z7"), Map.entry('Z', "2"),
            Map.entry('6', "G508"), Map.entry('G', "6"), Map.entry('7', "T12"), Map.entry('T', "7"),
            Map.entry('4', "A"), Map.entry('A', "4"), Map.entry('3', "8"), Map.entry('9', "80"), Map.entry('K', "<"));
    /** Letters a sex code is misread as. */
    private static final Map<Character, Character> SEX = Map.of('H', 'M', 'N', 'M', 'W', 'M', 'P', 'F', 'E', 'F',
            'K', '<');

    private MrzCorrector() {
    }

    /**
     * The repaired zone.
     *
     * @param lines               the zone's lines, ready for {@link MrzParser}; empty when nothing like a zone was
     *                            found
     * @param format              the layout, or null when none was found
     * @param correctedCharacters characters changed (spacing, case and filler glyphs not counted)
     * @param layoutRepaired      whether lines were joined, split, padded or trimmed to fit the layout
     */
    public record Correction(List<String> lines, MrzFormat format, int correctedCharacters, boolean layoutRepaired) {
        public Correction {
            lines = List.copyOf(lines);
        }
    }

    /** Repairs the raw OCR lines of a zone, top line first. */
    public static Correction correct(List<String> raw) {
        List<String> lines = new ArrayList<>();
        for (String line : raw == null ? List.<String>of() : raw) {
            String clean = normalise(line);
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        MrzFormat format = MrzParser.formatOf(lines);
        boolean repaired = false;
        if (format == null) {
            Layout layout = Layout.fit(lines);
            if (layout == null) {
                return new Correction(List.of(), null, 0, false);
            }
            lines = layout.lines();
            format = layout.format();
            repaired = true;
        }
        char[][] zone = new char[lines.size()][];
        for (int i = 0; i < zone.length; i++) {
            zone[i] = lines.get(i).toCharArray();
        }
        int changed = new FieldRepair(format, zone).run();
        List<String> out = new ArrayList<>();
        for (char[] line : zone) {
            out.add(new String(line));
        }
        return new Correction(out, format, changed, repaired);
    }

    /** Upper case, no spaces, accents and odd filler glyphs turned into what an MRZ holds; other marks dropped. */
    static String normalise(String line) {
        String text = Normalizer.normalize(line, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<') {
                out.append(c);
            } else if ("«‹＜〈⟨‘(".indexOf(c) >= 0) {
                // guillemets and brackets are the filler's usual misreadings; « stands for a pair
                out.append(c == '«' ? "<<" : "<");
            }
        }
        return out.toString();
    }

    /** Lines brought to one layout by joining, splitting, padding or trimming fillers. */
    private record Layout(MrzFormat format, List<String> lines) {

        /** The layout the lines fit after an unambiguous repair, or null. */
        static Layout fit(List<String> lines) {
            String joined = String.join("", lines);
            for (MrzFormat format : MrzFormat.values()) {
                if (joined.length() == format.lines() * format.length() && lines.size() != format.lines()) {
                    List<String> split = new ArrayList<>();
                    for (int i = 0; i < format.lines(); i++) {
                        split.add(joined.substring(i * format.length(), (i + 1) * format.length()));
                    }
                    return new Layout(format, split);
                }
            }
            // text read above or below the zone: the zone is the run of lines that fits a layout, within two characters
            for (MrzFormat format : MrzFormat.values()) {
                for (int from = lines.size() - format.lines(); from >= 0; from--) {
                    List<String> fitted = resize(lines.subList(from, from + format.lines()), format.length());
                    if (fitted != null) {
                        return new Layout(format, fitted);
                    }
                }
            }
            return null;
        }

        private static List<String> resize(List<String> lines, int length) {
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                String resized = resize(line, length);
                if (resized == null) {
                    return null;
                }
                out.add(resized);
            }
            return out;
        }

        /** A line two characters off at most, changed in its fillers only: at its end, else in its longest run. */
        private static String resize(String line, int length) {
            int delta = length - line.length();
            if (delta == 0 || Math.abs(delta) > 2) {
                return delta == 0 ? line : null;
            }
            int[] run = longestFillerRun(line);
            boolean endsInFiller = line.endsWith("<");
            if (delta > 0) {
                int at = endsInFiller ? line.length() : run == null ? -1 : run[0];
                return at < 0 ? null : line.substring(0, at) + "<".repeat(delta) + line.substring(at);
            }
            int at = endsInFiller && run != null && run[0] + run[1] == line.length() ? line.length() + delta
                    : run != null && run[1] > -delta ? run[0] : -1;
            return at < 0 ? null : line.substring(0, at) + line.substring(at - delta);
        }

        /** Start and length of the longest run of fillers, or null when the line has no run of two. */
        private static int[] longestFillerRun(String line) {
            int[] best = null;
            for (int i = 0; i < line.length(); ) {
                int j = i;
                while (j < line.length() && line.charAt(j) == '<') {
                    j++;
                }
                if (j - i >= 2 && (best == null || j - i > best[1])) {
                    best = new int[]{i, j - i};
                }
                i = Math.max(j, i + 1);
            }
            return best;
        }
    }

    /** What a position may hold. */
    private enum Kind {
        /** Letters or filler: names, the document code. */
        LETTERS,
        /** A three-letter state code. */
        STATE,
        /** Letters, digits or filler: document and personal numbers, optional data. */
        ALNUM,
        /** Digits (or fillers for an unknown date part): dates. */
        DIGITS,
        /** A check digit (a filler where the field allows one). */
        CHECK,
        /** M, F, X or filler. */
        SEX
    }

    /**
     * A check-digit protected field.
     *
     * @param field the field, its check digit at {@code field.end()}
     * @param date  whether the field is a YYMMDD date
     * @param empty whether an all-filler field may carry a filler or 0 as its check digit
     */
    private record Checked(Span field, boolean date, boolean empty) {
    }

    /** The field-by-field repair of one zone in a known layout. */
    private static final class FieldRepair {
        private final char[][] zone;
        private final List<Span> spans = new ArrayList<>();
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Checked> checked = new ArrayList<>();
        private final List<Span> composite = new ArrayList<>();
        private Span names;
        private int compositeLine = -1;
        private int compositeAt = -1;
        private int changed;

        FieldRepair(MrzFormat format, char[][] zone) {
            this.zone = zone;
            if (format == MrzFormat.TD1) {
                td1();
            } else {
                twoLine(format);
            }
        }

        private void add(int line, int start, int end, Kind kind) {
            spans.add(new Span(line, start, end));
            kinds.add(kind);
        }

        private void header(int length) {
            add(0, 0, 2, Kind.LETTERS);
            add(0, 2, 5, Kind.STATE);
            names = new Span(0, 5, length);
            add(0, 5, length, Kind.LETTERS);
        }

        private void twoLine(MrzFormat format) {
            int length = format.length();
            header(length);
            // the document code decides the rest: a visa has no personal number check digit and no composite
            forceLetter(0, 0);
            boolean visa = zone[0][0] == 'V';
            boolean passport = length == MrzFormat.TD3.length();
            add(1, 0, 9, Kind.ALNUM);
            add(1, 9, 10, Kind.CHECK);
            add(1, 10, 13, Kind.STATE);
            add(1, 13, 19, Kind.DIGITS);
            add(1, 19, 20, Kind.CHECK);
            add(1, 20, 21, Kind.SEX);
            add(1, 21, 27, Kind.DIGITS);
            add(1, 27, 28, Kind.CHECK);
            checked.add(new Checked(new Span(1, 0, 9), false, false));
            checked.add(new Checked(new Span(1, 13, 19), true, false));
            checked.add(new Checked(new Span(1, 21, 27), true, false));
            if (visa) {
                add(1, 28, length, Kind.ALNUM);
                return;
            }
            int optionalEnd = passport ? 42 : 35;
            add(1, 28, optionalEnd, Kind.ALNUM);
            if (passport) {
                add(1, 42, 43, Kind.CHECK);
                checked.add(new Checked(new Span(1, 28, 42), false, true));
            }
            add(1, length - 1, length, Kind.CHECK);
            useComposite(format);
        }

        private void td1() {
            add(0, 0, 2, Kind.LETTERS);
            add(0, 2, 5, Kind.STATE);
            add(0, 5, 14, Kind.ALNUM);
            add(0, 14, 15, Kind.CHECK);
            add(0, 15, 30, Kind.ALNUM);
            add(1, 0, 6, Kind.DIGITS);
            add(1, 6, 7, Kind.CHECK);
            add(1, 7, 8, Kind.SEX);
            add(1, 8, 14, Kind.DIGITS);
            add(1, 14, 15, Kind.CHECK);
            add(1, 15, 18, Kind.STATE);
            add(1, 18, 29, Kind.ALNUM);
            add(1, 29, 30, Kind.CHECK);
            names = new Span(2, 0, 30);
            add(2, 0, 30, Kind.LETTERS);
            checked.add(new Checked(new Span(0, 5, 14), false, false));
            checked.add(new Checked(new Span(1, 0, 6), true, false));
            checked.add(new Checked(new Span(1, 8, 14), true, false));
            useComposite(MrzFormat.TD1);
        }

        private void useComposite(MrzFormat format) {
            composite.addAll(format.compositeSpans());
            compositeLine = format.compositeCheck().line();
            compositeAt = format.compositeCheck().start();
        }

        int run() {
            for (int i = 0; i < spans.size(); i++) {
                Span span = spans.get(i);
                for (int p = span.start(); p < span.end(); p++) {
                    forcePosition(span.line(), p, kinds.get(i));
                }
                if (kinds.get(i) == Kind.STATE) {
                    repairState(span);
                }
            }
            repairNameFillers();
            repairFillerKs();
            repairCheckedFields();
            repairUncheckedByComposite();
            return changed;
        }

        private void forcePosition(int line, int p, Kind kind) {
            char c = zone[line][p];
            switch (kind) {
                case LETTERS, STATE -> forceLetter(line, p);
                case DIGITS -> set(line, p, AS_DIGIT.getOrDefault(c, c));
                case CHECK -> set(line, p, c == 'K' ? '<' : AS_DIGIT.getOrDefault(c, c));
                case SEX -> set(line, p, SEX.getOrDefault(c, c));
                case ALNUM -> {
                }
            }
        }

        /**
         * A K between fillers (or between a filler and the end) in numbers and optional data is a misread filler. The
         * check digits cannot see this misreading: K counts 20, the filler 0, the same modulo 10.
         */
        private void repairFillerKs() {
            for (int i = 0; i < spans.size(); i++) {
                Span span = spans.get(i);
                if (kinds.get(i) != Kind.ALNUM) {
                    continue;
                }
                for (int p = span.start(); p < span.end(); p++) {
                    boolean fillerBefore = p == span.start() || zone[span.line()][p - 1] == '<';
                    boolean fillerAfter = p + 1 == span.end() || zone[span.line()][p + 1] == '<';
                    if (zone[span.line()][p] == 'K' && fillerBefore && fillerAfter && span.end() - span.start() > 1) {
                        set(span.line(), p, '<');
                    }
                }
            }
            // the document code's second letter: issuers use P, D, S, O and the like, never K
            if (zone[0][1] == 'K') {
                set(0, 1, '<');
            }
        }

        private void forceLetter(int line, int p) {
            char c = zone[line][p];
            set(line, p, AS_LETTER.getOrDefault(c, c));
        }

        private void set(int line, int p, char c) {
            if (zone[line][p] != c) {
                zone[line][p] = c;
                changed++;
            }
        }

        /** An unknown state code that one look-alike letter turns into a known one takes that letter. */
        private void repairState(Span span) {
            String code = text(span);
            if (IcaoCode.isKnown(code)) {
                return;
            }
            for (int p = 0; p < code.length(); p++) {
                for (char alternative : ALNUM_ALTERNATIVES.getOrDefault(code.charAt(p), "").toCharArray()) {
                    String candidate = code.substring(0, p) + alternative + code.substring(p + 1);
                    if (Character.isLetter(alternative) && IcaoCode.isKnown(candidate)) {
                        set(span.line(), span.start() + p, alternative);
                        return;
                    }
                }
            }
        }

        /**
         * The secondary identifier ends at its first double filler: anything after it is a misread filler. A lone K
         * just before that end is one too (K is the filler's most common misreading; a real one-letter K initial
         * there is lost, a rarer error than the misreading).
         */
        private void repairNameFillers() {
            String field = text(names);
            int separator = field.indexOf("<<");
            if (separator < 0) {
                return;
            }
            int end = field.indexOf("<<", separator + 2);
            if (end < 0) {
                return;
            }
            if (end >= 2 && field.charAt(end - 1) == 'K' && field.charAt(end - 2) == '<') {
                end--;
            }
            for (int p = end; p < field.length(); p++) {
                set(names.line(), names.start() + p, '<');
            }
        }

        private String text(Span span) {
            return new String(zone[span.line()], span.start(), span.end() - span.start());
        }

        /**
         * Each protected field's candidates, then the cheapest combination the composite check digit accepts. When
         * none does, the error is outside the protected fields: in optional data only the composite covers, or in the
         * composite check digit itself.
         */
        private void repairCheckedFields() {
            List<List<Candidate>> options = new ArrayList<>();
            for (Checked field : checked) {
                options.add(candidates(field));
            }
            int[] choice = compositeAt < 0 ? null : bestForComposite(options);
            for (int g = 0; g < checked.size(); g++) {
                Span span = checked.get(g).field();
                String text = options.get(g).get(choice == null ? 0 : choice[g]).text();
                for (int p = 0; p < text.length(); p++) {
                    set(span.line(), span.start() + p, text.charAt(p));
                }
            }
            // a misread composite digit is only believed when every protected field was read right: two guesses that
            // confirm each other are no confirmation
            boolean fieldsAsRead = options.stream().allMatch(o -> o.getFirst().cost() == 0);
            if (compositeAt >= 0 && choice == null && !repairUncheckedByComposite() && fieldsAsRead) {
                char printed = zone[compositeLine][compositeAt];
                char digit = (char) ('0' + compositeDigit(zone));
                if (DIGIT_ALTERNATIVES.getOrDefault(printed, "").indexOf(digit) >= 0) {
                    set(compositeLine, compositeAt, digit);
                }
            }
        }

        /**
         * Changes the one character of the composite's unprotected optional data that makes the composite hold, when
         * exactly one likeliest such change exists.
         */
        private boolean repairUncheckedByComposite() {
            int bestCost = Integer.MAX_VALUE;
            int fixes = 0;
            Span fixSpan = null;
            int fixAt = -1;
            char fixTo = 0;
            for (int i = 0; i < spans.size(); i++) {
                Span span = spans.get(i);
                if (kinds.get(i) != Kind.ALNUM || isChecked(span) || !inComposite(span)) {
                    continue;
                }
                char[] text = (text(span) + "<").toCharArray(); // changeCost reads the last character as a check digit
                for (int p = 0; p < text.length - 1; p++) {
                    char original = zone[span.line()][span.start() + p];
                    for (char to : ALNUM_ALTERNATIVES.getOrDefault(original, "").toCharArray()) {
                        zone[span.line()][span.start() + p] = to;
                        if (MrzCheckDigit.matches(compositeText(zone), zone[compositeLine][compositeAt])) {
                            int cost = changeCost(text, p, to);
                            fixes = cost < bestCost ? 1 : cost == bestCost ? fixes + 1 : fixes;
                            if (cost < bestCost) {
                                bestCost = cost;
                                fixSpan = span;
                                fixAt = p;
                                fixTo = to;
                            }
                        }
                        zone[span.line()][span.start() + p] = original;
                    }
                }
            }
            if (fixes != 1) {
                return false;
            }
            set(fixSpan.line(), fixSpan.start() + fixAt, fixTo);
            return true;
        }

        private boolean isChecked(Span span) {
            return checked.stream().anyMatch(c -> c.field().equals(span));
        }

        private boolean inComposite(Span span) {
            return composite.stream().anyMatch(c -> c.line() == span.line() && c.start() <= span.start()
                    && span.end() <= c.end());
        }

        /**
         * A reading of a field and its check digit, and how unlikely its changes are ({@link #changeCost}).
         */
        private record Candidate(String text, int cost) {
        }

        /**
         * Readings of the field (its check digit included) that its check digit accepts, likeliest first; the field
         * as read alone when none is found within two changes.
         */
        private List<Candidate> candidates(Checked field) {
            Span span = field.field();
            String read = new String(zone[span.line()], span.start(), span.end() - span.start() + 1);
            List<Candidate> found = new ArrayList<>();
            boolean readValid = valid(read, field);
            if (readValid) {
                found.add(new Candidate(read, 0));
            }
            char[] text = read.toCharArray();
            for (int a = 0; a < text.length; a++) {
                for (char x : alternatives(text, a, field)) {
                    int costA = changeCost(text, a, x);
                    if (costA > LIKELY_CHANGE_COST && !field.date() && a < text.length - 1) {
                        continue; // a letter amid digits (or a digit amid letters) in a number is invented, not read
                    }
                    char[] one = text.clone();
                    one[a] = x;
                    if (valid(new String(one), field)) {
                        found.add(new Candidate(new String(one), costA));
                    }
                    for (int b = a + 1; b < text.length && !readValid; b++) {
                        for (char y : alternatives(text, b, field)) {
                            char[] two = one.clone();
                            two[b] = y;
                            int cost = costA + changeCost(text, b, y);
                            if (cost <= MAX_TWO_CHANGE_COST && valid(new String(two), field)) {
                                found.add(new Candidate(new String(two), cost));
                            }
                        }
                    }
                }
            }
            if (found.isEmpty()) {
                found.add(new Candidate(read, 0));
            }
            found.sort(java.util.Comparator.comparingInt(Candidate::cost));
            return found.size() > CANDIDATES_PER_FIELD ? found.subList(0, CANDIDATES_PER_FIELD) : found;
        }

        /**
         * How unlikely reading {@code text[p]} as {@code to} is: a letter/digit confusion costs 2, one point less when
         * the new character is of the same kind as both neighbours (an O among digits was a 0), one more when it is of
         * neither's; a digit misread as another digit costs 3; K for the filler 1.
         */
        private static int changeCost(char[] text, int p, char to) {
            char from = text[p];
            if (from == 'K' && to == '<') {
                return 1;
            }
            if (Character.isDigit(from) && Character.isDigit(to)) {
                return 3;
            }
            int agreeing = 0;
            int neighbours = 0;
            for (int q : new int[]{p - 1, p + 1}) {
                if (q >= 0 && q < text.length - 1 && text[q] != '<') {
                    neighbours++;
                    agreeing += Character.isDigit(text[q]) == Character.isDigit(to) ? 1 : 0;
                }
            }
            return neighbours == 0 ? 2 : agreeing == neighbours ? 1 : agreeing == 0 ? 3 : 2;
        }

        private static char[] alternatives(char[] text, int p, Checked field) {
            char c = text[p];
            boolean check = p == text.length - 1;
            String options = check || field.date() ? DIGIT_ALTERNATIVES.getOrDefault(c, "")
                    : ALNUM_ALTERNATIVES.getOrDefault(c, "");
            if (check && field.empty() && c == 'K') {
                options = "<";
            }
            return options.toCharArray();
        }

        private static boolean valid(String fieldAndCheck, Checked field) {
            String value = fieldAndCheck.substring(0, fieldAndCheck.length() - 1);
            char check = fieldAndCheck.charAt(fieldAndCheck.length() - 1);
            if (value.chars().anyMatch(c -> !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '<')) {
                return false;
            }
            if (field.empty() && value.chars().allMatch(c -> c == '<')) {
                return check == '<' || check == '0';
            }
            if (field.date() && !plausibleDate(value)) {
                return false;
            }
            return MrzCheckDigit.matches(value, check);
        }

        private static boolean plausibleDate(String yymmdd) {
            if (yymmdd.chars().anyMatch(c -> c == '<')) {
                return true; // unknown parts
            }
            if (yymmdd.chars().anyMatch(c -> c < '0' || c > '9')) {
                return false;
            }
            int month = Integer.parseInt(yymmdd.substring(2, 4));
            int day = Integer.parseInt(yymmdd.substring(4, 6));
            return month >= 1 && month <= 12 && day >= 1 && day <= 31;
        }

        /** The cheapest choice of field readings that the printed composite check digit accepts, or null. */
        private int[] bestForComposite(List<List<Candidate>> options) {
            int[] choice = new int[options.size()];
            int[] best = null;
            int bestCost = Integer.MAX_VALUE;
            char printed = zone[compositeLine][compositeAt];
            while (true) {
                int cost = 0;
                for (int g = 0; g < choice.length; g++) {
                    cost += options.get(g).get(choice[g]).cost();
                }
                if (cost < bestCost && compositeDigit(withChoice(options, choice)) == printed - '0') {
                    bestCost = cost;
                    best = choice.clone();
                }
                int g = 0;
                while (g < choice.length && ++choice[g] == options.get(g).size()) {
                    choice[g++] = 0;
                }
                if (g == choice.length) {
                    return best;
                }
            }
        }

        private char[][] withChoice(List<List<Candidate>> options, int[] choice) {
            char[][] copy = new char[zone.length][];
            for (int i = 0; i < zone.length; i++) {
                copy[i] = zone[i].clone();
            }
            for (int g = 0; g < checked.size(); g++) {
                Span span = checked.get(g).field();
                String text = options.get(g).get(choice[g]).text();
                text.getChars(0, text.length(), copy[span.line()], span.start());
            }
            return copy;
        }

        private String compositeText(char[][] lines) {
            StringBuilder covered = new StringBuilder();
            for (Span span : composite) {
                covered.append(lines[span.line()], span.start(), span.end() - span.start());
            }
            return covered.toString();
        }

        private int compositeDigit(char[][] lines) {
            return MrzCheckDigit.compute(compositeText(lines));
        }
    }
}
