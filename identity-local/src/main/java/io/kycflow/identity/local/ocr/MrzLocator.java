package io.kycflow.identity.local.ocr;

import io.kycflow.identity.mrz.MrzFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the machine-readable zone in a photo of a document: straightens the photo, then looks for two or three
 * stacked rows of evenly spaced characters of one size, left-aligned and of equal length, as ICAO 9303 prints them.
 *
 * <ol>
 *   <li>Ink: Sauvola's local threshold, which drops the background guilloche.</li>
 *   <li>Skew: the angle at which the ink's horizontal projection is most peaked (text rows line up), searched
 *       over ±{@value #MAX_SKEW_DEGREES}°, coarse then fine; the image is turned back by it.</li>
 *   <li>Characters: connected ink components of character size.</li>
 *   <li>Rows: characters chained left to right at character-sized gaps and a common height; a row of at least
 *       {@value #MIN_ROW_CHARACTERS} characters may be a zone line.</li>
 *   <li>Zone: consecutive rows with the same left edge, length, pitch and character height, one to two
 *       character heights apart; three of 30 characters are a TD1 zone, two of 36 or 44 a TD2 or TD3 zone.
 *       Of several candidates the lowest wins (the zone is at the foot of the page).</li>
 * </ol>
 */
final class MrzLocator {
    static final double MAX_SKEW_DEGREES = 8;
    static final int MIN_ROW_CHARACTERS = 16;
    /** Characters smaller than this (pixels) are too small to read; the photo is refused rather than guessed. */
    private static final int MIN_CHARACTER_HEIGHT = 7;

    private MrzLocator() {
    }

    /**
     * One located zone line in the straightened image.
     *
     * @param characterHeight the height of a capital, pixels
     * @param pitch           the distance from one character to the next, pixels
     * @param cells           how many character cells the row spans, first to last
     */
    record Row(int left, int top, int right, int bottom, double characterHeight, double pitch, int cells) {
        double centreY() {
            return (top + bottom) / 2.0;
        }
    }

    /**
     * A located zone.
     *
     * @param straightened the photo turned so the zone's rows are level
     * @param skewDegrees  how far the photo was turned clockwise (the correction applied is the opposite)
     * @param rows         the zone's lines, top first
     * @param format       the format their number and length say
     */
    record Zone(GreyImage straightened, double skewDegrees, List<Row> rows, MrzFormat format) {
    }

    /** The zone in the image, or empty when there is none. */
    static Optional<Zone> locate(GreyImage image) {
        int window = Math.max(15, image.width / 40);
        boolean[] ink = Sauvola.ink(image, window);
        double skew = skewDegrees(ink, image.width, image.height);
        GreyImage straight = image.rotated(Math.toRadians(-skew));
        boolean[] straightInk = skew == 0 ? ink : Sauvola.ink(straight, window);
        List<Component> characters = characters(straightInk, straight.width, straight.height);
        List<Row> rows = rows(characters);
        return zone(rows).map(zone -> new Zone(straight, skew, zone, formatOf(zone)));
    }

    // ---------------------------------------------------------------- skew

    /** The angle (degrees, clockwise) that best lines the ink up in rows. */
    static double skewDegrees(boolean[] ink, int width, int height) {
        int[] xs = new int[Math.min(ink.length, 400_000)];
        int[] ys = new int[xs.length];
        int count = 0;
        // every ink pixel up to a budget, taken evenly across the image
        int step = Math.max(1, countInk(ink) / xs.length + 1);
        int seen = 0;
        for (int i = 0; i < ink.length && count < xs.length; i++) {
            if (ink[i] && seen++ % step == 0) {
                xs[count] = i % width;
                ys[count] = i / width;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double best = 0;
        double bestScore = -1;
        for (double angle = -MAX_SKEW_DEGREES; angle <= MAX_SKEW_DEGREES; angle += 0.5) {
            double score = peakedness(xs, ys, count, width, height, angle);
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        double coarse = best;
        for (double angle = coarse - 0.4; angle <= coarse + 0.4; angle += 0.1) {
            double score = peakedness(xs, ys, count, width, height, angle);
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    private static int countInk(boolean[] ink) {
        int n = 0;
        for (boolean b : ink) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** The sum of squared row counts of the ink projected at {@code degrees}: largest when rows are level. */
    private static double peakedness(int[] xs, int[] ys, int count, int width, int height, double degrees) {
        double tan = Math.tan(Math.toRadians(degrees));
        int offset = (int) Math.ceil(Math.abs(tan) * width);
        int[] profile = new int[height + 2 * offset + 1];
        for (int i = 0; i < count; i++) {
            int row = (int) Math.round(ys[i] - xs[i] * tan) + offset;
            profile[Math.clamp(row, 0, profile.length - 1)]++;
        }
        double score = 0;
        for (int value : profile) {
            score += (double) value * value;
        }
        return score;
    }

    // ---------------------------------------------------------------- characters

    /** A connected ink component's box. */
    record Component(int left, int top, int right, int bottom, int area) {
        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }

        double centreX() {
            return (left + right) / 2.0;
        }

        double centreY() {
            return (top + bottom) / 2.0;
        }
    }

    /** The 8-connected ink components of character size and shape, left to right. */
    static List<Component> characters(boolean[] ink, int width, int height) {
        int maxHeight = Math.max(MIN_CHARACTER_HEIGHT + 1, height / 6);
        boolean[] seen = new boolean[ink.length];
        int[] stack = new int[ink.length];
        List<Component> found = new ArrayList<>();
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) {
                continue;
            }
            int left = width;
            int top = height;
            int right = -1;
            int bottom = -1;
            int area = 0;
            int size = 0;
            stack[size++] = start;
            seen[start] = true;
            while (size > 0) {
                int p = stack[--size];
                int x = p % width;
                int y = p / width;
                area++;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int q = ny * width + nx;
                        if (nx >= 0 && nx < width && ink[q] && !seen[q]) {
                            seen[q] = true;
                            stack[size++] = q;
                        }
                    }
                }
            }
            Component c = new Component(left, top, right, bottom, area);
            // '<' is about half a capital's height, '1' and 'I' a fraction of its width; merged neighbours under
            // blur are up to three cells wide
            if (c.height() >= MIN_CHARACTER_HEIGHT / 2 && c.height() <= maxHeight && c.width() <= 3 * c.height()
                    && c.area() >= 6) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparingInt(Component::left));
        return found;
    }

    // ---------------------------------------------------------------- rows

    /** Characters chained into rows: each next one to the right within a cell's gap, at the row's height. */
    static List<Row> rows(List<Component> characters) {
        boolean[] used = new boolean[characters.size()];
        List<Row> rows = new ArrayList<>();
        for (int first = 0; first < characters.size(); first++) {
            if (used[first]) {
                continue;
            }
            List<Integer> chain = new ArrayList<>();
            chain.add(first);
            double height = characters.get(first).height();
            double centre = characters.get(first).centreY();
            int current = first;
            while (true) {
                Component last = characters.get(current);
                int next = -1;
                for (int i = current + 1; i < characters.size(); i++) {
                    Component c = characters.get(i);
                    if (c.left() > last.right() + 1.2 * height) {
                        break;
                    }
                    // a '<' is half a capital's height: the row takes characters from 0.4 to 2 times its height
                    if (!used[i] && c.left() > last.left() && Math.abs(c.centreY() - centre) <= 0.35 * height
                            && c.height() <= 2 * height && c.height() >= 0.4 * height) {
                        next = i;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                Component c = characters.get(next);
                chain.add(next);
                height = Math.max(height, c.height());
                centre = 0.7 * centre + 0.3 * c.centreY();
                current = next;
            }
            // only an accepted row keeps its characters: a chain that began on a stray mark frees them again
            Optional<Row> row = chain.size() >= MIN_ROW_CHARACTERS
                    ? row(chain.stream().map(characters::get).toList()) : Optional.empty();
            if (row.isPresent()) {
                chain.forEach(index -> used[index] = true);
                rows.add(row.get());
            }
        }
        rows.sort(Comparator.comparingDouble(Row::centreY));
        return rows;
    }

    /** The chain as a row, when its characters are evenly spaced as in a monospaced zone. */
    private static Optional<Row> row(List<Component> chain) {
        int n = chain.size();
        double[] heights = chain.stream().mapToDouble(Component::height).sorted().toArray();
        // capitals and digits are the tallest: the upper quartile is the character height
        double characterHeight = heights[(int) (0.75 * (n - 1))];
        if (characterHeight < MIN_CHARACTER_HEIGHT) {
            return Optional.empty();
        }
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = chain.get(i).centreX() - chain.get(i - 1).centreX();
        }
        double[] sortedGaps = gaps.clone();
        Arrays.sort(sortedGaps);
        double pitch = sortedGaps[sortedGaps.length / 2];
        int regular = 0;
        for (double gap : gaps) {
            // one cell, or two where a character broke away or merged with its neighbour
            if (Math.abs(gap - pitch) <= 0.3 * pitch || Math.abs(gap - 2 * pitch) <= 0.3 * pitch) {
                regular++;
            }
        }
        if (regular < 0.85 * gaps.length) {
            return Optional.empty();
        }
        int top = chain.stream().mapToInt(Component::top).min().orElseThrow();
        int bottom = chain.stream().mapToInt(Component::bottom).max().orElseThrow();
        int cells = (int) Math.round((chain.get(n - 1).centreX() - chain.get(0).centreX()) / pitch) + 1;
        return Optional.of(new Row(chain.get(0).left(), top, chain.get(n - 1).right(), bottom, characterHeight,
                pitch, cells));
    }

    // ---------------------------------------------------------------- zone

    /** The lowest run of two or three rows that form a zone. */
    static Optional<List<Row>> zone(List<Row> rows) {
        List<Row> best = null;
        int i = 0;
        while (i < rows.size()) {
            List<Row> run = new ArrayList<>(List.of(rows.get(i)));
            int j = i + 1;
            while (j < rows.size() && stacked(run.get(run.size() - 1), rows.get(j))) {
                run.add(rows.get(j));
                j++;
            }
            if (run.size() > 3) {
                run = run.subList(run.size() - 3, run.size());
            }
            if (run.size() >= 2 && formatOf(run) != null) {
                best = run;
            }
            i = j;
        }
        return Optional.ofNullable(best);
    }

    /** True when {@code below} continues the zone that {@code above} is a line of. */
    private static boolean stacked(Row above, Row below) {
        double height = Math.max(above.characterHeight(), below.characterHeight());
        double pitch = Math.max(above.pitch(), below.pitch());
        double distance = below.centreY() - above.centreY();
        return distance >= 1.1 * height && distance <= 2.6 * height
                && Math.abs(above.left() - below.left()) <= 1.5 * pitch
                && Math.abs(above.right() - below.right()) <= 2.5 * pitch
                && Math.abs(above.pitch() - below.pitch()) <= 0.12 * pitch
                && Math.abs(above.characterHeight() - below.characterHeight()) <= 0.3 * height;
    }

    /** The format whose line count and length the rows have, or null. */
    private static MrzFormat formatOf(List<Row> rows) {
        int cells = rows.stream().mapToInt(Row::cells).max().orElse(0);
        for (MrzFormat format : MrzFormat.values()) {
            if (format.lines() == rows.size() && Math.abs(cells - format.length()) <= Math.max(3, format.length() / 10)) {
                return format;
            }
        }
        return null;
    }
}
