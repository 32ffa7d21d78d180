package io.kycflow.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link NameMatcher} (the scorer the screening uses) over ../shared/data/name-matching, against
 * the targets of issue 3. Prints the measured figures. The data directory is the {@code kycflow.shared.dir}
 * system property's (the build sets it to ../shared), else the nearest shared/ directory beside the working
 * directory or one of its parents, so a worktree nested elsewhere still finds it.
 */
class NameMatchingAccuracyTest {

    private static final String TARGET = "PUTIN, Vladimir Vladimirovich";

    private final NameMatcher matcher = new NameMatcher();

    /**
     * Measured: 95.3% of 170 rows within 5 points, MAE 1.39 (before: 94.7%, 1.76). The eight rows still off by
     * more than 5 contradict other rows or the matcher's purpose rather than miss a rule:
     * <ul>
     *   <li>Владимир Путин / PUTIN, Vladimir (OFAC -1, ours 100): OFAC does not transliterate; the matcher must
     *       (crossScriptPairs, putinNameVariants).</li>
     *   <li>ALQAEDA / AL QAEDA (-1, ours 100): its whole name is 97 alike (and equal once the space goes), and
     *       OFAC itself scores ALQAEDA 91 against AL JIL ALQADEM and 100 for AL-QAEDA / AL QAEDA; the list entry
     *       was presumably withheld by something other than its score.</li>
     *   <li>PABLO ESCOBAR / ESCOBAR GAVIRIA, Roberto De Jesus (90, ours 56) and / PABLO LANUSSE GERMAN GUSTAVO
     *       MARIANO (90, ours 82), and GEORGE BUSH / JAMIL (or YAMIL) GEORGES, Fahd (77, listed twice, ours 64):
     *       one query part found, the other nowhere alike, which OFAC scores 50 for HASWANI, George; the tool
     *       shows an entry's primary name but scores its best alias, which these rows do not give.</li>
     *   <li>VLADIMIR PUTIN / POLIN, Vladimir Anatolevich (81, ours 88): PUTIN and POLIN are 76% alike by
     *       Jaro-Winkler, and the part mean (100 + 76) / 2 is what the other rows (PUTIN / PUNTI 90, PTI 88)
     *       imply; a rule giving 81 would break those.</li>
     * </ul>
     */
    @Test
    void ofacSearchToolScores() throws IOException {
        List<String> lines = lines("ofac_search_tool_scores.csv");
        int rows = 0;
        int within5 = 0;
        double errorSum = 0;
        List<String> misses = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csv(line);
            int expected = Integer.parseInt(f.get(2).trim());
            int actual = matcher.score(f.get(0), f.get(1));
            // -1: OFAC did not return the row at its 80 slider, so anything below 80 agrees
            double error = expected < 0 ? Math.max(0, actual - 79) : Math.abs(actual - expected);
            rows++;
            errorSum += error;
            if (error <= 5) {
                within5++;
            } else {
                misses.add(f.get(0) + " | " + f.get(1) + " | ofac " + expected + " | ours " + actual);
            }
        }
        double share = 100.0 * within5 / rows;
        double mae = errorSum / rows;
        System.out.printf(Locale.ROOT, "ofac_search_tool_scores.csv: %d rows, %.1f%% within 5 points, MAE %.2f%n",
                rows, share, mae);
        misses.forEach(m -> System.out.println("  off by more than 5: " + m));
        assertTrue(share >= 95, "at least 95% within 5 points, measured " + share);
        assertTrue(mae <= 1.5, "mean absolute error at most 1.5, measured " + mae);
    }

    @Test
    void putinNameVariants() throws IOException {
        PreparedName target = PreparedName.of(TARGET);
        int total = 0;
        int passed = 0;
        for (String variant : lines("putin_name_variants.txt")) {
            if (variant.isBlank()) {
                continue;
            }
            total++;
            int score = matcher.score(PreparedName.of(variant), target);
            if (score >= 80) {
                passed++;
            } else {
                System.out.println("  below 80: " + variant + " -> " + PreparedName.of(variant).tokens() + " " + score);
            }
        }
        double rate = 100.0 * passed / total;
        System.out.printf(Locale.ROOT, "putin_name_variants.txt: %d/%d (%.1f%%) score 80 or more%n", passed, total, rate);
        assertTrue(rate >= 90, "at least 90% of the variants at 80 or more, measured " + rate);
    }

    @Test
    void crossScriptPairs() throws IOException {
        int total = 0;
        int passed = 0;
        for (String line : lines("cross_script_pairs.csv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = csv(line);
            total++;
            int minimum = (int) Math.round(Double.parseDouble(f.get(2)) * 100);
            int score = matcher.score(f.get(0), f.get(1));
            if (score >= minimum) {
                passed++;
            } else {
                System.out.println("  below " + minimum + ": " + f.get(0) + " -> " + PreparedName.of(f.get(0)).tokens()
                        + " vs " + f.get(1) + " " + score);
            }
        }
        double rate = 100.0 * passed / total;
        System.out.printf(Locale.ROOT, "cross_script_pairs.csv: %d/%d (%.1f%%) at or above their minimum%n",
                passed, total, rate);
        assertTrue(rate >= 80, "at least 80% of the pairs at their minimum, measured " + rate);
    }

    private static List<String> lines(String file) throws IOException {
        Path path = dataFile(file);
        assumeTrue(path != null,
                "name-matching data absent (../shared/data/name-matching/" + file + "); accuracy not measured");
        return Files.readAllLines(path, StandardCharsets.UTF_8);
    }

    /** The data file under kycflow.shared.dir, else under a shared/ beside the working directory or a parent. */
    private static Path dataFile(String file) {
        String dir = System.getProperty("kycflow.shared.dir");
        if (dir != null) {
            Path path = Path.of(dir, "data", "name-matching", file);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path path = at.resolve(Path.of("shared", "data", "name-matching", file));
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        return null;
    }

    /** Splits one CSV line; fields may be double-quoted. */
    private static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
