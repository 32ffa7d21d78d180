package io.kycflow.store;

import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.backends.LocalBackends;
import io.kycflow.backends.TestBackends;
import io.kycflow.http.ApiException;
import io.kycflow.http.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared DynamoDB adapters (API keys, idempotency) against DynamoDB Local. */
class DynamoStoresTest {
    private static final String TABLE = "stores-test";
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void table() {
        LocalBackends backends = TestBackends.shared();
        dynamo = AwsClients.dynamoDb(new Settings(backends.environment()));
        KycflowTable.create(dynamo, TABLE);
        KycflowTable.create(dynamo, TABLE); // an existing table is kept, as on a restart
    }

    @Test
    void apiKeysAreFoundByHashOnly() {
        DynamoCredentialStore store = new DynamoCredentialStore(dynamo, TABLE);
        String key = Secrets.newApiKey();
        store.putApiKey("tenant-a", key, Set.of(Scope.KYC_READ), "test");
        var found = store.findApiKey(Secrets.hash(key)).orElseThrow();
        assertEquals("tenant-a", found.tenantId());
        assertEquals(Set.of(Scope.KYC_READ), found.scopes());
        assertTrue(store.findApiKey(key).isEmpty(), "the clear key is not a lookup key");
        var item = dynamo.getItem(b -> b.tableName(TABLE).key(KycflowTable.key("APIKEY#" + Secrets.hash(key), "APIKEY"))).item();
        assertFalse(item.toString().contains(key), "the secret is not stored");
    }

    @Test
    void idempotencyReplaysTheSameRequestAndRefusesAnother() {
        IdempotencyStore store = new IdempotencyStore(dynamo, TABLE, Clock.systemUTC());
        assertTrue(store.claim("tenant-a", "key-1", "hash-1").isEmpty());
        ApiException inFlight = assertThrows(ApiException.class, () -> store.claim("tenant-a", "key-1", "hash-1"));
        assertEquals(ErrorCode.CONFLICT, inFlight.code());
        store.complete("tenant-a", "key-1", new IdempotencyStore.Response(201, "{\"ok\":1}"));
        assertEquals(new IdempotencyStore.Response(201, "{\"ok\":1}"), store.claim("tenant-a", "key-1", "hash-1").orElseThrow());
        assertEquals(ErrorCode.CONFLICT, assertThrows(ApiException.class, () -> store.claim("tenant-a", "key-1", "hash-2")).code());
        assertTrue(store.claim("tenant-b", "key-1", "hash-2").isEmpty(), "keys are per tenant");
        store.release("tenant-b", "key-1");
        assertTrue(store.claim("tenant-b", "key-1", "hash-3").isEmpty(), "a released key can be claimed again");
    }
}
