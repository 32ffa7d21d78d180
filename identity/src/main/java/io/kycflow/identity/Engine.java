package io.kycflow.identity;

import java.util.Objects;

/**
 * Which engine produced a result: the cloud provider (Amazon Rekognition, Amazon Textract) or the local engine
 * (ONNX Runtime face models, Tesseract). Every identity result carries one, so a reader of a journey result knows
 * whether a score came from Rekognition or from the development models on a laptop.
 *
 * @param kind    cloud provider or local engine
 * @param name    what answered, e.g. {@code amazon-rekognition}, {@code onnx-faceplugin}, {@code tesseract-ocrb}
 * @param version the API version or model identity, e.g. {@code 2016-06-27} or {@code faceplugin-face-recognition-js@0.0.1}
 */
public record Engine(Kind kind, String name, String version) {

    /** Cloud provider or local engine. */
    public enum Kind {
        CLOUD("cloud"), LOCAL("local");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The value written into results ({@code cloud} or {@code local}). */
        public String label() {
            return label;
        }
    }

    public Engine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** {@code name@version}, the form results print. */
    public String describe() {
        return name + "@" + version;
    }
}
