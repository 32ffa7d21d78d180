package io.kycflow.screening;

import io.kycflow.screening.quality.UnlistedNames;
import io.kycflow.testing.SanctionsFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kycflow.sanctions.Alias;
import io.kycflow.sanctions.ListedEntity;
import io.kycflow.sanctions.ParsedList;
import io.kycflow.sanctions.SanctionsData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The candidate filter loses nothing: screening with it equals scoring every listed name. */
class ScreeningEquivalenceTest {

    private static final int LISTED_SAMPLE = 120;
    /** Every this many of the unlisted names (in locale order, so every locale and script is among them). */
    private static final int UNLISTED_STEP = 100;

    @Test
    void filteredScreeningEqualsScoringEveryName() throws IOException {
        ScreeningIndex index = SanctionsFixtures.index();
        List<String> queries = queries();
        List<String> differences = queries.parallelStream().flatMap(name -> {
            // for a name-only query the hits at 80 are the hits at 60 that score 80 or more
            List<ScreeningHit> everyName = index.screen(ScreeningQuery.byName(name, 60), false).hits();
            List<String> out = new ArrayList<>();
            for (int minScore : new int[] {60, 80}) {
                List<ScreeningHit> expected = everyName.stream().filter(hit -> hit.score() >= minScore).toList();
                List<ScreeningHit> filtered = index.screen(ScreeningQuery.byName(name, minScore)).hits();
                if (!expected.equals(filtered)) {
                    out.add(name + " @" + minScore + ": expected " + expected.size() + " hits, got " + filtered.size());
                }
            }
            return out.stream();
        }).toList();
        System.out.printf("filtered vs every-name screening: %d queries at minScore 60 and 80, %d differences%n",
                queries.size(), differences.size());
        assertTrue(differences.isEmpty(), differences.toString());
    }

    /** The test-data names, ordinary names in every locale's script, then listed names with a typo, reordered, or both. */
    private static List<String> queries() throws IOException {
        Set<String> queries = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(SanctionsData.nameMatchingDir())) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank() || line.startsWith("#") || line.startsWith("query_name")) {
                        continue;
                    }
                    if (file.toString().endsWith(".txt")) {
                        queries.add(line.strip());
                    } else {
                        List<String> columns = csvColumns(line);
                        queries.add(columns.get(0));
                        queries.add(columns.get(1));
                    }
                }
            }
        }
        List<UnlistedNames.Name> unlisted = UnlistedNames.load();
        for (int i = 0; i < unlisted.size(); i += UNLISTED_STEP) {
            queries.add(unlisted.get(i).name());
        }
        List<String> listed = new ArrayList<>();
        for (ParsedList list : SanctionsFixtures.lists()) {
            for (ListedEntity entity : list.entities()) {
                listed.add(entity.primaryName());
                entity.aliases().stream().map(Alias::name).forEach(listed::add);
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < LISTED_SAMPLE; i++) {
            String name = listed.get(random.nextInt(listed.size()));
            queries.add(typo(name, random));
            queries.add(reordered(random.nextBoolean() ? name : typo(name, random)));
        }
        return List.copyOf(queries);
    }

    /** One deleted, doubled, swapped or replaced letter. */
    private static String typo(String name, Random random) {
        if (name.length() < 3) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 2);
        StringBuilder out = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> out.deleteCharAt(at);
            case 1 -> out.insert(at, name.charAt(at));
            case 2 -> {
                out.setCharAt(at, name.charAt(at + 1));
                out.setCharAt(at + 1, name.charAt(at));
            }
            default -> out.setCharAt(at, "AEIOUY".charAt(random.nextInt(6)));
        }
        return out.toString();
    }

    /** The words in reverse order, without commas. */
    private static String reordered(String name) {
        List<String> words = new ArrayList<>(List.of(name.replace(",", " ").trim().split("\\s+")));
        Collections.reverse(words);
        return String.join(" ", words);
    }

    private static List<String> csvColumns(String line) {
        List<String> columns = new ArrayList<>();
        StringBuilder column = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                columns.add(column.toString().strip());
                column.setLength(0);
            } else {
                column.append(c);
            }
        }
        columns.add(column.toString().strip());
        return columns;
    }

    @Test
    void csvColumnsKeepQuotedCommas() {
        assertEquals(List.of("a", "b, c", "1"), csvColumns("a,\"b, c\",1"));
    }
}
