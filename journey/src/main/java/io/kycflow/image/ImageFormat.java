package io.kycflow.image;

import java.util.Optional;

/** The image formats a journey capture may use, recognised by their leading magic bytes. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final String imageIoName;
    private final byte[] magic;

    ImageFormat(String contentType, String imageIoName, byte[] magic) {
        this.contentType = contentType;
        this.imageIoName = imageIoName;
        this.magic = magic;
    }

    /** The MIME type of this format, e.g. {@code image/jpeg}. */
    public String contentType() {
        return contentType;
    }

    /** The format name ImageIO registers its reader under. */
    String imageIoName() {
        return imageIoName;
    }

    /**
     * The format the data really is, judged only by its first bytes: the content type a client claimed
     * is never trusted.
     *
     * @return empty when the data starts like neither a JPEG nor a PNG
     */
    public static Optional<ImageFormat> detect(byte[] data) {
        for (ImageFormat format : values()) {
            if (format.matches(data)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] data) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
