package io.kycflow.identity.local;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One ONNX model with a single float input, loaded once into an ONNX Runtime session on the CPU. Sessions are
 * thread-safe for {@link #run}; the session options fix the threads a call may use.
 */
final class OnnxModel implements AutoCloseable {

    private final String file;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;

    OnnxModel(OrtEnvironment environment, Path file, int intraOpThreads) {
        this.file = file.getFileName().toString();
        this.environment = environment;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // fr_age.onnx lists its weights as graph inputs: a warning per weight at load, harmless for inference
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            this.session = environment.createSession(file.toString(), options);
            this.inputName = session.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on one input.
     *
     * @param input the input tensor's values, row-major
     * @param shape the input tensor's shape
     * @return every output, by name, flattened row-major
     */
    Map<String, float[]> run(float[] input, long... shape) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            for (Map.Entry<String, OnnxValue> output : result) {
                FloatBuffer values = ((OnnxTensor) output.getValue()).getFloatBuffer();
                float[] flat = new float[values.remaining()];
                values.get(flat);
                outputs.put(output.getKey(), flat);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException(file + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing " + file + ": " + e.getMessage(), e);
        }
    }
}
