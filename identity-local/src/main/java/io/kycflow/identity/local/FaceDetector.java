package io.kycflow.identity.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * fr_detect.onnx, an Ultra-Light-Fast-Generic-Face-Detector RFB-320 network: the image resized to 320x240,
 * (v - 127) / 128 per channel, 4,420 anchors (steps 8, 16, 32, 64 over 320x240 with min sizes {10, 16, 24},
 * {32, 48}, {64, 96}, {128, 192, 256}) whose boxes the network already decodes to image fractions. The
 * post-processing is faceplugin's detectFaceImage: score at least 0.65, the 750 best, overlap suppression at 0.4
 * (intersection over the candidate's area, with the package's +1 pixel), then a square box whose side is the
 * detected height, clipped to the image.
 *
 * <p>Two deliberate departures from the package, both fixing its bugs: suppression keeps the highest-scoring box of
 * each cluster (the package keeps the one whose bottom edge is highest, whatever its score), and the pixels go in as
 * RGB, the order the network was trained on (the package reads an RGBA canvas and "converts" it with BGR2RGB, so it
 * feeds BGR).
 */
final class FaceDetector {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int ANCHORS = 4420;
    static final double MIN_SCORE = 0.65;
    private static final int TOP_K = 750;
    private static final double OVERLAP = 0.4;

    private final OnnxModel model;

    FaceDetector(OnnxModel model) {
        this.model = model;
    }

    /** The faces in the image, largest first. */
    List<PixelFace> detect(RgbImage image) {
        float[] input = image.resize(WIDTH, HEIGHT).toPlanar(false, (channel, v) -> (v - 127) / 128f);
        Map<String, float[]> out = model.run(input, 1, 3, HEIGHT, WIDTH);
        float[] scores = out.get("scores");
        float[] boxes = out.get("boxes");
        List<PixelFace> candidates = new ArrayList<>();
        for (int i = 0; i < ANCHORS; i++) {
            double score = scores[2 * i + 1];
            if (score >= MIN_SCORE) {
                candidates.add(new PixelFace(boxes[4 * i] * WIDTH, boxes[4 * i + 1] * HEIGHT,
                        boxes[4 * i + 2] * WIDTH, boxes[4 * i + 3] * HEIGHT, score));
            }
        }
        candidates.sort(Comparator.comparingDouble(PixelFace::score).reversed());
        List<PixelFace> kept = suppressOverlaps(candidates.subList(0, Math.min(TOP_K, candidates.size())));
        List<PixelFace> faces = new ArrayList<>();
        for (PixelFace face : kept) {
            faces.add(square(face, image.width(), image.height()));
        }
        faces.sort(Comparator.comparingDouble(PixelFace::area).reversed());
        return faces;
    }

    /** Greedy suppression over candidates sorted by score, best first. */
    private static List<PixelFace> suppressOverlaps(List<PixelFace> sorted) {
        List<PixelFace> kept = new ArrayList<>();
        for (PixelFace box : sorted) {
            if (box.x2() <= box.x1() || box.y2() <= box.y1()) {
                continue;
            }
            boolean overlapsKept = false;
            for (PixelFace k : kept) {
                double w = Math.max(0, Math.min(box.x2(), k.x2()) - Math.max(box.x1(), k.x1()) + 1);
                double h = Math.max(0, Math.min(box.y2(), k.y2()) - Math.max(box.y1(), k.y1()) + 1);
                if (w * h / box.area() >= OVERLAP) {
                    overlapsKept = true;
                    break;
                }
            }
            if (!overlapsKept) {
                kept.add(box);
            }
        }
        return kept;
    }

    /** faceplugin's scaleResult: back to the image's pixels, a square of the box's height about its centre. */
    private static PixelFace square(PixelFace box, int width, int height) {
        double fx = (double) width / WIDTH, fy = (double) height / HEIGHT;
        double x1 = box.x1() * fx, y1 = box.y1() * fy, x2 = box.x2() * fx, y2 = box.y2() * fy;
        double side = y2 - y1, cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
        return new PixelFace(Math.max(0, cx - side / 2), Math.max(0, cy - side / 2),
                Math.min(width - 1, cx + side / 2), Math.min(height - 1, cy + side / 2), box.score());
    }
}
