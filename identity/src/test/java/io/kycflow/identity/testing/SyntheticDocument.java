package io.kycflow.identity.testing;

import io.kycflow.identity.mrz.MrzComposer;
import io.kycflow.identity.mrz.MrzComposer.MrzData;
import io.kycflow.identity.mrz.MrzFormat;
import io.kycflow.image.SampleDocuments;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * A generated identity document for OCR tests: a passport data page (TD3), an ID card front and back (TD1, the zone
 * on the back) or a TD2 card (the zone on the front), with a machine-readable zone composed by {@link MrzComposer}
 * (valid check digits), printed fields, a portrait and a tinted guilloche background, photographed on a table with
 * the capture faults a test asks for: rotation, scale, blur, sensor noise and JPEG compression.
 *
 * <p>Documents are drawn at 12 pixels per millimetre of the real ICAO 9303 sizes, so the zone has the real
 * 2.54 mm character pitch. The zone is printed in OCR-B when the font is installed (Debian {@code fonts-ocr-b}),
 * otherwise in the JDK's logical monospaced font (DejaVu Sans Mono on Debian): {@link #mrzFontName()} tells which.
 * Everything drawn depends only on the builder's values and its seed.
 *
 * <pre>{@code
 * SyntheticDocument card = SyntheticDocument.idCard().randomHolder(7).rotation(3.5).blur(1.0).build();
 * reader.read(card.frontBytes(), card.backBytes());   // card.mrz() is what should be read
 * }</pre>
 */
public final class SyntheticDocument {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The document kinds, each with its zone's format. */
    public enum Kind {
        /** Passport data page, ID-3 size, two-line zone at its foot. */
        PASSPORT(MrzFormat.TD3, "P", 125.0, 88.0),
        /** ID card, ID-1 size: portrait and fields on the front, three-line zone on the back. */
        ID_CARD(MrzFormat.TD1, "ID", 85.6, 54.0),
        /** Older ID card or visa, ID-2 size: everything on the front, two lines of 36. */
        TD2_CARD(MrzFormat.TD2, "I", 105.0, 74.0);

        private final MrzFormat format;
        private final String documentCode;
        private final double widthMm;
        private final double heightMm;

        Kind(MrzFormat format, String documentCode, double widthMm, double heightMm) {
            this.format = format;
            this.documentCode = documentCode;
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }

        /** The format of the zone this kind carries. */
        public MrzFormat format() {
            return format;
        }
    }

    /** Pixels per millimetre of the document before {@link Builder#scale}: about 305 dpi. */
    public static final double PIXELS_PER_MM = 12.0;
    /** ICAO 9303-3: ten characters to the inch. */
    private static final double MRZ_PITCH_MM = 2.54;
    private static final String OCR_B_FAMILY = "OCR B";
    private static final Font MRZ_FONT = mrzBaseFont();
    private static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final Color INK = new Color(0x20, 0x24, 0x2C);
    private static final Color LABEL = new Color(0x50, 0x5E, 0x70);

    private static final List<String> SURNAMES = List.of("ERIKSSON", "MÜLLER-LÜDENSCHEIDT", "O'NEILL", "NGUYEN",
            "VAN DER BERG", "GARCÍA MÁRQUEZ", "KOWALSKI", "DUBOIS", "ROSSI", "OKONKWO", "TANAKA", "SILVA",
            "JOHANSSON", "PAPADOPOULOS", "HERNANDEZ", "SCHMIDT", "LEE", "ABDULLAH", "IVANOVA", "MACDONALD");
    private static final List<String> GIVEN_NAMES = List.of("ANNA MARIA", "JEAN-PIERRE", "LI", "MOHAMMED",
            "SOFIA", "KAREL JAN", "AMARA", "YUKI", "JOÃO PEDRO", "OLGA", "PETER", "FATIMA ZAHRA", "LUCA",
            "CHIDI", "ELENA", "MAXIMILIAN ALEXANDER", "NOOR", "SIOBHAN", "WEI", "ZOE");
    private static final List<String> STATES = List.of("UTO", "D", "FRA", "NLD", "ITA", "ESP", "GBR", "USA",
            "CAN", "SWE", "POL", "JPN", "NGA", "BRA", "IND");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Kind kind;
    private final MrzData data;
    private final List<String> mrz;
    private final BufferedImage front;
    private final BufferedImage back;
    private final Float jpegQuality;

