package io.kycflow.store;

import io.kycflow.auth.CredentialStore;
import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.kycflow.store.KycflowTable.s;

/** API keys and journey tokens, stored by the SHA-256 of the secret. */
public final class DynamoCredentialStore implements CredentialStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCredentialStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ApiKey> findApiKey(String keyHash) {
        return get("APIKEY#" + keyHash, "APIKEY").map(item -> new ApiKey(
                item.get("tenantId").s(),
                Scope.parseAll(item.get("scopes").s()),
                !item.containsKey("revokedAt")));
    }

    @Override
    public Optional<JourneyToken> findJourneyToken(String tokenHash) {
        return get("JTOKEN#" + tokenHash, "JTOKEN").map(item -> new JourneyToken(
                item.get("tenantId").s(), item.get("journeyId").s(), Long.parseLong(item.get("expiresAt").n())));
    }

    /** Stores an API key for a tenant (the secret itself is not stored). Re-storing the same key replaces it. */
    public void putApiKey(String tenantId, String apiKey, Set<Scope> scopes, String name) {
        Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key("APIKEY#" + Secrets.hash(apiKey), "APIKEY"));
        item.put("tenantId", s(tenantId));
        item.put("scopes", s(Scope.join(scopes)));
        item.put("name", s(name));
        item.put("createdAt", s(Instant.now().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var response = dynamo.getItem(b -> b.tableName(table).key(KycflowTable.key(pk, sk)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
