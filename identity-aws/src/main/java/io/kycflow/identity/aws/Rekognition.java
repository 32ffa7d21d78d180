package io.kycflow.identity.aws;

import io.kycflow.identity.Engine;
import io.kycflow.identity.FaceBox;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.Image;

/** What the Rekognition adapters share: the engine they report and how images and boxes cross the API. */
final class Rekognition {
    /** Amazon Rekognition, API version 2016-06-27 (the only one). */
    static final Engine ENGINE = new Engine(Engine.Kind.CLOUD, "amazon-rekognition", "2016-06-27");

    private Rekognition() {
    }

    /** The image as bytes; the SDK base64-encodes them into the JSON body without another copy. */
    static Image image(byte[] bytes) {
        return Image.builder().bytes(SdkBytes.fromByteArrayUnsafe(bytes)).build();
    }

    static FaceBox box(BoundingBox box) {
        return new FaceBox(value(box.left()), value(box.top()), value(box.width()), value(box.height()));
    }

    private static double value(Float value) {
        return value == null ? 0 : value;
    }
}