    private SyntheticDocument(Kind kind, MrzData data, BufferedImage front, BufferedImage back, Float jpegQuality) {
        this.kind = kind;
        this.data = data;
        this.mrz = MrzComposer.compose(kind.format, data);
        this.front = front;
        this.back = back;
        this.jpegQuality = jpegQuality;
    }

    /** A passport data page with the ICAO specimen holder until {@link Builder#data} or a random holder is set. */
    public static Builder passport() {
        return new Builder(Kind.PASSPORT);
    }

    /** A TD1 ID card (front and back). */
    public static Builder idCard() {
        return new Builder(Kind.ID_CARD);
    }

    /** A TD2 card (front only). */
    public static Builder td2Card() {
        return new Builder(Kind.TD2_CARD);
    }

    /** A document of the given kind. */
    public static Builder of(Kind kind) {
        return new Builder(kind);
    }

    /** The font family the zone is printed in: {@code OCR B} when installed, else the logical monospaced font. */
    public static String mrzFontName() {
        return MRZ_FONT.getFamily(Locale.ROOT);
    }

    /**
     * A random holder: names from several languages (accents, hyphens, apostrophes, long names that the zone
     * truncates), a random document number, birth and expiry dates and, one time in three, optional data.
     */
    public static MrzData randomHolder(Kind kind, Random random) {
        String state = pick(STATES, random);
        String number = randomText(random, ALPHANUMERIC, kind == Kind.ID_CARD && random.nextInt(5) == 0 ? 12 : 9);
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(67 * 365));
        LocalDate expiry = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(11 * 365));
        String sex = pick(List.of("M", "F", "X"), random);
        String optional = random.nextInt(3) == 0 ? randomText(random, "0123456789", 6 + random.nextInt(5)) : "";
        return new MrzData(kind.documentCode, state, pick(SURNAMES, random), pick(GIVEN_NAMES, random), number,
                random.nextInt(4) == 0 ? pick(STATES, random) : state, birth, sex, expiry, optional);
    }

    /**
     * Writes the specimens of docs/samples (synthetic-*.jpg): a passport, an ID card front and back, a TD2 card
     * and a skewed, defocused, noisy capture of the ID card back. Run from the project root after
     * {@code ./mvnw -pl identity -am test-compile}:
     * {@code java -cp identity/target/test-classes:identity/target/classes:journey/target/test-classes
     * io.kycflow.identity.testing.SyntheticDocument docs/samples}
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "docs/samples");
        Files.createDirectories(directory);
        SyntheticDocument passport = passport().seed(3).jpegQuality(0.85).build();
        SyntheticDocument card = idCard().seed(4).jpegQuality(0.85).build();
        SyntheticDocument td2 = td2Card().randomHolder(8).jpegQuality(0.85).build();
        SyntheticDocument photo = idCard().seed(4).rotation(-4).blur(1.2).noise(5).scale(0.8).jpegQuality(0.7)
                .build();
        Files.write(directory.resolve("synthetic-passport.jpg"), passport.frontBytes());
        Files.write(directory.resolve("synthetic-id-front.jpg"), card.frontBytes());
        Files.write(directory.resolve("synthetic-id-back.jpg"), card.backBytes());
        Files.write(directory.resolve("synthetic-td2.jpg"), td2.frontBytes());
        Files.write(directory.resolve("synthetic-id-back-skewed.jpg"), photo.backBytes());
        for (SyntheticDocument document : List.of(passport, card, td2)) {
            System.out.println(document.kind() + ": " + String.join(" / ", document.mrz()));
        }
    }

    /** The kind of document. */
    public Kind kind() {
        return kind;
    }

    /** The data the zone holds. */
    public MrzData data() {
        return data;
    }

    /** The zone's lines as printed: what a perfect reader returns. */
    public List<String> mrz() {
        return mrz;
    }

    /** The captured front (the side with the portrait). */
    public BufferedImage front() {
        return front;
    }

    /** The captured back, or null when the kind has none. */
    public BufferedImage back() {
        return back;
    }

    /** The front as uploaded: JPEG at the builder's quality, PNG when none was set. */
    public byte[] frontBytes() {
        return encode(front);
    }

    /** The back as uploaded, or null when the kind has none. */
    public byte[] backBytes() {
        return back == null ? null : encode(back);
    }

    /** The image that carries the zone: the back of a TD1 card, the front otherwise. */
    public BufferedImage mrzSide() {
        return kind == Kind.ID_CARD ? back : front;
    }

    private byte[] encode(BufferedImage image) {
        return jpegQuality == null ? SampleDocuments.png(image) : SampleDocuments.jpeg(image, jpegQuality, false);
    }

    /** Sets the document's data and the capture's faults. */
    public static final class Builder {
        private final Kind kind;
        private MrzData data;
        private BufferedImage portrait;
        private long seed = 1;
        private double rotation;
        private double blur;
        private double noise;
        private double scale = 1.0;
        private Float jpegQuality;

        private Builder(Kind kind) {
            this.kind = kind;
            this.data = new MrzData(kind.documentCode, "UTO", "ERIKSSON", "ANNA MARIA",
                    kind == Kind.ID_CARD ? "D23145890" : "L898902C3", "UTO", LocalDate.of(1974, 8, 12), "F",
                    LocalDate.of(2034, 4, 15), kind == Kind.PASSPORT ? "ZE184226B" : "");
        }

        /** The holder and document data. */
        public Builder data(MrzData data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /** A random holder ({@link #randomHolder}) from this seed, which also becomes the drawing seed. */
        public Builder randomHolder(long seed) {
            this.seed = seed;
            this.data = SyntheticDocument.randomHolder(kind, seeded(seed));
            return this;
        }

        /** The holder's photo, drawn into the portrait box; a placeholder silhouette when not set. */
        public Builder portrait(BufferedImage portrait) {
            this.portrait = portrait;
            return this;
        }

        /** The seed of the background pattern, the table and the placement on it. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Rotation of the document on the table, degrees, positive clockwise. */
        public Builder rotation(double degrees) {
            this.rotation = degrees;
            return this;
        }

        /** Gaussian defocus, standard deviation in pixels of the final image (0: sharp). */
        public Builder blur(double sigma) {
            this.blur = sigma;
            return this;
        }

        /** Gaussian sensor noise, standard deviation on the 0-255 scale (0: none). */
        public Builder noise(double sigma) {
            this.noise = sigma;
            return this;
        }

        /** Scale of the final image against the 12 px/mm drawing: 0.5 is about 150 dpi. */
        public Builder scale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("scale must be positive: " + scale);
            }
            this.scale = scale;
            return this;
        }

        /** JPEG quality (0-1) of {@link #frontBytes()} and {@link #backBytes()}; PNG when not set. */
        public Builder jpegQuality(double quality) {
            this.jpegQuality = (float) quality;
            return this;
        }

        /** Draws the document and captures it. */
        public SyntheticDocument build() {
            List<String> zone = MrzComposer.compose(kind.format, data);
            Page page = new Page(kind, seed);
            BufferedImage frontPage = switch (kind) {
                case PASSPORT -> page.passport(data, portrait, zone);
                case ID_CARD -> page.cardFront(data, portrait, null);
                case TD2_CARD -> page.cardFront(data, portrait, zone);
            };
            BufferedImage backPage = kind == Kind.ID_CARD ? new Page(kind, seed + 1).cardBack(data, zone) : null;
            BufferedImage capturedFront = capture(frontPage, seed);
            BufferedImage capturedBack = backPage == null ? null : capture(backPage, seed + 1);
            return new SyntheticDocument(kind, data, capturedFront, capturedBack, jpegQuality);
        }

        /** The page photographed: on a table, turned, scaled, defocused and noisy. */
        private BufferedImage capture(BufferedImage page, long captureSeed) {
            Random random = seeded(captureSeed * 31 + 17);
            int margin = (int) Math.round(page.getWidth() * (0.05 + 0.05 * random.nextDouble()));
            int width = (int) Math.round((page.getWidth() + 2 * margin) * scale);
            int height = (int) Math.round((page.getHeight() + 2 * margin) * scale);
            BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = photo.createGraphics();
            smooth(g);
            Color table = Color.getHSBColor(random.nextFloat(), 0.15f + 0.25f * random.nextFloat(),
                    0.25f + 0.35f * random.nextFloat());
            g.setPaint(new GradientPaint(0, 0, table.brighter(), width, height, table.darker()));
            g.fillRect(0, 0, width, height);
            AffineTransform placement = new AffineTransform();
            placement.translate(width / 2.0, height / 2.0);
            placement.rotate(Math.toRadians(rotation));
            placement.scale(scale, scale);
            placement.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
            g.setTransform(placement);
            g.setColor(new Color(0, 0, 0, 70));
            double shadow = 6;
            g.fill(new RoundRectangle2D.Double(shadow, shadow, page.getWidth(), page.getHeight(), 40, 40));
            g.setClip(new RoundRectangle2D.Double(0, 0, page.getWidth(), page.getHeight(), 40, 40));
            g.drawImage(page, 0, 0, null);
            g.dispose();
            BufferedImage result = blur > 0 ? gaussianBlur(photo, blur) : photo;
            return noise > 0 ? SampleDocuments.withNoise(result, noise) : result;
        }
    }

    /** Draws one side of a document in millimetres. */
    private static final class Page {
        private final Kind kind;
        private final BufferedImage image;
        private final Graphics2D g;
        private final Random random;

        Page(Kind kind, long seed) {
            this.kind = kind;
            this.random = seeded(seed);
            this.image = new BufferedImage((int) Math.round(kind.widthMm * PIXELS_PER_MM),
                    (int) Math.round(kind.heightMm * PIXELS_PER_MM), BufferedImage.TYPE_INT_RGB);
            this.g = image.createGraphics();
            smooth(g);
            g.scale(PIXELS_PER_MM, PIXELS_PER_MM);
            drawBackground();
        }

        BufferedImage passport(MrzData d, BufferedImage portrait, List<String> zone) {
            Color title = new Color(0x23, 0x3D, 0x6B);
            text("REPUBLIC OF " + stateName(d.issuingState()), Font.BOLD, 3.4, title, 6, 8);
            text("PASSPORT / PASSEPORT", Font.BOLD, 3.4, title, 72, 8);
            drawPortrait(portrait, 6, 14, 32, 41);
            field("Type", d.documentCode(), 44, 15);
            field("Code", d.issuingState(), 58, 15);
            field("Passport No.", d.documentNumber(), 80, 15);
            field("Surname / Nom", d.surname(), 44, 23);
            field("Given names / Prénoms", d.givenNames(), 44, 31);
            field("Nationality", d.nationality(), 44, 39);
            field("Sex", d.sex(), 80, 39);
            field("Date of birth", printed(d.birthDate()), 44, 47);
            field("Date of expiry", printed(d.expiryDate()), 80, 47);
            field("Authority", "PASSPORT OFFICE", 44, 55);
            drawSignature(8, 60, 28);
            drawMrz(zone);
            return finish();
        }

        BufferedImage cardFront(MrzData d, BufferedImage portrait, List<String> zone) {
            double header = kind == Kind.TD2_CARD ? 9 : 8;
            g.setPaint(new GradientPaint(0, 0, new Color(0x1F6F78), (float) kind.widthMm, 0, new Color(0x3C8F7E)));
            g.fill(new Rectangle2D.Double(0, 0, kind.widthMm, header));
            text(stateName(d.issuingState()) + "  IDENTITY CARD", Font.BOLD, 3.2, Color.WHITE, 4, header - 2.6);
            double photoWidth = kind == Kind.TD2_CARD ? 26 : 24;
            drawPortrait(portrait, 4, header + 3, photoWidth, photoWidth * 1.28);
            double x = 8 + photoWidth;
            double y = header + 4;
            field("Surname", d.surname(), x, y);
            field("Given names", d.givenNames(), x, y + 7.5);
            field("Sex", d.sex(), x, y + 15);
            field("Nationality", d.nationality(), x + 10, y + 15);
            field("Date of birth", printed(d.birthDate()), x + 28, y + 15);
            field("Document No.", d.documentNumber(), x, y + 22.5);
            field("Date of expiry", printed(d.expiryDate()), x + 28, y + 22.5);
            if (zone != null) {
                drawMrz(zone);
            } else {
                drawSignature(x, y + 32, 26);
            }
            return finish();
        }

        BufferedImage cardBack(MrzData d, List<String> zone) {
            field("Address", (1 + random.nextInt(98)) + " HARBOUR STREET", 4, 5);
            field("Date of issue", printed(d.expiryDate().minusYears(10).plusDays(1)), 4, 12.5);
            field("Authority", "CITY HALL", 36, 12.5);
            drawBarcode(60, 3, 22, 14);
            drawMrz(zone);
            return finish();
        }

        private BufferedImage finish() {
            g.dispose();
            return image;
        }

        /** A tinted gradient with guilloche: rosettes of hypotrochoids and fine interlaced waves. */
        private void drawBackground() {
            float hue = random.nextFloat();
            g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.10f, 0.96f),
                    (float) kind.widthMm, (float) kind.heightMm, Color.getHSBColor(hue + 0.15f, 0.12f, 0.93f)));
            g.fill(new Rectangle2D.Double(0, 0, kind.widthMm, kind.heightMm));
            Color line = Color.getHSBColor(hue, 0.35f, 0.70f);
            g.setColor(new Color(line.getRed(), line.getGreen(), line.getBlue(), 60));
            g.setStroke(new BasicStroke(0.08f));
            double outer = kind.heightMm * (0.25 + 0.1 * random.nextDouble());
            g.draw(rosette(kind.widthMm * (0.55 + 0.3 * random.nextDouble()), kind.heightMm * 0.4, outer,
                    outer * (0.2 + 0.1 * random.nextDouble()), 7 + random.nextInt(9)));
            for (int wave = 0; wave < 14; wave++) {
                double base = kind.heightMm * wave / 14.0;
                double amplitude = 1 + 2 * random.nextDouble();
                double length = 12 + 20 * random.nextDouble();
                Path2D path = new Path2D.Double();
                path.moveTo(0, base);
                for (double x = 0; x <= kind.widthMm; x += 0.5) {
                    path.lineTo(x, base + amplitude * Math.sin(2 * Math.PI * x / length + wave));
                }
                g.draw(path);
            }
        }

        /** A hypotrochoid: the closed looping curve of banknote and passport guilloche. */
        private static Shape rosette(double cx, double cy, double outer, double pen, int lobes) {
            double inner = outer / lobes;
            Path2D path = new Path2D.Double();
            int steps = 2000;
            for (int i = 0; i <= steps; i++) {
                double t = 2 * Math.PI * i / steps;
                double x = cx + (outer - inner) * Math.cos(t) + pen * Math.cos((outer - inner) / inner * t);
                double y = cy + (outer - inner) * Math.sin(t) - pen * Math.sin((outer - inner) / inner * t);
                if (i == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            return path;
        }

        /**
         * The zone: OCR-B at the ICAO pitch, left edge and line spacing per ICAO 9303 (the last line's baseline
         * about 4 mm above the edge), on a lighter clear band.
         */
        private void drawMrz(List<String> zone) {
            int length = zone.get(0).length();
            double spacing = kind == Kind.ID_CARD ? 3.7 : 4.6;
            double bottom = kind.heightMm - (kind == Kind.ID_CARD ? 3.6 : 4.4);
            double left = (kind.widthMm - length * MRZ_PITCH_MM) / 2;
            double top = bottom - spacing * (zone.size() - 1) - 3.4;
            g.setColor(new Color(255, 255, 255, 120));
            g.fill(new Rectangle2D.Double(0, top - 1.5, kind.widthMm, kind.heightMm - top + 1.5));
            g.setColor(Color.BLACK);
            g.setFont(mrzFont());
            for (int i = 0; i < zone.size(); i++) {
                double baseline = bottom - spacing * (zone.size() - 1 - i);
                String line = zone.get(i);
                for (int c = 0; c < line.length(); c++) {
                    // one glyph per cell: the pitch is exact whatever the font's own advance
                    g.drawString(String.valueOf(line.charAt(c)), (float) (left + c * MRZ_PITCH_MM),
                            (float) baseline);
                }
            }
        }

        /** The zone font sized so that a capital is about 2.4 mm tall (OCR-B size 1). */
        private Font mrzFont() {
            Font unit = MRZ_FONT.deriveFont(10f);
            double capital = unit.createGlyphVector(g.getFontRenderContext(), "H").getVisualBounds().getHeight();
            return MRZ_FONT.deriveFont((float) (10 * 2.4 / capital));
        }

        private void field(String label, String value, double x, double y) {
            text(label, Font.PLAIN, 1.6, LABEL, x, y);
            text(value.toUpperCase(Locale.ROOT), Font.BOLD, 2.6, INK, x, y + 3.4);
        }

        private void text(String text, int style, double size, Color color, double x, double y) {
            g.setFont(new Font(Font.SANS_SERIF, style, 1).deriveFont((float) size));
            g.setColor(color);
            g.drawString(text, (float) x, (float) y);
        }

        /** The holder's photo, or a placeholder silhouette: a head and shoulders against a plain backdrop. */
        private void drawPortrait(BufferedImage portrait, double x, double y, double width, double height) {
            if (portrait != null) {
                Graphics2D copy = (Graphics2D) g.create();
                copy.translate(x, y);
                copy.scale(width / portrait.getWidth(), height / portrait.getHeight());
                copy.drawImage(portrait, 0, 0, null);
                copy.dispose();
                return;
            }
            g.setPaint(new GradientPaint((float) x, (float) y, new Color(0xDDE6EC), (float) x,
                    (float) (y + height), new Color(0xB8C6D1)));
            g.fill(new Rectangle2D.Double(x, y, width, height));
            Color person = new Color(0x5A, 0x63, 0x70);
            g.setColor(person);
            g.fill(new Ellipse2D.Double(x + width * 0.30, y + height * 0.14, width * 0.40, height * 0.44));
            Path2D shoulders = new Path2D.Double();
            shoulders.moveTo(x, y + height);
            shoulders.curveTo(x + width * 0.05, y + height * 0.72, x + width * 0.30, y + height * 0.66,
                    x + width * 0.5, y + height * 0.66);
            shoulders.curveTo(x + width * 0.70, y + height * 0.66, x + width * 0.95, y + height * 0.72,
                    x + width, y + height);
            shoulders.closePath();
            g.fill(shoulders);
        }

        private void drawSignature(double x, double y, double width) {
            Path2D path = new Path2D.Double();
            path.moveTo(x, y);
            for (double dx = 0; dx < width; dx += 2) {
                path.quadTo(x + dx + 1, y - 2 - 2 * random.nextDouble(), x + dx + 2, y + random.nextDouble());
            }
            g.setColor(new Color(0x1B2A6B));
            g.setStroke(new BasicStroke(0.25f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
        }

        private void drawBarcode(double x, double y, double width, double height) {
            g.setColor(Color.BLACK);
            for (double bx = x; bx < x + width; ) {
                double bar = 0.2 + 0.2 * random.nextInt(3);
                g.fill(new Rectangle2D.Double(bx, y, bar, height));
                bx += bar + 0.2 + 0.2 * random.nextInt(3);
            }
        }
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** A separable Gaussian blur; the outermost pixels stay sharp, but they are the table, not the document. */
    private static BufferedImage gaussianBlur(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        BufferedImage horizontal = new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(image, null);
        return new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(horizontal, null);
    }

    private static Font mrzBaseFont() {
        // fonts-ocr-b's family name carries a trailing space ("OCR B "): match it trimmed
        String family = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment()
                        .getAvailableFontFamilyNames(Locale.ROOT))
                .filter(name -> name.strip().equals(OCR_B_FAMILY))
                .findFirst()
                .orElse(Font.MONOSPACED);
        return new Font(family, Font.PLAIN, 1);
    }

    private static String printed(LocalDate date) {
        return date.format(PRINTED_DATE).toUpperCase(Locale.ROOT);
    }

    private static String stateName(String code) {
        return code.equals("UTO") ? "UTOPIA" : code;
    }

    /**
     * A generator for a seed. java.util.Random's first values for neighbouring seeds are nearly equal (seeds 1, 2,
     * 3 would all draw a pink card): spread the seeds first.
     */
    private static Random seeded(long seed) {
        return new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
