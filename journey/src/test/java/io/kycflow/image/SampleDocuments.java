package io.kycflow.image;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Synthetic captures for tests, drawn with Java2D: a passport data page, an ID card front and back and a
 * selfie, bad variants of them, and files that are not acceptable images at all. Other modules' tests use
 * them through the shared test-jar.
 *
 * <p>The holder is the ICAO 9303 specimen person (ANNA MARIA ERIKSSON of "Utopia", UTO) with a 2034
 * expiry; the MRZ lines have valid check digits. Everything is deterministic (fixed seeds), so the files
 * written by {@link #main} to docs/samples are reproducible on the same JDK and fonts.
 */
public final class SampleDocuments {

    static {
        // drawing needs no display; set before the first Graphics2D in case the JVM was not told
        System.setProperty("java.awt.headless", "true");
    }

    /** Passport data page size (ID-3 proportions). */
    public static final int PASSPORT_WIDTH = 1600;
    public static final int PASSPORT_HEIGHT = 1120;
    /** ID card size (ID-1 proportions plus a little table around the card). */
    public static final int CARD_WIDTH = 1400;
    public static final int CARD_HEIGHT = 880;
    /** Selfie size (3:4 portrait). */
    public static final int SELFIE_WIDTH = 960;
    public static final int SELFIE_HEIGHT = 1280;

    /** The passport's two-line (TD3) machine-readable zone. */
    public static final List<String> PASSPORT_MRZ = List.of(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F3404159ZE184226B<<<<<16");
    /** The ID card's three-line (TD1) machine-readable zone, on its back. */
    public static final List<String> ID_CARD_MRZ = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F3404159UTO<<<<<<<<<<<2",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    private static final Color INK = new Color(0x1E, 0x22, 0x2B);
    private static final Color LABEL = new Color(0x4A, 0x5A, 0x6E);
    private static final Color TABLE = new Color(0x5B, 0x55, 0x50);
    /** Printed white: paper and laminate reflect less than a blown-out highlight. */
    private static final Color PAPER_WHITE = new Color(0xEE, 0xEE, 0xEA);

    private SampleDocuments() {
    }

    // ---------------------------------------------------------------- good captures

    /** The passport data page at its normal size. */
    public static BufferedImage passport() {
        return passport(PASSPORT_WIDTH);
    }

    /** The same passport scene at another width (height in proportion): for resolution-independence tests. */
    public static BufferedImage passport(int width) {
        return render(width, PASSPORT_WIDTH, PASSPORT_HEIGHT, g -> {
            drawDocument(g, PASSPORT_WIDTH, PASSPORT_HEIGHT, 30, new Color(0xE4ECF2), new Color(0xF1E8DA), 11);
            text(g, "REPUBLIC OF UTOPIA", Font.BOLD, 40, new Color(0x27406B), 80, 100);
            text(g, "PASSPORT / PASSEPORT", Font.BOLD, 40, new Color(0x27406B), 1000, 100);
            drawEmblem(g, 1340, 300, 120);
            drawPortrait(g, 80, 170, 380, 480, new Color(0xD9E6EE));
            field(g, "Type / Type", "P", 500, 160);
            field(g, "Code / Code", "UTO", 660, 160);
            field(g, "Passport No. / N\u00b0 du passeport", "L898902C3", 1000, 160);
            field(g, "Surname / Nom", "ERIKSSON", 500, 240);
            field(g, "Given names / Pr\u00e9noms", "ANNA MARIA", 500, 320);
            field(g, "Nationality / Nationalit\u00e9", "UTOPIAN", 500, 400);
            field(g, "Date of birth / Date de naissance", "12 AUG 1974", 500, 480);
            field(g, "Sex / Sexe", "F", 930, 480);
            field(g, "Place of birth / Lieu de naissance", "ZENITH", 1100, 480);
            field(g, "Date of issue / Date de d\u00e9livrance", "16 APR 2024", 500, 560);
            field(g, "Authority / Autorit\u00e9", "PASSPORT OFFICE ZENITH", 930, 560);
            field(g, "Date of expiry / Date d'expiration", "15 APR 2034", 500, 640);
            text(g, "Holder's signature / Signature du titulaire", Font.PLAIN, 20, LABEL, 500, 740);
            drawSignature(g, 520, 790, 330, 12);
            drawMrz(g, PASSPORT_MRZ, 30, 870, PASSPORT_WIDTH - 60, 54, 92);
        });
    }

    /** The ID card front at its normal size. */
    public static BufferedImage idCardFront() {
        return render(CARD_WIDTH, CARD_WIDTH, CARD_HEIGHT, g -> {
            drawDocument(g, CARD_WIDTH, CARD_HEIGHT, 24, new Color(0xE2F0EC), new Color(0xF3EBDD), 21);
            drawHeaderBand(g, "UTOPIA", "IDENTITY CARD / CARTE D'IDENTIT\u00c9");
            drawPortrait(g, 70, 175, 330, 420, new Color(0xDCE9E4));
            drawChip(g, 1160, 175);
            field(g, "Surname / Nom", "ERIKSSON", 440, 200);
            field(g, "Given names / Pr\u00e9noms", "ANNA MARIA", 440, 280);
            field(g, "Sex / Sexe", "F", 440, 360);
            field(g, "Nationality / Nationalit\u00e9", "UTO", 600, 360);
            field(g, "Date of birth / Date de naissance", "12 08 1974", 860, 360);
            field(g, "Document No. / N\u00b0 du document", "D23145890", 440, 440);
            field(g, "Date of expiry / Date d'expiration", "15 04 2034", 860, 440);
            text(g, "Signature / Signature", Font.PLAIN, 20, LABEL, 440, 560);
            drawSignature(g, 450, 620, 300, 22);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.3f));
            drawPortrait(g, 1110, 470, 190, 240, null);
            g.setComposite(AlphaComposite.SrcOver);
            text(g, "SPECIMEN", Font.BOLD, 30, new Color(0xB0, 0x30, 0x30), 70, 790);
        });
    }

    /** The ID card back at its normal size. */
    public static BufferedImage idCardBack() {
        return render(CARD_WIDTH, CARD_WIDTH, CARD_HEIGHT, g -> {
            drawDocument(g, CARD_WIDTH, CARD_HEIGHT, 24, new Color(0xE6E0F2), new Color(0xDCEFE4), 31);
            field(g, "Address / Adresse", "12 HARBOUR STREET", 80, 100);
            text(g, "1000 ZENITH, UTOPIA", Font.BOLD, 34, INK, 80, 180);
            field(g, "Place of birth / Lieu de naissance", "ZENITH", 80, 220);
            field(g, "Height / Taille", "1.68 m", 520, 220);
            field(g, "Date of issue / Date de d\u00e9livrance", "16 04 2024", 80, 300);
            field(g, "Authority / Autorit\u00e9", "CITY OF ZENITH", 520, 300);
            drawBarcode(g, 920, 90, 380, 220, 32);
            drawMrz(g, ID_CARD_MRZ, 24, 520, CARD_WIDTH - 48, 62, 84);
        });
    }

    /** A selfie: head and shoulders against a room wall, lit from the left, with a little sensor noise. */
    public static BufferedImage selfie() {
        return withNoise(render(SELFIE_WIDTH, SELFIE_WIDTH, SELFIE_HEIGHT, g -> {
            g.setPaint(new GradientPaint(0, 0, new Color(0xCFC4B4), 0, SELFIE_HEIGHT, new Color(0x8E8A86)));
            g.fillRect(0, 0, SELFIE_WIDTH, SELFIE_HEIGHT);
            g.setPaint(radial(180, 200, 420, new Color(255, 250, 235, 150), new Color(255, 250, 235, 0)));
            g.fillRect(0, 0, SELFIE_WIDTH, SELFIE_HEIGHT);
            g.setColor(new Color(0x7A6E62));
            g.fillRect(760, 0, 26, SELFIE_HEIGHT);
            drawPortrait(g, 70, 230, 820, 1050, null);
        }), 3.0);
    }

    // ---------------------------------------------------------------- bad variants

    /** A strongly defocused copy: three box blurs of 1/100 of the width, close to a Gaussian. */
    public static BufferedImage blurred(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int radius = Math.max(1, w / 100);
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        int[] scratch = new int[pixels.length];
        for (int pass = 0; pass < 3; pass++) {
            boxBlur(pixels, scratch, w, h, 1, w, radius);
            boxBlur(scratch, pixels, h, w, w, 1, radius);
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, pixels, 0, w);
        return result;
    }

    /** A copy with Gaussian sensor noise (fixed seed) of the given standard deviation on the 0-255 scale. */
    public static BufferedImage withNoise(BufferedImage image, double sigma) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        Random random = new Random(41);
        for (int i = 0; i < pixels.length; i++) {
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int value = (pixels[i] >> shift & 0xFF) + (int) Math.round(random.nextGaussian() * sigma);
                rgb |= Math.clamp(value, 0, 255) << shift;
            }
            pixels[i] = rgb;
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, pixels, 0, w);
        return result;
    }

    /** An underexposed copy (a fifth of the light). */
    public static BufferedImage dark(BufferedImage image) {
        return new RescaleOp(0.2f, 0f, null).filter(image, null);
    }

    /** An overexposed, washed-out copy. */
    public static BufferedImage overexposed(BufferedImage image) {
        return new RescaleOp(1.5f, 80f, null).filter(image, null);
    }

    /** A copy with a large specular reflection: a blown-out white spot with a soft halo. */
    public static BufferedImage withGlare(BufferedImage image) {
        BufferedImage result = copy(image);
        Graphics2D g = result.createGraphics();
        int w = result.getWidth();
        g.setPaint(new RadialGradientPaint(0.62f * w, 0.42f * result.getHeight(), 0.22f * w,
                new float[] {0f, 0.45f, 1f},
                new Color[] {Color.WHITE, Color.WHITE, new Color(255, 255, 255, 0)}));
        g.fillRect(0, 0, w, result.getHeight());
        g.dispose();
        return result;
    }

    /** A greyscale copy, as from a photocopy (an 8-bit grey image, which encodes to a greyscale JPEG). */
    public static BufferedImage greyscale(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    /** A copy scaled to the given size. */
    public static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return result;
    }

    /** The ID card front as a 200 x 150 thumbnail: under the 300-pixel minimum. */
    public static BufferedImage tiny() {
        return resized(idCardFront(), 200, 150);
    }

    // ---------------------------------------------------------------- files

    /** JPEG at quality 0.9, baseline. */
    public static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.9f, false);
    }

    /** JPEG at the given quality (0-1), baseline or progressive. */
    public static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** PNG. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A uniform grey PNG of any size: cheap even at 7999 pixels wide (for limit tests). */
    public static byte[] plainPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return png(image);
    }

    /**
     * A 1 x 1 PNG whose header claims {@code width x height}: what a decompression bomb looks like to
     * anything that trusts the header, in under a hundred bytes.
     */
    public static byte[] pngClaimingSize(int width, int height) {
        byte[] data = plainPng(1, 1);
        // IHDR is the first chunk: length at 8, type at 12, width at 16, height at 20, CRC (type + data) at 29
        ByteBuffer buffer = ByteBuffer.wrap(data);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(data, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return data;
    }

    /** The passport JPEG cut in half, as an interrupted upload leaves it. */
    public static byte[] truncatedJpeg() {
        byte[] whole = jpeg(passport());
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** The start of a PDF: what arrives when someone uploads a scan saved as PDF and renamed to .jpg. */
    public static byte[] notAnImage() {
        return "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A JPEG signature followed by random bytes, {@code size} bytes in all: for the size limit. */
    public static byte[] oversizedJpeg(int size) {
        byte[] data = new byte[size];
        new Random(51).nextBytes(data);
        data[0] = (byte) 0xFF;
        data[1] = (byte) 0xD8;
        data[2] = (byte) 0xFF;
        return data;
    }

    /**
     * Writes the good samples and one blurry capture to a directory (default {@code docs/samples}), so a
     * journey can be run with curl and real images. Run from the project root:
     * {@code java -cp shared/target/test-classes io.kycflow.image.SampleDocuments docs/samples}
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "docs/samples");
        Files.createDirectories(directory);
        write(directory, "passport.jpg", jpeg(passport()));
        write(directory, "id-front.jpg", jpeg(idCardFront()));
        write(directory, "id-back.jpg", jpeg(idCardBack()));
        write(directory, "selfie.jpg", jpeg(selfie()));
        write(directory, "blurry.jpg", jpeg(blurred(idCardFront())));
    }

    private static void write(Path directory, String name, byte[] data) throws IOException {
        Files.write(directory.resolve(name), data);
        System.out.printf("%-14s %7d bytes%n", name, data.length);
    }

    // ---------------------------------------------------------------- drawing

    /**
     * Renders a scene drawn in design coordinates ({@code designWidth x designHeight}) at {@code width}
     * pixels wide.
     */
    private static BufferedImage render(int width, int designWidth, int designHeight, Consumer<Graphics2D> scene) {
        double scale = (double) width / designWidth;
        BufferedImage image = new BufferedImage(width, (int) Math.round(designHeight * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.scale(scale, scale);
        scene.accept(g);
        g.dispose();
        return image;
    }

    /** A rounded document on a table, with a tinted background and fine guilloche lines. */
    private static void drawDocument(Graphics2D g, int width, int height, int margin, Color top, Color bottom,
                                     long seed) {
        g.setPaint(new GradientPaint(0, 0, TABLE, width, height, TABLE.darker()));
        g.fillRect(0, 0, width, height);
        Shape card = new RoundRectangle2D.Double(margin, margin, width - 2.0 * margin, height - 2.0 * margin,
                60, 60);
        g.setPaint(new GradientPaint(0, margin, top, 0, height - margin, bottom));
        g.fill(card);
        Shape clip = g.getClip();
        g.clip(card);
        Random random = new Random(seed);
        g.setStroke(new BasicStroke(1.3f));
        for (int line = 0; line < 28; line++) {
            double base = margin + random.nextDouble() * (height - 2.0 * margin);
            double amplitude = 20 + random.nextDouble() * 60;
            double wavelength = 180 + random.nextDouble() * 260;
            double phase = random.nextDouble() * 2 * Math.PI;
            g.setColor(new Color(90 + random.nextInt(80), 120 + random.nextInt(80), 150 + random.nextInt(80), 70));
            Path2D wave = new Path2D.Double();
            for (int x = 0; x <= width; x += 6) {
                double y = base + amplitude * Math.sin(2 * Math.PI * x / wavelength + phase)
                        + amplitude / 3 * Math.sin(2 * Math.PI * x / (wavelength / 3.7));
                if (x == 0) {
                    wave.moveTo(x, y);
                } else {
                    wave.lineTo(x, y);
                }
            }
            g.draw(wave);
        }
        g.setClip(clip);
        g.setColor(new Color(0, 0, 0, 60));
        g.setStroke(new BasicStroke(2f));
        g.draw(card);
    }

    private static void drawHeaderBand(Graphics2D g, String country, String title) {
        Shape clip = g.getClip();
        g.clip(new RoundRectangle2D.Double(24, 24, CARD_WIDTH - 48, CARD_HEIGHT - 48, 60, 60));
        g.setPaint(new GradientPaint(0, 24, new Color(0x1F6F78), CARD_WIDTH, 140, new Color(0x2E8C7E)));
        g.fillRect(24, 24, CARD_WIDTH - 48, 116);
        g.setClip(clip);
        text(g, country, Font.BOLD, 46, Color.WHITE, 70, 100);
        text(g, title, Font.BOLD, 32, new Color(0xE8F4F0), 330, 98);
    }

    private static void text(Graphics2D g, String text, int style, float size, Color color, double x, double y) {
        g.setFont(new Font(Font.SANS_SERIF, style, 1).deriveFont(size));
        g.setColor(color);
        g.drawString(text, (float) x, (float) y);
    }

    /** A small label with its value underneath, as printed on identity documents. */
    private static void field(Graphics2D g, String label, String value, double x, double y) {
        text(g, label, Font.PLAIN, 20, LABEL, x, y);
        text(g, value, Font.BOLD, 34, INK, x, y + 40);
    }

    private static void drawMrz(Graphics2D g, List<String> lines, int margin, int top, int width, float fontSize,
                                int lineHeight) {
        g.setColor(new Color(255, 255, 255, 110));
        g.fillRect(margin, top, width, lineHeight * lines.size() + 40);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 1).deriveFont(fontSize));
        g.setColor(Color.BLACK);
        float textWidth = g.getFontMetrics().stringWidth(lines.get(0));
        float x = margin + (width - textWidth) / 2;
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), x, top + lineHeight * (i + 1));
        }
    }

    /** A round national emblem: rings and a star, printed faintly. */
    private static void drawEmblem(Graphics2D g, double cx, double cy, double r) {
        g.setColor(new Color(0x27, 0x40, 0x6B, 60));
        g.setStroke(new BasicStroke(4f));
        for (double ring = r; ring > r / 2; ring -= r / 6) {
            g.draw(new Ellipse2D.Double(cx - ring, cy - ring, 2 * ring, 2 * ring));
        }
        GeneralPath star = new GeneralPath();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? r / 2 : r / 5;
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            if (i == 0) {
                star.moveTo(x, y);
            } else {
                star.lineTo(x, y);
            }
        }
        star.closePath();
        g.fill(star);
    }

    private static void drawChip(Graphics2D g, double x, double y) {
        Shape chip = new RoundRectangle2D.Double(x, y, 130, 100, 22, 22);
        g.setPaint(new GradientPaint((float) x, (float) y, new Color(0xE8C872), (float) x + 130, (float) y + 100,
                new Color(0xB08A3A)));
        g.fill(chip);
        g.setColor(new Color(0x7A5E22));
        g.setStroke(new BasicStroke(2.5f));
        g.draw(chip);
        g.draw(new Rectangle2D.Double(x + 40, y + 25, 50, 50));
        g.draw(new Line2D.Double(x, y + 50, x + 40, y + 50));
        g.draw(new Line2D.Double(x + 90, y + 50, x + 130, y + 50));
    }

    private static void drawSignature(Graphics2D g, double x, double y, double width, long seed) {
        Random random = new Random(seed);
        Path2D path = new Path2D.Double();
        path.moveTo(x, y);
        for (double dx = 0; dx < width; dx += 24) {
            path.quadTo(x + dx + 12, y - 30 - random.nextDouble() * 30, x + dx + 24, y + random.nextDouble() * 12);
        }
        g.setColor(new Color(0x1B2A6B));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    private static void drawBarcode(Graphics2D g, double x, double y, double width, double height, long seed) {
        Random random = new Random(seed);
        g.setColor(PAPER_WHITE);
        g.fill(new Rectangle2D.Double(x - 15, y - 15, width + 30, height + 30));
        g.setColor(Color.BLACK);
        for (double bx = x; bx < x + width - 8; ) {
            double bar = 2 + random.nextInt(4) * 2;
            g.fill(new Rectangle2D.Double(bx, y, bar, height));
            bx += bar + 2 + random.nextInt(4) * 2;
        }
    }

    /**
     * A head-and-shoulders portrait filling a box, drawn in a 300 x 380 design space: long brown hair, skin
     * shaded by light from the upper left, eyes, brows, nose and lips.
     *
     * @param background the photo's backdrop, or null to draw the person only
     */
    private static void drawPortrait(Graphics2D g0, double x, double y, double width, double height,
                                     Color background) {
        Graphics2D g = (Graphics2D) g0.create();
        g.translate(x, y);
        g.scale(width / 300, height / 380);
        g.clip(new Rectangle2D.Double(0, 0, 300, 380));
        if (background != null) {
            g.setPaint(new GradientPaint(0, 0, background, 0, 380, background.darker()));
            g.fillRect(0, 0, 300, 380);
        }
        Color hair = new Color(0x4A2F1E);
        Color skin = new Color(0xE3B48F);
        Color shade = new Color(0xB57F5C);

        g.setColor(hair.darker());
        g.fill(new RoundRectangle2D.Double(62, 60, 176, 250, 110, 90));

        Path2D shoulders = new Path2D.Double();
        shoulders.moveTo(0, 380);
        shoulders.curveTo(10, 320, 60, 300, 115, 290);
        shoulders.lineTo(185, 290);
        shoulders.curveTo(240, 300, 290, 320, 300, 380);
        shoulders.closePath();
        g.setPaint(new GradientPaint(60, 290, new Color(0x3D5A80), 260, 380, new Color(0x1E2F47)));
        g.fill(shoulders);

        g.setPaint(new GradientPaint(125, 230, shade, 175, 230, shade.darker()));
        g.fill(new RoundRectangle2D.Double(122, 220, 56, 85, 20, 20));
        g.setColor(new Color(0x3D5A80).darker());
        g.fill(new QuadCurve2D.Double(115, 292, 150, 330, 185, 292));

        g.setColor(shade);
        g.fill(new Ellipse2D.Double(63, 145, 22, 42));
        g.fill(new Ellipse2D.Double(215, 145, 22, 42));
        Shape head = new Ellipse2D.Double(75, 62, 150, 192);
        g.setPaint(radial(130, 135, 125, new float[] {0f, 0.55f, 1f}, new Color(0xF2CDAE), skin, shade));
        g.fill(head);

        Color blush = new Color(0xE8, 0x90, 0x8A, 90);
        Color noBlush = new Color(0xE8, 0x90, 0x8A, 0);
        for (float cheek : new float[] {110, 190}) {
            g.setPaint(radial(cheek, 205, 22, blush, noBlush));
            g.fill(new Ellipse2D.Double(cheek - 22, 183, 44, 44));
        }

        Path2D fringe = new Path2D.Double();
        fringe.moveTo(70, 170);
        fringe.curveTo(60, 60, 140, 35, 175, 48);
        fringe.curveTo(230, 55, 245, 110, 230, 170);
        fringe.curveTo(215, 120, 190, 95, 150, 100);
        fringe.curveTo(110, 100, 85, 125, 70, 170);
        fringe.closePath();
        g.setPaint(new GradientPaint(80, 40, hair.brighter(), 220, 160, hair));
        g.fill(fringe);

        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(hair);
        g.draw(new QuadCurve2D.Double(102, 137, 122, 126, 140, 136));
        g.draw(new QuadCurve2D.Double(160, 136, 178, 126, 198, 137));
        for (double eye : new double[] {121, 179}) {
            g.setColor(new Color(0xF7F4EF));
            g.fill(new Ellipse2D.Double(eye - 17, 146, 34, 16));
            g.setColor(new Color(0x4F6D7A));
            g.fill(new Ellipse2D.Double(eye - 7, 147, 14, 14));
            g.setColor(new Color(0x151515));
            g.fill(new Ellipse2D.Double(eye - 3.5, 150.5, 7, 7));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(eye - 3, 150, 3, 3));
            g.setColor(shade.darker());
            g.setStroke(new BasicStroke(2f));
            g.draw(new QuadCurve2D.Double(eye - 18, 153, eye, 140, eye + 18, 153));
        }

        g.setColor(shade.darker());
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(152, 160, 142, 190, 147, 200));
        g.draw(new QuadCurve2D.Double(138, 200, 150, 209, 162, 200));

        Path2D lips = new Path2D.Double();
        lips.moveTo(128, 224);
        lips.quadTo(140, 216, 150, 221);
        lips.quadTo(160, 216, 172, 224);
        lips.quadTo(150, 240, 128, 224);
        lips.closePath();
        g.setColor(new Color(0xB5525A));
        g.fill(lips);
        g.setColor(new Color(0x7E3038));
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new QuadCurve2D.Double(129, 224, 150, 228, 171, 224));
        g.dispose();
    }

    private static RadialGradientPaint radial(float cx, float cy, float radius, Color inner, Color outer) {
        return radial(cx, cy, radius, new float[] {0f, 1f}, inner, outer);
    }

    private static RadialGradientPaint radial(float cx, float cy, float radius, float[] fractions, Color... colors) {
        return new RadialGradientPaint(cx, cy, radius, fractions, colors, MultipleGradientPaint.CycleMethod.NO_CYCLE);
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return result;
    }

    /**
     * One box-blur pass with a running sum (cost independent of the radius) along {@code lines} lines of
     * {@code length} pixels, {@code step} apart within a line and {@code stride} apart between lines;
     * edge pixels are repeated.
     */
    private static void boxBlur(int[] source, int[] target, int length, int lines, int step, int stride,
                                int radius) {
        int window = 2 * radius + 1;
        for (int line = 0; line < lines; line++) {
            int base = line * stride;
            int red = 0;
            int green = 0;
            int blue = 0;
            for (int k = -radius; k <= radius; k++) {
                int p = source[base + Math.clamp(k, 0, length - 1) * step];
                red += p >> 16 & 0xFF;
                green += p >> 8 & 0xFF;
                blue += p & 0xFF;
            }
            for (int i = 0; i < length; i++) {
                target[base + i * step] = (red + radius) / window << 16 | (green + radius) / window << 8
                        | (blue + radius) / window;
                int leaving = source[base + Math.max(i - radius, 0) * step];
                int entering = source[base + Math.min(i + radius + 1, length - 1) * step];
                red += (entering >> 16 & 0xFF) - (leaving >> 16 & 0xFF);
                green += (entering >> 8 & 0xFF) - (leaving >> 8 & 0xFF);
                blue += (entering & 0xFF) - (leaving & 0xFF);
            }
        }
    }
}
