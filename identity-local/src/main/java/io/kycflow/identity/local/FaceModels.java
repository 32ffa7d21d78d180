package io.kycflow.identity.local;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import io.kycflow.identity.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The five faceplugin ONNX models (npm {@code faceplugin-face-recognition-js@0.0.1}: detection, 68 landmarks, the
 * 512-d embedding, passive liveness, age), loaded from a directory that {@code identity-local/scripts/fetch-face-data.sh}
 * fills. The models are not committed and not on the classpath: their licence is unclear (see docs/FACES.md).
 *
 * <p>The directory is, in order: the system property {@value #DIRECTORY_PROPERTY}, the environment variable
 * {@value #DIRECTORY_VARIABLE}, {@code models/faceplugin-face-recognition-js-0.0.1} under the fetch script's cache
 * ({@code KYCFLOW_CACHE}, by default {@code ~/.cache/kycflow}).
 */
public final class FaceModels implements AutoCloseable {

    /** Every result of the local face engine names this engine. */
    public static final Engine ENGINE = new Engine(Engine.Kind.LOCAL, "onnx-faceplugin", "faceplugin-face-recognition-js@0.0.1");

    /** System property naming the model directory. */
    public static final String DIRECTORY_PROPERTY = "kycflow.face.models";
    /** Environment variable naming the model directory. */
    public static final String DIRECTORY_VARIABLE = "KYCFLOW_FACE_MODELS";
    /** The command that fetches the models, named in the error when they are missing. */
    public static final String FETCH_COMMAND = "identity-local/scripts/fetch-face-data.sh models";

    static final List<String> FILES = List.of("fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx", "fr_liveness.onnx", "fr_age.onnx");

    private final List<OnnxModel> sessions;
    final FaceDetector detector;
    final FaceLandmarker landmarker;
    final FaceEmbedder embedder;
    final PassiveLivenessModel liveness;
    final AgeEstimator age;

    private FaceModels(Path directory, int intraOpThreads) {
        for (String file : FILES) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new MissingFaceModelsException(directory, file);
            }
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        OnnxModel detect = new OnnxModel(environment, directory.resolve("fr_detect.onnx"), intraOpThreads);
        OnnxModel landmark = new OnnxModel(environment, directory.resolve("fr_landmark.onnx"), intraOpThreads);
        OnnxModel feature = new OnnxModel(environment, directory.resolve("fr_feature.onnx"), intraOpThreads);
        OnnxModel live = new OnnxModel(environment, directory.resolve("fr_liveness.onnx"), intraOpThreads);
        OnnxModel ageModel = new OnnxModel(environment, directory.resolve("fr_age.onnx"), intraOpThreads);
        this.sessions = List.of(detect, landmark, feature, live, ageModel);
        this.detector = new FaceDetector(detect);
        this.landmarker = new FaceLandmarker(landmark);
        this.embedder = new FaceEmbedder(feature);
        this.liveness = new PassiveLivenessModel(live);
        this.age = new AgeEstimator(ageModel);
    }

    /**
     * Loads the models from a directory.
     *
     * @param directory      holds the five .onnx files
     * @param intraOpThreads threads one model call may use (1 keeps a selfie on one core)
     * @throws MissingFaceModelsException when a model file is missing
     */
    public static FaceModels load(Path directory, int intraOpThreads) {
        return new FaceModels(directory, intraOpThreads);
    }

    private static FaceModels shared;

    /**
     * The process's models from {@link #directory()}, one thread per model call, loaded on first use and kept: the
     * sessions take about a second to create and 60 MB of memory, so every engine of a process shares them.
     *
     * @throws MissingFaceModelsException when a model file is missing (the next call looks again)
     */
    public static synchronized FaceModels shared() {
        if (shared == null) {
            shared = load(directory(), 1);
        }
        return shared;
    }

    /** The model directory this process uses (see the class comment). */
    public static Path directory() {
        return directory(System.getProperties().getProperty(DIRECTORY_PROPERTY), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    static Path directory(String property, Map<String, String> environment, Path home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = environment.get(DIRECTORY_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        String cache = environment.get("KYCFLOW_CACHE");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : home.resolve(".cache/kycflow");
        return base.resolve("models/faceplugin-face-recognition-js-0.0.1");
    }

    @Override
    public void close() {
        sessions.forEach(OnnxModel::close);
    }

    /** A model file is not where the engine looks: the message says where it looked and how to fetch the models. */
    public static final class MissingFaceModelsException extends IllegalStateException {
        MissingFaceModelsException(Path directory, String file) {
            super("The local face engine's model " + file + " is not in " + directory.toAbsolutePath()
                    + ". Fetch the models (pinned by hash, about 9 MB, npm needed) with: " + FETCH_COMMAND
                    + " (they go to ~/.cache/kycflow/models/faceplugin-face-recognition-js-0.0.1), or point "
                    + DIRECTORY_VARIABLE + " (or -D" + DIRECTORY_PROPERTY + ") at a directory holding "
                    + String.join(", ", FILES) + ".");
        }
    }
}
