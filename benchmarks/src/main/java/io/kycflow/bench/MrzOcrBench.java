package io.kycflow.bench;

import io.kycflow.identity.DocumentReading;
import io.kycflow.identity.local.ocr.TesseractMrzReader;
import io.kycflow.identity.testing.EditDistance;
import io.kycflow.identity.testing.SyntheticDocument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code ./kycflow bench mrz-ocr [--documents N] [--seed S]}: the local MRZ reader ({@link TesseractMrzReader}) on
 * N generated documents (default 300; passports, TD1 and TD2 cards in turn), each photographed with a random
 * rotation of up to ±5°, defocus, sensor noise, scale and JPEG quality from one seeded generator. Measures the
 * fraction of documents whose zone is located, of lines read exactly, the character error rate (Levenshtein
 * errors over printed characters; a line not read counts every character) and the time to read a document
 * (both sides of a TD1 card as uploaded), then writes the "MRZ OCR" section of docs/PERFORMANCE.md
 * ({@link ReportSection#MRZ_OCR}). Runs from the project root.
 */
public final class MrzOcrBench {
    private static final int WARM_UPS = 5;
    private static final double MAX_ROTATION = 5;
    private static final double MAX_BLUR = 1.2;
    private static final double MAX_NOISE = 6;

    private MrzOcrBench() {
    }

    /** One kind's counts. */
    private static final class Tally {
        int documents;
        int located;
        int lines;
        int exactLines;
        long characters;
        long errors;
        long locatedCharacters;
        long locatedErrors;
        final List<Double> millis = new ArrayList<>();

        void add(Tally other) {
            documents += other.documents;
            located += other.located;
            lines += other.lines;
            exactLines += other.exactLines;
            characters += other.characters;
            errors += other.errors;
            locatedCharacters += other.locatedCharacters;
            locatedErrors += other.locatedErrors;
            millis.addAll(other.millis);
        }
    }

    public static void main(String[] args) throws Exception {
        int documents = 300;
        long seed = 20261205;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--documents" -> documents = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("usage: ./kycflow bench mrz-ocr [--documents N] [--seed S]");
                    System.exit(2);
                }
            }
        }
        System.setProperty("java.awt.headless", "true");
        Path project = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(project.resolve("template.yaml"))) {
            throw new IllegalStateException("run the benchmark from the project root (where template.yaml is)");
        }
        String loadAtStart = MachineFacts.loadAverage();
        Map<SyntheticDocument.Kind, Tally> tallies = new EnumMap<>(SyntheticDocument.Kind.class);
        Random random = new Random(seed);
        String engine;
        try (TesseractMrzReader reader = TesseractMrzReader.fromEnvironment()) {
            engine = reader.engine().describe();
            for (int i = -WARM_UPS; i < documents; i++) {
                SyntheticDocument.Kind kind = SyntheticDocument.Kind.values()[Math.floorMod(i, 3)];
                SyntheticDocument document = SyntheticDocument.of(kind).randomHolder(seed + i)
                        .rotation((2 * random.nextDouble() - 1) * MAX_ROTATION)
                        .blur(random.nextDouble() * MAX_BLUR)
                        .noise(random.nextDouble() * MAX_NOISE)
                        .scale(0.6 + 0.5 * random.nextDouble())
                        .jpegQuality(0.6 + 0.35 * random.nextDouble())
                        .build();
                byte[] front = document.frontBytes();
                byte[] back = document.backBytes();
                long started = System.nanoTime();
                DocumentReading reading = reader.read(front, back);
                double millis = (System.nanoTime() - started) / 1e6;
                if (i >= 0) {
                    score(tallies.computeIfAbsent(kind, k -> new Tally()), document.mrz(), reading.mrzLines(), millis);
                }
                if (i > 0 && i % 50 == 0) {
                    System.out.println("mrz-ocr: " + i + " documents read");
                }
            }
        }
        String section = render(tallies, documents, seed, engine, loadAtStart);
        System.out.println(section);
        ReportSection.MRZ_OCR.write(project.resolve("docs/PERFORMANCE.md"), section);
        System.out.println("mrz-ocr: wrote docs/PERFORMANCE.md");
    }

    private static void score(Tally tally, List<String> printed, List<String> read, double millis) {
        tally.documents++;
        tally.millis.add(millis);
        boolean located = read.size() == printed.size();
        if (located) {
            tally.located++;
        }
        for (int line = 0; line < printed.size(); line++) {
            String expected = printed.get(line);
            int errors = located ? EditDistance.between(expected, read.get(line)) : expected.length();
            tally.lines++;
            tally.characters += expected.length();
            tally.errors += errors;
            if (errors == 0) {
                tally.exactLines++;
            }
            if (located) {
                tally.locatedCharacters += expected.length();
                tally.locatedErrors += errors;
            }
        }
    }

    private static String render(Map<SyntheticDocument.Kind, Tally> tallies, int documents, long seed, String engine,
                                 String loadAtStart) {
        StringBuilder out = new StringBuilder();
        out.append(ReportSection.MRZ_OCR.begin()).append('\n');
        out.append("## MRZ OCR (local engine)\n\n");
        out.append(String.format(Locale.ROOT, "`./kycflow bench mrz-ocr --documents %d --seed %d`: %s on %d generated "
                        + "documents (`SyntheticDocument`, zone font %s), each turned up to ±%.0f°, defocused up to "
                        + "σ %.1f px, noise up to σ %.0f, scaled 0.6-1.1 (about 180-330 dpi), JPEG quality 0.60-0.95. "
                        + "Times are one `read` (decode, locate, straighten, OCR; both sides of a TD1 card) on one "
                        + "thread after %d warm-ups; load average %s at the start on %d processors.%n%n",
                documents, seed, engine, documents, SyntheticDocument.mrzFontName().strip(), MAX_ROTATION, MAX_BLUR,
                MAX_NOISE, WARM_UPS, loadAtStart, Runtime.getRuntime().availableProcessors()));
        out.append("| documents | zone located | lines read exactly | character error rate | CER where located "
                + "| ms per document, median | p95 | max |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        Tally all = new Tally();
        for (Map.Entry<SyntheticDocument.Kind, Tally> entry : tallies.entrySet()) {
            row(out, entry.getKey().name() + " (" + entry.getKey().format() + ")", entry.getValue());
            all.add(entry.getValue());
        }
        row(out, "all", all);
        out.append("\nLines are returned raw: the MRZ check digits correct the remaining errors.\n");
        out.append(ReportSection.MRZ_OCR.end());
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Tally tally) {
        Stats millis = Stats.of(tally.millis);
        out.append(String.format(Locale.ROOT, "| %s: %d | %.1f %% | %.1f %% (%d of %d) | %.2f %% | %.2f %% | %.0f | %.0f | %.0f |%n",
                name, tally.documents, 100.0 * tally.located / tally.documents,
                100.0 * tally.exactLines / tally.lines, tally.exactLines, tally.lines,
                100.0 * tally.errors / tally.characters,
                tally.locatedCharacters == 0 ? 0 : 100.0 * tally.locatedErrors / tally.locatedCharacters,
                millis.median(), millis.p95(), millis.max()));
    }
}
