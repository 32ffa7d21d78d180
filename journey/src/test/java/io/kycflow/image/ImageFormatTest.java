package io.kycflow.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFormatTest {

    @Test
    void detectsJpegAndPngByTheirFirstBytes() {
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.detect(SampleDocuments.jpeg(SampleDocuments.tiny())));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.detect(SampleDocuments.plainPng(4, 4)));
        assertEquals("image/jpeg", ImageFormat.JPEG.contentType());
        assertEquals("image/png", ImageFormat.PNG.contentType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"%PDF-1.7\n", "GIF89a....", "BM6.......", "RIFF....WEBP", "<svg xmlns=", "", "\u00ff\u00d8",
            "\u0089PNG\r\n\u001a"})
    void anythingElseIsNoSupportedFormat(String start) {
        assertTrue(ImageFormat.detect(start.getBytes(StandardCharsets.ISO_8859_1)).isEmpty());
    }
}
