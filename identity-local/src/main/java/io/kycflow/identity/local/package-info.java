/**
 * The local runtime's face engine: {@link io.kycflow.identity.local.LocalFaceEngine} (faces, age, comparison, passive
 * liveness) and {@link io.kycflow.identity.local.LocalFaceRegistry} on the faceplugin ONNX models run by ONNX Runtime
 * on the CPU, loaded once per process by {@link io.kycflow.identity.local.FaceModels}. For laptops and the local
 * runtime only: never packaged into a Lambda artifact. Accuracy figures and the models' licence: docs/FACES.md.
 */
package io.kycflow.identity.local;
