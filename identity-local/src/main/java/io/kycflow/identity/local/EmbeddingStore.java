package io.kycflow.identity.local;

import java.util.List;

/**
 * Where {@link LocalFaceRegistry} keeps each journey's face embedding, per tenant: in memory now, a DynamoDB Local
 * table (partition key the tenant, sort key the journey, the embedding as 2,048 bytes) when the local runtime wants
 * the faces to outlive the process. An implementation never returns one tenant's faces for another.
 */
public interface EmbeddingStore {

    /** The tenant's stored faces, in no particular order. */
    List<StoredFace> faces(String tenantId);

    /** Stores the journey's face for the tenant, replacing the journey's earlier one. */
    void put(String tenantId, String journeyId, float[] embedding);

    /**
     * One journey's face.
     *
     * @param journeyId the journey whose selfie it is
     * @param embedding the unit-length 512-d embedding
     */
    record StoredFace(String journeyId, float[] embedding) {
    }
}
