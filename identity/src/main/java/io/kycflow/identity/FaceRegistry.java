package io.kycflow.identity;

import java.util.List;

/**
 * Remembers each journey's selfie face per tenant and finds the same face in the tenant's other journeys (seed 004's
 * {@code duplicated_selfie_users}): a Rekognition collection per tenant in the cloud (IndexFaces,
 * SearchFacesByImage), the local engine's embeddings locally.
 */
public interface FaceRegistry {

    /**
     * Finds the tenant's other journeys whose selfie shows this face, then registers this journey's face. Repeating
     * the call for the same journey registers it once and never reports the journey as its own duplicate.
     *
     * @param tenantId  the tenant; faces of other tenants are never searched
     * @param journeyId this journey
     * @param selfie    the selfie image bytes
     * @return the other journeys with the same face, most similar first
     */
    List<FaceDuplicate> findAndRegister(String tenantId, String journeyId, byte[] selfie);

    /**
     * A journey whose selfie shows the same face.
     *
     * @param journeyId  the other journey
     * @param similarity 0-100
     */
    record FaceDuplicate(String journeyId, double similarity) {
    }
}
