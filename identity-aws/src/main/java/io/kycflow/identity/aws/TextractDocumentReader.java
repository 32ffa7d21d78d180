package io.kycflow.identity.aws;

import io.kycflow.identity.DocumentField;
import io.kycflow.identity.DocumentReader;
import io.kycflow.identity.DocumentReading;
import io.kycflow.identity.Engine;
import io.kycflow.identity.ReadField;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.textract.TextractClient;
import software.amazon.awssdk.services.textract.model.AnalyzeIDDetections;
import software.amazon.awssdk.services.textract.model.Document;
import software.amazon.awssdk.services.textract.model.IdentityDocument;
import software.amazon.awssdk.services.textract.model.IdentityDocumentField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link DocumentReader} on Amazon Textract AnalyzeID: the front and back of a document in one request (AnalyzeID
 * takes up to two pages), its normalised IdentityDocumentFields mapped onto {@link DocumentField}s and its
 * {@code MRZ_CODE} split into the zone's lines.
 */
public final class TextractDocumentReader implements DocumentReader {
    /** Amazon Textract, API version 2018-06-27. */
    private static final Engine ENGINE = new Engine(Engine.Kind.CLOUD, "amazon-textract", "2018-06-27");

    /** AnalyzeID's field types that have a {@link DocumentField}; the others (US licence classes, county...) are not kept. */
    private static final Map<String, DocumentField> FIELDS = Map.ofEntries(
            Map.entry("FIRST_NAME", DocumentField.FIRST_NAME),
            Map.entry("MIDDLE_NAME", DocumentField.MIDDLE_NAME),
            Map.entry("LAST_NAME", DocumentField.LAST_NAME),
            Map.entry("DOCUMENT_NUMBER", DocumentField.DOCUMENT_NUMBER),
            Map.entry("DATE_OF_BIRTH", DocumentField.DATE_OF_BIRTH),
            Map.entry("EXPIRATION_DATE", DocumentField.DATE_OF_EXPIRY),
            Map.entry("DATE_OF_ISSUE", DocumentField.DATE_OF_ISSUE),
            Map.entry("PLACE_OF_BIRTH", DocumentField.PLACE_OF_BIRTH),
            Map.entry("ADDRESS", DocumentField.ADDRESS),
            Map.entry("ID_TYPE", DocumentField.DOCUMENT_TYPE));
    private static final String MRZ_CODE = "MRZ_CODE";

    private final TextractClient textract;

    /** @param textract the client, built once per container */
    public TextractDocumentReader(TextractClient textract) {
        this.textract = Objects.requireNonNull(textract, "textract");
    }

    @Override
    public DocumentReading read(byte[] front, byte[] back) {
        List<Document> pages = new ArrayList<>(2);
        pages.add(page(front));
        if (back != null) {
            pages.add(page(back));
        }
        Map<DocumentField, ReadField> fields = new EnumMap<>(DocumentField.class);
        ReadField mrz = null;
        for (IdentityDocument document : textract.analyzeID(request -> request.documentPages(pages)).identityDocuments()) {
            for (IdentityDocumentField field : document.identityDocumentFields()) {
                ReadField read = value(field.valueDetection());
                if (read == null || field.type() == null) {
                    continue;
                }
                String type = field.type().text();
                if (MRZ_CODE.equals(type)) {
                    mrz = better(mrz, read);
                } else if (FIELDS.containsKey(type)) {
                    // a field on both sides (a TD1 card repeats its number): the surer reading wins
                    fields.merge(FIELDS.get(type), read, TextractDocumentReader::better);
                }
            }
        }
        return new DocumentReading(ENGINE, mrz == null ? List.of() : mrzLines(mrz.value()), fields);
    }

    private static Document page(byte[] image) {
        return Document.builder().bytes(SdkBytes.fromByteArrayUnsafe(image)).build();
    }

    /** The value, dates as their normalised ISO date; null when Textract saw nothing there. */
    private static ReadField value(AnalyzeIDDetections detection) {
        if (detection == null || detection.text() == null || detection.text().isBlank()) {
            return null;
        }
        String value = detection.text().strip();
        if (detection.normalizedValue() != null && detection.normalizedValue().value() != null
                && "Date".equals(detection.normalizedValue().valueTypeAsString())) {
            // "2029-06-14T00:00:00": the date is the part before the time
            String normalized = detection.normalizedValue().value();
            value = normalized.length() >= 10 ? normalized.substring(0, 10) : normalized;
        }
        return new ReadField(value, detection.confidence() == null ? 0 : detection.confidence());
    }

    private static ReadField better(ReadField a, ReadField b) {
        return a == null || b.confidence() > a.confidence() ? b : a;
    }

    /** The MRZ's lines: Textract separates them with line breaks or spaces, and the zone itself has no spaces. */
    private static List<String> mrzLines(String mrz) {
        return Arrays.stream(mrz.strip().split("\\s+")).filter(line -> !line.isEmpty()).toList();
    }
}
