package io.kycflow.image;

/**
 * Hard limits an uploaded capture must meet before it is looked at any further (API.md "Journeys", from
 * 003: "Max. 15MB &amp; &lt;8000 pixels per side &amp; longest side &gt;300 pixels").
 *
 * @param maxBytes       largest accepted file size, inclusive
 * @param maxSidePixels  every side must be strictly shorter than this
 * @param minLongestSide the longest side must be strictly longer than this
 */
public record ImageLimits(long maxBytes, int maxSidePixels, int minLongestSide) {

    /** The published limits: 15 MB, fewer than 8000 pixels a side, longest side over 300 pixels. */
    public static final ImageLimits DEFAULT = new ImageLimits(15L * 1024 * 1024, 8000, 300);

    public ImageLimits {
        if (maxBytes <= 0 || minLongestSide < 0 || maxSidePixels <= minLongestSide + 1) {
            throw new IllegalArgumentException("inconsistent image limits: maxBytes=" + maxBytes
                    + ", maxSidePixels=" + maxSidePixels + ", minLongestSide=" + minLongestSide);
        }
    }

    /** Whether both sides are below {@link #maxSidePixels()}. */
    public boolean sidesWithinMax(int width, int height) {
        return width < maxSidePixels && height < maxSidePixels;
    }

    /** Whether the longest side is over {@link #minLongestSide()}. */
    public boolean longestSideLargeEnough(int width, int height) {
        return Math.max(width, height) > minLongestSide;
    }
}
