package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageInspectorTest {

    private static final int MB = 1024 * 1024;
    private static final String DAMAGED = "The image could not be read completely; the file may be damaged or cut "
            + "short. Please take or upload the photo again.";

    private static byte[] passportJpeg;
    private static byte[] wideJpeg;
    private final ImageInspector inspector = new ImageInspector();

    @BeforeAll
    static void render() {
        passportJpeg = SampleDocuments.jpeg(SampleDocuments.passport());
        // wide enough to be decoded subsampled
        wideJpeg = SampleDocuments.jpeg(SampleDocuments.resized(SampleDocuments.idCardBack(), 6500, 400));
    }

    @Test
    void acceptsAJpegWithItsHeaderSizeAndDecodedPixels() {
        ImageInspection.Accepted upload = accepted(inspector.inspect(passportJpeg));
        assertEquals(ImageFormat.JPEG, upload.format());
        assertEquals(SampleDocuments.PASSPORT_WIDTH, upload.width());
        assertEquals(SampleDocuments.PASSPORT_HEIGHT, upload.height());
        assertEquals(passportJpeg.length, upload.sizeBytes());
        assertEquals(1, upload.subsampling());
        assertEquals(upload.width(), upload.image().getWidth());
        assertEquals(upload.height(), upload.image().getHeight());
    }

    @Test
    void theBytesDecideTheFormatNotTheClaimedContentType() {
        // what arrives when a client declares image/jpeg and uploads a PNG: fine, and reported as what it is
        byte[] pngCalledJpeg = SampleDocuments.png(SampleDocuments.idCardFront());
        ImageInspection.Accepted upload = accepted(inspector.inspect(pngCalledJpeg));
        assertEquals(ImageFormat.PNG, upload.format());
        assertEquals("image/png", upload.format().contentType());
    }

    @Test
    void aPdfIsAnUnsupportedType() {
        assertRejected(RejectionCode.UNSUPPORTED_TYPE,
                "The file is not a JPEG or PNG image. Please upload a photo in one of those formats.",
                inspector.inspect(SampleDocuments.notAnImage()));
    }

    @Test
    void anEmptyFileIsAnUnsupportedType() {
        assertRejected(RejectionCode.UNSUPPORTED_TYPE, "The file is empty.", inspector.inspect(new byte[0]));
    }

    @Test
    void aFileOverFifteenMegabytesIsTooLarge() {
        assertRejected(RejectionCode.TOO_LARGE, "The image is 16.2 MB; the limit is 15 MB.",
                inspector.inspect(SampleDocuments.oversizedJpeg((int) (16.2 * MB))));
        assertRejected(RejectionCode.TOO_LARGE, "The image is 15.1 MB; the limit is 15 MB.",
                inspector.inspect(SampleDocuments.oversizedJpeg(15 * MB + 1)));
    }

    @Test
    void exactlyFifteenMegabytesIsWithinTheLimit() {
        // passes the size check, so it is refused only later, for its random content
        assertEquals(RejectionCode.UNDECODABLE,
                rejected(inspector.inspect(SampleDocuments.oversizedJpeg(15 * MB))).code());
    }

    @Test
    void aStreamDeclaredTooLargeIsRefusedWithoutReadingIt() throws IOException {
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read although the declared size is over the limit");
            }
        };
        assertRejected(RejectionCode.TOO_LARGE, "The image is 20 MB; the limit is 15 MB.",
                inspector.inspect(unreadable, 20L * MB));
    }

    @Test
    void aStreamLongerThanDeclaredIsCutOffAtTheLimit() throws IOException {
        byte[] data = SampleDocuments.oversizedJpeg(16 * MB);
        assertRejected(RejectionCode.TOO_LARGE, "The image is over the 15 MB limit.",
                inspector.inspect(new ByteArrayInputStream(data), 1000));
        assertRejected(RejectionCode.TOO_LARGE, "The image is over the 15 MB limit.",
                inspector.inspect(new ByteArrayInputStream(data), -1));
    }

    @Test
    void aStreamWithinTheLimitIsInspectedLikeBytes() throws IOException {
        ImageInspection.Accepted upload = accepted(
                inspector.inspect(new ByteArrayInputStream(passportJpeg), passportJpeg.length));
        assertEquals(SampleDocuments.PASSPORT_WIDTH, upload.width());
    }

    @Test
    void aJpegCutInHalfIsUndecodableThoughImageIoAloneWouldAcceptIt() throws IOException {
        byte[] truncated = SampleDocuments.truncatedJpeg();
        // ImageIO fills the missing half with grey and only warns: the inspector must listen for that
        assertNotNull(ImageIO.read(new ByteArrayInputStream(truncated)));
        assertRejected(RejectionCode.UNDECODABLE, DAMAGED, inspector.inspect(truncated));
    }

    @ParameterizedTest
    @CsvSource({"0.05", "0.5", "0.95", "0.999"})
    void truncatedFilesOfEveryKindAreUndecodable(double kept) {
        byte[] progressive = SampleDocuments.jpeg(SampleDocuments.passport(), 0.9f, true);
        byte[] png = SampleDocuments.png(SampleDocuments.idCardBack());
        assertEquals(3, accepted(inspector.inspect(wideJpeg)).subsampling());
        for (byte[] whole : new byte[][] {passportJpeg, progressive, png, wideJpeg}) {
            byte[] cut = Arrays.copyOf(whole, (int) (whole.length * kept));
            assertEquals(RejectionCode.UNDECODABLE, rejected(inspector.inspect(cut)).code());
        }
    }

    @Test
    void garbageInsideTheImageDataIsUndecodable() {
        for (byte[] whole : new byte[][] {passportJpeg, SampleDocuments.png(SampleDocuments.idCardBack())}) {
            byte[] damaged = whole.clone();
            Random random = new Random(7);
            for (int i = damaged.length / 2; i < damaged.length / 2 + 200; i++) {
                damaged[i] = (byte) random.nextInt();
            }
            assertRejected(RejectionCode.UNDECODABLE, DAMAGED, inspector.inspect(damaged));
        }
    }

    @Test
    void dataAfterTheEndOfTheImageIsAccepted() {
        // e.g. the video some phones append to a "motion photo" JPEG
        byte[] withTrailer = Arrays.copyOf(passportJpeg, passportJpeg.length + 4096);
        Arrays.fill(withTrailer, passportJpeg.length, withTrailer.length, (byte) 0x5A);
        accepted(inspector.inspect(withTrailer));
    }

    @ParameterizedTest
    @CsvSource({"7999, 10", "10, 7999", "301, 200", "200, 301"})
    void sidesWithinTheLimitsAreAccepted(int width, int height) {
        ImageInspection.Accepted upload = accepted(inspector.inspect(SampleDocuments.plainPng(width, height)));
        assertEquals(width, upload.width());
        assertEquals(height, upload.height());
    }

    @ParameterizedTest
    @CsvSource({"8000, 10", "10, 8000", "9000, 100"})
    void aSideOf8000PixelsOrMoreIsTooMany(int width, int height) {
        assertRejected(RejectionCode.TOO_MANY_PIXELS,
                "The image is " + width + " x " + height + " pixels; each side must be under 8000 pixels.",
                inspector.inspect(SampleDocuments.plainPng(width, height)));
    }

    @Test
    void aHugeSizeInTheHeaderIsRefusedBeforeAnyPixelIsDecoded() {
        // 60000 x 60000 would need 3.6 GB as a grey image: only the header may be read
        assertRejected(RejectionCode.TOO_MANY_PIXELS,
                "The image is 60000 x 60000 pixels; each side must be under 8000 pixels.",
                inspector.inspect(SampleDocuments.pngClaimingSize(60000, 60000)));
        assertEquals(RejectionCode.TOO_MANY_PIXELS,
                rejected(inspector.inspect(SampleDocuments.pngClaimingSize(9000, 100))).code());
    }

    @ParameterizedTest
    @CsvSource({"300, 200", "200, 300", "300, 300"})
    void aLongestSideOf300PixelsOrLessIsTooSmall(int width, int height) {
        assertRejected(RejectionCode.TOO_SMALL,
                "The image is " + width + " x " + height + " pixels; its longest side must be over 300 pixels.",
                inspector.inspect(SampleDocuments.plainPng(width, height)));
    }

    @Test
    void theTinySampleIsTooSmall() {
        assertRejected(RejectionCode.TOO_SMALL,
                "The image is 200 x 150 pixels; its longest side must be over 300 pixels.",
                inspector.inspect(SampleDocuments.jpeg(SampleDocuments.tiny())));
    }

    @Test
    void veryLargeImagesAreDecodedSubsampledButReportTheirFullSize() {
        ImageInspection.Accepted upload = accepted(inspector.inspect(SampleDocuments.plainPng(7000, 400)));
        assertEquals(7000, upload.width());
        assertEquals(400, upload.height());
        assertEquals(3, upload.subsampling());
        assertEquals(2334, upload.image().getWidth());
        assertEquals(134, upload.image().getHeight());

        ImageInspector fullSize = new ImageInspector(ImageLimits.DEFAULT, Integer.MAX_VALUE);
        assertEquals(7000, accepted(fullSize.inspect(SampleDocuments.plainPng(7000, 400))).image().getWidth());
    }

    @Test
    void customLimitsApply() {
        ImageInspector strict = new ImageInspector(new ImageLimits(1000, 2000, 500), 1024);
        assertEquals(RejectionCode.TOO_LARGE, rejected(strict.inspect(passportJpeg)).code());
        assertEquals(RejectionCode.TOO_SMALL, rejected(strict.inspect(SampleDocuments.plainPng(500, 20))).code());
        assertEquals(ImageFormat.PNG, accepted(strict.inspect(SampleDocuments.plainPng(501, 20))).format());
    }

    @Test
    void inconsistentLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(0, 8000, 300));
        assertThrows(IllegalArgumentException.class, () -> new ImageLimits(MB, 301, 300));
        assertThrows(IllegalArgumentException.class, () -> new ImageInspector(ImageLimits.DEFAULT, 0));
    }

    private static ImageInspection.Accepted accepted(ImageInspection inspection) {
        return assertInstanceOf(ImageInspection.Accepted.class, inspection);
    }

    private static ImageInspection.Rejected rejected(ImageInspection inspection) {
        return assertInstanceOf(ImageInspection.Rejected.class, inspection);
    }

    private static void assertRejected(RejectionCode code, String message, ImageInspection inspection) {
        assertEquals(new ImageInspection.Rejected(code, message), inspection);
    }
}
