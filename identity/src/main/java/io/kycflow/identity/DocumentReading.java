package io.kycflow.identity;

import java.util.List;
import java.util.Map;

/**
 * What a {@link DocumentReader} read from a document's images.
 *
 * @param engine   the engine that read it
 * @param mrzLines the machine-readable zone as read, top line first, raw (it may hold OCR errors that the MRZ check
 *                 digits then correct); empty when no MRZ was found
 * @param fields   fields read from the printed text outside the MRZ (Textract's IdentityDocumentFields); empty when
 *                 the engine reads the MRZ only
 */
public record DocumentReading(Engine engine, List<String> mrzLines, Map<DocumentField, ReadField> fields) {
    public DocumentReading {
        mrzLines = List.copyOf(mrzLines);
        fields = Map.copyOf(fields);
    }
}
