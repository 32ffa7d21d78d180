package io.kycflow.identity.local;

import io.kycflow.identity.FaceRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The local {@link FaceRegistry}: the selfie's largest face as an embedding, compared with the tenant's stored
 * embeddings (and only the tenant's), a duplicate from {@link SimilarityScale#COSINE_THRESHOLD}. A selfie without a
 * face finds nothing and registers nothing.
 */
public final class LocalFaceRegistry implements FaceRegistry {

    private final LocalFaceEngine engine;
    private final EmbeddingStore store;

    /**
     * @param engine computes the embeddings
     * @param store  keeps them per tenant
     */
    public LocalFaceRegistry(LocalFaceEngine engine, EmbeddingStore store) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<FaceDuplicate> findAndRegister(String tenantId, String journeyId, byte[] selfie) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(journeyId, "journeyId");
        Optional<float[]> face = engine.largestFaceEmbedding(selfie);
        if (face.isEmpty()) {
            return List.of();
        }
        List<FaceDuplicate> duplicates = new ArrayList<>();
        for (EmbeddingStore.StoredFace stored : store.faces(tenantId)) {
            double cosine = FaceEmbedder.cosine(face.get(), stored.embedding());
            if (!stored.journeyId().equals(journeyId) && cosine >= SimilarityScale.COSINE_THRESHOLD) {
                duplicates.add(new FaceDuplicate(stored.journeyId(), SimilarityScale.similarity(cosine)));
            }
        }
        duplicates.sort(Comparator.comparingDouble(FaceDuplicate::similarity).reversed());
        store.put(tenantId, journeyId, face.get());
        return duplicates;
    }
}
