package io.kycflow.identity.local;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A simulated presentation attack: the portrait "printed" (contrast squeezed into paper's range, a warm paper tint, a
 * white border) and "re-photographed" held up in a room (the print a third of a 1024x768 frame, slightly turned, the
 * room a blurred other photo, camera defocus and sensor noise, JPEG again). A simulation, not a captured attack: no
 * package ships real spoof photos.
 */
final class PrintAttack {

    private PrintAttack() {
    }

    /** The attack photo as JPEG bytes; {@code seed} fixes the noise. */
    static byte[] rephotographedPrint(BufferedImage portrait, BufferedImage room, long seed) {
        BufferedImage frame = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // the room: another photo blurred by a round trip through 48 px
        BufferedImage small = new BufferedImage(48, 36, BufferedImage.TYPE_INT_RGB);
        small.createGraphics().drawImage(room, 0, 0, 48, 36, null);
        g.drawImage(small, 0, 0, 1024, 768, null);
        BufferedImage print = paper(portrait);
        int side = 300;
        g.rotate(Math.toRadians(4), 512, 384);
        g.drawImage(print, 512 - side / 2, 384 - side / 2, side, side * print.getHeight() / print.getWidth(), null);
        g.dispose();
        return jpeg(camera(frame, new Random(seed)));
    }

    private static BufferedImage paper(BufferedImage portrait) {
        int border = portrait.getWidth() / 16;
        BufferedImage print = new BufferedImage(portrait.getWidth() + 2 * border, portrait.getHeight() + 2 * border, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < print.getHeight(); y++) {
            for (int x = 0; x < print.getWidth(); x++) {
                int px = x - border, py = y - border;
                boolean inside = px >= 0 && py >= 0 && px < portrait.getWidth() && py < portrait.getHeight();
                int rgb = inside ? portrait.getRGB(px, py) : 0xFFFFFF;
                int r = 45 + ((rgb >> 16) & 0xFF) * 190 / 255;
                int gr = 42 + ((rgb >> 8) & 0xFF) * 186 / 255;
                int b = 35 + (rgb & 0xFF) * 170 / 255;
                print.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return print;
    }

    private static BufferedImage camera(BufferedImage frame, Random random) {
        int w = frame.getWidth(), h = frame.getHeight();
        BufferedImage defocused = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = defocused.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        BufferedImage half = new BufferedImage(w / 2, h / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D hg = half.createGraphics();
        hg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        hg.drawImage(frame, 0, 0, w / 2, h / 2, null);
        g.drawImage(half, 0, 0, w, h, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = defocused.getRGB(x, y);
                int out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int v = (int) Math.round(((rgb >> shift) & 0xFF) + random.nextGaussian() * 4);
                    out |= Math.max(0, Math.min(255, v)) << shift;
                }
                defocused.setRGB(x, y, out);
            }
        }
        return defocused;
    }

    static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
