package io.kycflow.identity.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.identity.DocumentField;
import io.kycflow.identity.DocumentReading;
import io.kycflow.identity.Engine;
import io.kycflow.identity.ReadField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.model.BadDocumentException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.kycflow.identity.aws.RekognitionFaceAnalyzerTest.base64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AnalyzeID through the real SDK client, answered with recorded Textract responses. */
class TextractDocumentReaderTest {
    private static final Engine TEXTRACT = new Engine(Engine.Kind.CLOUD, "amazon-textract", "2018-06-27");
    private static final byte[] FRONT = "front side".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BACK = "back side".getBytes(StandardCharsets.UTF_8);

    private final RecordedAws aws = new RecordedAws();
    private final TextractClient client = IdentityAws.textract(aws.settings(Map.of()));
    private final TextractDocumentReader reader = new TextractDocumentReader(client);

    @AfterEach
    void close() {
        client.close();
        aws.close();
    }

    @Test
    void aPassportsFieldsAndMrz() {
        aws.answer("AnalyzeID", "analyze-id-passport.json");

        DocumentReading reading = reader.read(FRONT, null);

        RecordedAws.Sent sent = aws.sent().getFirst();
        assertEquals("Textract.AnalyzeID", sent.target());
        assertEquals(1, sent.body().get("DocumentPages").size());
        assertEquals(base64(FRONT), sent.body().at("/DocumentPages/0/Bytes").asText());

        assertEquals(TEXTRACT, reading.engine());
        assertEquals(List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10"), reading.mrzLines());
        // blank fields (ADDRESS on a passport) are not read; types without a DocumentField (SUFFIX, CLASS) are dropped
        assertEquals(Map.of(
                DocumentField.FIRST_NAME, new ReadField("ANNA", 98.91f),
                DocumentField.MIDDLE_NAME, new ReadField("MARIA", 95.4f),
                DocumentField.LAST_NAME, new ReadField("ERIKSSON", 99.02f),
                DocumentField.DOCUMENT_NUMBER, new ReadField("L898902C3", 96.87f),
                DocumentField.DATE_OF_EXPIRY, new ReadField("2012-04-15", 97.66f),
                DocumentField.DATE_OF_BIRTH, new ReadField("1974-08-12", 98.2f),
                DocumentField.DATE_OF_ISSUE, new ReadField("2007-04-16", 93.05f),
                DocumentField.DOCUMENT_TYPE, new ReadField("PASSPORT", 99.71f),
                DocumentField.PLACE_OF_BIRTH, new ReadField("ZENITH", 91.23f)), reading.fields());
    }

    @Test
    void bothSidesGoInOneRequestAndTheSurerReadingWins() {
        aws.answer("AnalyzeID", "analyze-id-card-two-sides.json");

        DocumentReading reading = reader.read(FRONT, BACK);

        JsonNode pages = aws.sent().getFirst().body().get("DocumentPages");
        assertEquals(2, pages.size());
        assertEquals(base64(FRONT), pages.get(0).get("Bytes").asText());
        assertEquals(base64(BACK), pages.get(1).get("Bytes").asText());
        assertEquals(1, aws.sent().size());

        // the back's MRZ (the front's is blank), its three TD1 lines
        assertEquals(List.of("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"), reading.mrzLines());
        // the front misread the number (71.4); the back read it surely (95.2)
        assertEquals(new ReadField("D23145890", 95.2f), reading.fields().get(DocumentField.DOCUMENT_NUMBER));
        assertEquals(new ReadField("IDENTIFICATION CARD", 98.4f), reading.fields().get(DocumentField.DOCUMENT_TYPE));
        assertEquals(new ReadField("1 MAIN STREET ZENITH", 88.6f), reading.fields().get(DocumentField.ADDRESS));
        assertEquals(new ReadField("ANNA MARIA", 97.5f), reading.fields().get(DocumentField.FIRST_NAME));
    }

    @Test
    void aDocumentWithNothingReadableGivesEmptyResultsNotAnException() {
        aws.answer("AnalyzeID", "analyze-id-no-mrz.json");

        DocumentReading reading = reader.read(FRONT, null);

        assertEquals(List.of(), reading.mrzLines());
        assertEquals(Map.of(), reading.fields());
    }

    @Test
    void throttlingIsRetriedByTheSdk() {
        aws.answer("AnalyzeID", 400, "error-provisioned-throughput.json").answer("AnalyzeID", "analyze-id-passport.json");

        assertEquals(2, reader.read(FRONT, null).mrzLines().size());
        assertEquals(2, aws.sent("AnalyzeID").size());
    }

    @Test
    void anUnreadableImageIsTextractsErrorNotAnEmptyReading() {
        aws.answer("AnalyzeID", 400, "error-bad-document.json");

        assertThrows(BadDocumentException.class, () -> reader.read(FRONT, null));
    }
}
