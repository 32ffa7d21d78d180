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
     * @return the similarity; callers detect first, so both images are known to hold a face
     */
    FaceComparison compare(byte[] documentImage, byte[] selfie);
}
