package io.kycflow.store;

import io.kycflow.http.ApiException;
import io.kycflow.http.ErrorCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.kycflow.store.KycflowTable.n;
import static io.kycflow.store.KycflowTable.s;

/**
 * Replays for {@code Idempotency-Key}: the first request with a key claims it, and its response is kept for 24 hours;
 * a replay with the same request gets that response again, a different request with the same key gets 409.
 */
public final class IdempotencyStore {
    private static final long RETENTION_SECONDS = 86_400;
    /** A claim older than this belongs to a request that died; a retry may take it over. */
    private static final long STALE_CLAIM_MILLIS = 60_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public IdempotencyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** A stored response. */
    public record Response(int statusCode, String body) {
    }

    /**
     * Claims the key for this request, or returns the stored response of an identical earlier request.
     *
     * @param requestHash a hash of what identifies the request (route, path, body)
     * @throws ApiException 409 when the key was used for another request or the first one is still running
     */
    public Optional<Response> claim(String tenantId, String idempotencyKey, String requestHash) {
        Map<String, AttributeValue> key = key(tenantId, idempotencyKey);
        long now = clock.millis();
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("requestHash", s(requestHash));
        item.put("claimedAt", n(now));
        item.put(KycflowTable.TTL, n(now / 1000 + RETENTION_SECONDS));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (attribute_not_exists(statusCode) AND claimedAt < :stale)")
                    .expressionAttributeValues(Map.of(":stale", n(now - STALE_CLAIM_MILLIS))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            if (existing == null || existing.isEmpty()) {
                return claim(tenantId, idempotencyKey, requestHash);
            }
            if (!requestHash.equals(existing.get("requestHash").s())) {
                throw new ApiException(ErrorCode.CONFLICT,
                        "This Idempotency-Key was already used for a different request.", "Idempotency-Key");
            }
            if (!existing.containsKey("statusCode")) {
                throw new ApiException(ErrorCode.CONFLICT,
                        "A request with this Idempotency-Key is still being processed; retry shortly.", "Idempotency-Key");
            }
            return Optional.of(new Response(Integer.parseInt(existing.get("statusCode").n()), existing.get("body").s()));
        }
    }

    /** Keeps the response of a claimed request. */
    public void complete(String tenantId, String idempotencyKey, Response response) {
        dynamo.updateItem(b -> b.tableName(table).key(key(tenantId, idempotencyKey))
                .updateExpression("SET statusCode = :code, body = :body")
                .expressionAttributeValues(Map.of(":code", n(response.statusCode()), ":body", s(response.body()))));
    }

    /** Releases a claim whose request failed on our side, so a retry runs it again. */
    public void release(String tenantId, String idempotencyKey) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(tenantId, idempotencyKey)));
    }

    private static Map<String, AttributeValue> key(String tenantId, String idempotencyKey) {
        return KycflowTable.key(KycflowTable.tenantKey(tenantId), "IDEMPOTENCY#" + idempotencyKey);
    }
}
