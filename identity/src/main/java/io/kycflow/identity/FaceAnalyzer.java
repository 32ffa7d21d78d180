package io.kycflow.identity;

/**
 * Finds, describes and compares faces: Amazon Rekognition (DetectFaces, CompareFaces) in the cloud, ONNX face models
 * locally.
 */
public interface FaceAnalyzer {

    /** Finds the faces in an image (JPEG or PNG bytes). */
    FaceDetection detect(byte[] image);

    /**
     * Compares the largest face of each image.
     *
     * @param documentImage the document's front side (the portrait is found in it)
     * @param selfie        the selfie
     * @return the similarity; callers detect first, yet an engine may still find no face to compare (a small
     *         portrait): then the outcome says {@link FaceComparison.Outcome#NO_FACE}, never an exception
     */
    FaceComparison compare(byte[] documentImage, byte[] selfie);
}
