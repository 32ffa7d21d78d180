package io.kycflow.store;

import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.core.ConcurrentUpdateException;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyRules;
import io.kycflow.testing.TestDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Journeys in DynamoDB Local: tenant-scoped, versioned, their token stored hashed. */
class DynamoJourneyRepositoryTest {
    private static final String TABLE = "journey-store-test";
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void table() {
        dynamo = AwsClients.dynamoDb(TestDeployment.named(TABLE));
    }

    @Test
    void journeysAreTenantScopedAndVersioned() {
        DynamoJourneyRepository repository = new DynamoJourneyRepository(dynamo, TABLE);
        Journey journey = Journey.create("tenant-a", "j_store", System.currentTimeMillis(), 600);
        String token = Secrets.newJourneyToken();
        repository.create(journey, Secrets.hash(token));

        assertTrue(repository.find("tenant-a", "j_store").isPresent());
        assertTrue(repository.find("tenant-b", "j_store").isEmpty(), "another tenant cannot see it");
        var journeyToken = new DynamoCredentialStore(dynamo, TABLE).findJourneyToken(Secrets.hash(token)).orElseThrow();
        assertEquals("j_store", journeyToken.journeyId());
        assertEquals(journey.expiresAt(), journeyToken.expiresAtMillis());
        assertThrows(RuntimeException.class, () -> repository.create(journey, Secrets.hash(token)), "no overwrite");

        Journey first = repository.find("tenant-a", "j_store").orElseThrow();
        Journey second = repository.find("tenant-a", "j_store").orElseThrow();
        JourneyRules.acceptConsent(first, true, System.currentTimeMillis());
        repository.save(first);
        JourneyRules.acceptConsent(second, false, System.currentTimeMillis());
        assertThrows(ConcurrentUpdateException.class, () -> repository.save(second));
        assertEquals(Boolean.TRUE, repository.find("tenant-a", "j_store").orElseThrow().consent(), "the first write stands");
    }
}
