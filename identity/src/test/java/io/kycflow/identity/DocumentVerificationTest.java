package io.kycflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.identity.mrz.MrzComposer;
import io.kycflow.identity.mrz.MrzFormat;
import io.kycflow.image.ImageQualityReport;
import io.kycflow.image.QualityCheck;
import io.kycflow.image.QualityMeasurement;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.journey.DocumentCheck;
import io.kycflow.journey.IdType;
import io.kycflow.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentVerificationTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    static final Engine TEXTRACT = new Engine(Engine.Kind.CLOUD, "amazon-textract", "2018-06-27");
    private static final Engine TESSERACT = new Engine(Engine.Kind.LOCAL, "tesseract-ocrb", "5.3");
    /** A Spanish passport valid until 2030, as a passport office would print its MRZ. */
    static final List<String> PASSPORT = MrzComposer.compose(MrzFormat.TD3, new MrzComposer.MrzData("P", "ESP",
            "GARCIA LOPEZ", "MARIA", "PAB123456", "ESP", LocalDate.of(1990, 5, 12), "F", LocalDate.of(2030, 5, 11),
            "99999999R"));

    private final DocumentVerification verification = new DocumentVerification(CLOCK, IdentityThresholds.DEFAULT);

    static DocumentCheck.Result sharpImages() {
        ImageQualityReport report = new ImageQualityReport(1600, 1000, List.of(
                new QualityMeasurement(QualityCheck.FOCUS, 420, 100.0, null),
                new QualityMeasurement(QualityCheck.RESOLUTION, 1000, 600.0, null),
                new QualityMeasurement(QualityCheck.BRIGHTNESS, 128, 60.0, 220.0)));
        return DocumentCheck.evaluate(Map.of(CaptureSide.FRONT, report));
    }

    private static Map<DocumentField, ReadField> printed(String... pairs) {
        Map<DocumentField, ReadField> fields = new java.util.EnumMap<>(DocumentField.class);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(DocumentField.valueOf(pairs[i]), new ReadField(pairs[i + 1], 97));
        }
        return fields;
    }

    private static final Map<DocumentField, ReadField> MARIA = printed("FIRST_NAME", "María", "LAST_NAME",
            "García López", "DOCUMENT_NUMBER", "PAB123456", "DATE_OF_BIRTH", "1990-05-12", "DATE_OF_EXPIRY",
            "2030-05-11", "SEX", "F", "NATIONALITY", "ESP");

    private static ObjectNode userInfo(String... pairs) {
        ObjectNode info = Json.object();
        for (int i = 0; i < pairs.length; i += 2) {
            info.put(pairs[i], pairs[i + 1]);
        }
        return info;
    }

    private static List<String> risks(DocumentVerification.Result result) {
        return WarningRisks.of(result.warnings());
    }

    @Test
    void approvesAValidPassportThatMatchesWhatTheBusinessKnows() {
        List<String> ocr = List.of(PASSPORT.get(0).toLowerCase().replace("<<<<", "<< <<"),
                PASSPORT.get(1).replace('0', 'O'));
        DocumentVerification.Result result = verification.verify(sharpImages(),
                new DocumentReading(TEXTRACT, ocr, MARIA),
                userInfo("fullName", "María García López", "dateOfBirth", "1990-05-12", "idNumber", "PAB 123456",
                        "nationality", "ESP", "gender", "female"),
                IdType.PASSPORT, "ESP");

        assertEquals(DecisionStatus.APPROVED, result.status(), result.warnings().toString());
        JsonNode intelligence = result.documentIntelligence();
        JsonNode optical = intelligence.path("completeStatus").path("detailsOptical");
        assertEquals("True", optical.path("mrz").asText());
        assertEquals("True", optical.path("expiry").asText());
        assertEquals("True", optical.path("docType").asText());
        assertEquals("True", optical.path("text").asText());
        assertEquals("True", intelligence.path("completeStatus").path("overallStatus").asText());
        assertEquals("False", intelligence.path("idExpired").asText());
        assertTrue(intelligence.path("imageQuality").path("result").asBoolean(), "the image check's block is kept");
        JsonNode extracted = intelligence.path("extractedFields");
        assertEquals("María García López", extracted.path("names").asText(), "printed names keep their accents");
        assertEquals("PAB123456", extracted.path("number").asText());
        assertEquals("1990-05-12", extracted.path("DOB").asText());
        assertEquals("99999999R", extracted.path("personalNumber").asText());
        assertEquals("35", extracted.path("age").asText());
        assertEquals("Passport", extracted.path("documentName").asText());
        JsonNode names = intelligence.path("extractedFieldSources").path("names");
        assertEquals("mrz+visual", names.path("source").asText());
        assertTrue(names.path("agree").asBoolean());
        assertEquals("mrz", intelligence.path("extractedFieldSources").path("personalNumber").path("source").asText());
        assertTrue(intelligence.path("mrz").path("correctedCharacters").asInt() > 0);
        assertEquals("cloud", intelligence.path("engine").path("kind").asText());

        JsonNode match = result.matchPercentage();
        assertTrue(match.path("fullName").asInt() >= 95, match.toString());
        assertEquals(100, match.path("dateOfBirth").asInt());
        assertEquals(100, match.path("idNumber").asInt());
        assertEquals(100, match.path("gender").asInt());

        JsonNode idv = result.idVerification();
        assertEquals("Approved", idv.path("status").asText());
        assertEquals("Passport", idv.path("document_type").asText());
        assertEquals("ESP", idv.path("issuing_state").asText());
        assertEquals("Spain", idv.path("issuing_state_name").asText());
        assertEquals(35, idv.path("age").asInt());
        assertEquals("GARCIA LOPEZ", idv.path("mrz").path("surname").asText());
        assertEquals("id_verification", idv.path("node_id").asText());
        assertTrue(result.passed());
        assertEquals(LocalDate.of(1990, 5, 12), result.birthDate());
    }

    @Test
    void declinesAnExpiredDocument() {
        DocumentVerification.Result result = verification.verify(sharpImages(),
                new DocumentReading(TESSERACT, List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"), Map.of()),
                null, IdType.PASSPORT, null);
        assertEquals(DecisionStatus.DECLINED, result.status());
        assertEquals(List.of("EXPIRED_DOCUMENT"), risks(result));
        assertEquals("True", result.documentIntelligence().path("idExpired").asText());
        assertEquals("False", result.documentIntelligence().path("completeStatus").path("detailsOptical")
                .path("expiry").asText());
        assertEquals("local", result.idVerification().path("engine").path("kind").asText());
        assertFalse(result.passed());
    }

    @Test
    void sendsADataMismatchToReview() {
        DocumentVerification.Result result = verification.verify(sharpImages(),
                new DocumentReading(TEXTRACT, PASSPORT, MARIA),
                userInfo("fullName", "Maria Garcia Lopez", "dateOfBirth", "1965-03-16", "idNumber", "PAB123457"),
                IdType.PASSPORT, "ESP");
        assertEquals(DecisionStatus.IN_REVIEW, result.status());
        assertEquals(List.of("DATA_MISMATCH"), risks(result));
        JsonNode fields = result.warnings().get(0).path("additional_data").path("fields");
        assertEquals("dateOfBirth", fields.get(0).path("field").asText());
        assertEquals("idNumber", fields.get(1).path("field").asText());
        assertEquals(2, fields.size(), "the name matched");
        assertEquals(0, result.matchPercentage().path("dateOfBirth").asInt());
        assertEquals("False", result.documentIntelligence().path("completeStatus").path("overallStatus").asText());
    }

    @Test
    void matchesNamesWrittenInAnotherScript() {
        DocumentVerification.Result result = verification.verify(sharpImages(),
                new DocumentReading(TEXTRACT, List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                        "L898902C36UTO7408122F1204159ZE184226B<<<<<10"), Map.of()),
                userInfo("fullName", "Анна Мария Эрикссон"), IdType.PASSPORT, null);
        assertTrue(result.matchPercentage().path("fullName").asInt() >= 85, result.matchPercentage().toString());
        assertFalse(risks(result).contains("DATA_MISMATCH"));
    }

    @Test
    void reportsCheckDigitsTheCorrectorCannotRepair() {
        // two digits of the number changed to digits OCR does not confuse them with
        String broken = PASSPORT.get(1).replace("PAB123456", "PAB124356");
        DocumentVerification.Result result = verification.verify(sharpImages(),
                new DocumentReading(TEXTRACT, List.of(PASSPORT.get(0), broken), Map.of()), null, IdType.PASSPORT,
                "ESP");
        assertEquals(DecisionStatus.IN_REVIEW, result.status(), result.documentIntelligence().path("extractedFields")
                .path("mrz").asText());
        assertEquals(List.of("MRZ_CHECKSUM_FAILED"), risks(result));
        assertEquals("documentNumber", result.warnings().get(0).path("additional_data").path("fields").get(0).asText());
        assertEquals("False", result.documentIntelligence().path("completeStatus").path("detailsOptical")
                .path("mrz").asText());
    }

    @Test
    void flagsPrintedTextThatDisagreesWithTheMrz() {
        Map<DocumentField, ReadField> other = printed("FIRST_NAME", "María", "LAST_NAME", "García López",
                "DATE_OF_BIRTH", "1991-05-12");
        DocumentVerification.Result result = verification.verify(sharpImages(),
                new DocumentReading(TEXTRACT, PASSPORT, other), null, IdType.PASSPORT, "ESP");
        assertEquals(List.of("MRZ_TEXT_MISMATCH"), risks(result));
        assertEquals("DOB", result.warnings().get(0).path("additional_data").path("fields").get(0).asText());
        assertEquals("1990-05-12", result.fields().get("DOB").value(), "the MRZ's checked date is used");
        assertEquals("False", result.documentIntelligence().path("completeStatus").path("detailsOptical")
                .path("text").asText());
    }

    @Test
    void badInputHasItsOwnWarnings() {
        DocumentVerification.Result nothing = verification.verify(sharpImages(),
                new DocumentReading(TESSERACT, List.of("HOLIDAY PHOTO"), Map.of()), null, IdType.PASSPORT, "ESP");
        assertEquals(DecisionStatus.DECLINED, nothing.status());
        assertEquals(List.of("NOT_A_DOCUMENT"), risks(nothing));

        DocumentVerification.Result printedOnly = verification.verify(sharpImages(),
                new DocumentReading(TESSERACT, List.of(), MARIA), null, IdType.PASSPORT, "ESP");
        assertEquals(DecisionStatus.IN_REVIEW, printedOnly.status());
        assertEquals(List.of("MRZ_NOT_READABLE"), risks(printedOnly));
        assertEquals("visual", printedOnly.documentIntelligence().path("extractedFieldSources").path("number")
                .path("source").asText());

        DocumentVerification.Result licence = verification.verify(sharpImages(),
                new DocumentReading(TESSERACT, List.of(), MARIA), null, IdType.DRIVING_LICENSE, "ESP");
        assertEquals(DecisionStatus.APPROVED, licence.status(), "a driving licence has no MRZ to miss");
        assertEquals("NA", licence.documentIntelligence().path("completeStatus").path("detailsOptical")
                .path("mrz").asText());

        DocumentVerification.Result wrongType = verification.verify(sharpImages(),
                new DocumentReading(TEXTRACT, PASSPORT, Map.of()), null, IdType.ID_CARD, "FRA");
        assertEquals(List.of("DOCUMENT_TYPE_MISMATCH"), risks(wrongType));
        assertEquals("False", wrongType.documentIntelligence().path("completeStatus").path("detailsOptical")
                .path("docType").asText());
    }
}
