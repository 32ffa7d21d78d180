package io.kycflow.identity.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link EmbeddingStore} in this process's memory: a map per tenant, gone when the process ends. */
public final class InMemoryEmbeddingStore implements EmbeddingStore {

    private final Map<String, Map<String, float[]>> tenants = new ConcurrentHashMap<>();

    @Override
    public List<StoredFace> faces(String tenantId) {
        List<StoredFace> faces = new ArrayList<>();
        tenants.getOrDefault(tenantId, Map.of()).forEach((journey, embedding) -> faces.add(new StoredFace(journey, embedding.clone())));
        return faces;
    }

    @Override
    public void put(String tenantId, String journeyId, float[] embedding) {
        tenants.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>()).put(journeyId, embedding.clone());
    }
}
