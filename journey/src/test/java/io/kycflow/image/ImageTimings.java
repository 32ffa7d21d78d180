package io.kycflow.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A rough timing harness (not a test, no JMH): time to inspect (header checks and full decode) and to
 * analyse, on the first call and as the median once warm, for a 1600 x 1120 passport JPEG and a
 * 4000 x 3000 (12 MP) phone-style photo of it. Run from the project root after
 * {@code ./mvnw -pl shared test-compile}:
 * {@code java -cp shared/target/test-classes:shared/target/classes io.kycflow.image.ImageTimings}
 */
public final class ImageTimings {

    private static final int WARM_UP = 50;
    private static final int RUNS = 30;

    private ImageTimings() {
    }

    public static void main(String[] args) {
        byte[] passport = SampleDocuments.jpeg(SampleDocuments.passport());
        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.drawImage(SampleDocuments.passport(3800), 100, 170, null);
        g.dispose();
        // the large one first, so its "first call" figures are those of a cold JVM
        time("photo 4000x3000", SampleDocuments.jpeg(SampleDocuments.withNoise(photo, 2.5)));
        time("passport 1600x1120", passport);
    }

    private static void time(String name, byte[] jpeg) {
        ImageInspector inspector = new ImageInspector();
        long[] inspect = new long[RUNS];
        long[] analyze = new long[RUNS];
        long firstInspect = 0;
        long firstAnalyze = 0;
        for (int run = -WARM_UP; run < RUNS; run++) {
            long start = System.nanoTime();
            ImageInspection.Accepted upload = (ImageInspection.Accepted) inspector.inspect(jpeg);
            long decoded = System.nanoTime();
            ImageQualityAnalyzer.analyze(upload, QualityThresholds.DEFAULTS);
            long analysed = System.nanoTime();
            if (run == -WARM_UP) {
                firstInspect = decoded - start;
                firstAnalyze = analysed - decoded;
            } else if (run >= 0) {
                inspect[run] = decoded - start;
                analyze[run] = analysed - decoded;
            }
        }
        System.out.printf("%-18s %8d bytes  inspect+decode %6.1f ms (first %6.1f)  analyze %6.1f ms (first %6.1f)%n",
                name, jpeg.length, median(inspect), firstInspect / 1e6, median(analyze), firstAnalyze / 1e6);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
