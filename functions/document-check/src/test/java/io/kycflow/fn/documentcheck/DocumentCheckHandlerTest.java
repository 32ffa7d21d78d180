package io.kycflow.fn.documentcheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.image.SampleDocuments;
import io.kycflow.journey.CaptureKey;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.IdType;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyNotFoundException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;
import io.kycflow.store.DynamoJourneyRepository;
import io.kycflow.testing.TestDeployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.awt.image.BufferedImage;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DOC_CHECK step on captures stored in embedded S3 and journeys in embedded DynamoDB, as the state machine calls it. */
class DocumentCheckHandlerTest {
    private static final String NAME = "document-check-test";
    private static final String TENANT = "acme";

    private static Settings settings;
    private static DocumentCheckHandler check;
    private static DynamoJourneyRepository journeys;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        System.setProperty("java.awt.headless", "true");
        settings = TestDeployment.named(NAME);
        journeys = new DynamoJourneyRepository(AwsClients.dynamoDb(settings), NAME);
        s3 = AwsClients.s3(settings);
        check = new DocumentCheckHandler(settings, Clock.systemUTC());
    }

    /** A journey with these sides uploaded and accepted, its check due. */
    private static Journey journeyWith(IdType idType, BufferedImage front, BufferedImage back) {
        long now = System.currentTimeMillis();
        Journey journey = Journey.create(TENANT, "j_" + Secrets.random(9), now, 3600);
        JourneyRules.acceptConsent(journey, true, now);
        JourneyRules.selectDocument(journey, "ESP", idType, now);
        JourneyRules.acceptImage(journey, CaptureSide.FRONT, store(journey, CaptureSide.FRONT, front), now);
        if (back != null) {
            JourneyRules.acceptImage(journey, CaptureSide.BACK, store(journey, CaptureSide.BACK, back), now);
        }
        journeys.create(journey, Secrets.hash(Secrets.newJourneyToken()));
        return journey;
    }

    private static String store(Journey journey, CaptureSide side, BufferedImage image) {
        String key = CaptureKey.newUpload(TENANT, journey.journeyId(), side).key();
        s3.putObject(b -> b.bucket(NAME).key(key), RequestBody.fromBytes(SampleDocuments.jpeg(image)));
        return key;
    }

    private static JsonNode event(Journey journey) {
        return Json.object().put("tenantId", journey.tenantId()).put("journeyId", journey.journeyId());
    }

    private static Journey stored(Journey journey) {
        return journeys.find(TENANT, journey.journeyId()).orElseThrow();
    }

    @Test
    void aSharpPassportPassesAndTheCheckIsRecorded() {
        Journey journey = journeyWith(IdType.PASSPORT, SampleDocuments.passport(), null);
        JsonNode result = check.handle(event(journey), null);
        assertTrue(result.get("passed").asBoolean(), result.toString());
        assertTrue(result.get("secondsLeft").asLong() > 3500, result.toString());

        Journey checked = stored(journey);
        assertEquals(JourneyStep.DOC_CHECK, checked.step());
        assertEquals("The document check passed.", checked.message());
        JsonNode verification = checked.state().get("idVerification");
        assertEquals("Approved", verification.get("status").asText());
        assertEquals("Passport", verification.get("document_type").asText());
        assertEquals("ESP", verification.get("issuing_state").asText());
        assertTrue(verification.get("back_image_quality_score").isNull());
        assertTrue(checked.documentIntelligence().at("/imageQuality/result").asBoolean());
    }

    @Test
    void anIdCardIsCheckedOnBothSides() {
        Journey journey = journeyWith(IdType.ID_CARD, SampleDocuments.idCardFront(), SampleDocuments.idCardBack());
        assertTrue(check.handle(event(journey), null).get("passed").asBoolean());
        JsonNode quality = stored(journey).documentIntelligence().get("imageQuality");
        assertFalse(quality.path("frontIdCheck").isMissingNode(), quality.toString());
        assertFalse(quality.path("backIdCheck").isMissingNode(), quality.toString());
    }

    @Test
    void aBlurredDocumentFailsWithAnErrorWarning() {
        Journey journey = journeyWith(IdType.PASSPORT, SampleDocuments.blurred(SampleDocuments.passport()), null);
        assertFalse(check.handle(event(journey), null).get("passed").asBoolean());
        JsonNode verification = stored(journey).state().get("idVerification");
        assertEquals("Declined", verification.get("status").asText());
        boolean blurry = false;
        for (JsonNode warning : verification.get("warnings")) {
            blurry |= warning.path("risk").asText().equals("BLURRY_DOCUMENT") && warning.path("log_type").asText().equals("error");
        }
        assertTrue(blurry, verification.toString());
    }

    @Test
    void aRetriedCheckRecordsTheSameResult() {
        Journey journey = journeyWith(IdType.PASSPORT, SampleDocuments.passport(), null);
        JsonNode first = check.handle(event(journey), null);
        Journey once = stored(journey);
        JsonNode second = check.handle(event(journey), null);
        Journey twice = stored(journey);
        assertEquals(first.get("passed"), second.get("passed"));
        assertEquals(once.state().get("idVerification"), twice.state().get("idVerification"));
        assertEquals(once.documentIntelligence(), twice.documentIntelligence());
        assertEquals(JourneyStep.DOC_CHECK, twice.step());
    }

    @Test
    void aCaptureThatIsGoneOrNoLongerAnImageFailsTheStepWithoutAResult() {
        Journey gone = journeyWith(IdType.PASSPORT, SampleDocuments.passport(), null);
        s3.deleteObject(b -> b.bucket(NAME).key(gone.image(CaptureSide.FRONT)));
        assertThrows(NoSuchKeyException.class, () -> check.handle(event(gone), null));
        assertNull(stored(gone).state().get("idVerification"));

        Journey replaced = journeyWith(IdType.PASSPORT, SampleDocuments.passport(), null);
        s3.putObject(b -> b.bucket(NAME).key(replaced.image(CaptureSide.FRONT)), RequestBody.fromBytes(SampleDocuments.notAnImage()));
        assertEquals("stored image no longer decodes: UNSUPPORTED_TYPE",
                assertThrows(IllegalStateException.class, () -> check.handle(event(replaced), null)).getMessage());
        assertNull(stored(replaced).state().get("idVerification"));
    }

    @Test
    void anEventNamingNoJourneyFails() {
        assertThrows(JourneyNotFoundException.class, () -> check.handle(Json.object(), null));
        Journey journey = journeyWith(IdType.PASSPORT, SampleDocuments.passport(), null);
        assertThrows(JourneyNotFoundException.class,
                () -> check.handle(Json.object().put("tenantId", "another-tenant").put("journeyId", journey.journeyId()), null));
        assertNull(stored(journey).state().get("idVerification"));
    }

    @Test
    void whenTheTableCannotBeReachedTheStepFails() {
        DocumentCheckHandler noTable = new DocumentCheckHandler(TestDeployment.withoutTable(settings), Clock.systemUTC());
        Journey journey = journeyWith(IdType.PASSPORT, SampleDocuments.passport(), null);
        assertThrows(ResourceNotFoundException.class, () -> noTable.handle(event(journey), null));
        assertNull(stored(journey).state().get("idVerification"));
    }
}
