package io.kycflow.journey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.image.ImageQualityReport;
import io.kycflow.image.QualityCheck;
import io.kycflow.image.QualityMeasurement;
import io.kycflow.json.Json;

import java.util.Locale;
import java.util.Map;

/**
 * Turns the measured image quality of the document's sides into seed 001's {@code documentIntelligence} block and
 * the decision's warnings. The check fails hard when a side is unreadable (resolution, focus, brightness); glare
 * and colour only warn. Checks this release does not perform yet (MRZ, expiry, security features) say "NA".
 */
public final class DocumentCheck {
    private static final Map<QualityCheck, String[]> RISKS = Map.of(
            QualityCheck.RESOLUTION, new String[]{"LOW_RESOLUTION_DOCUMENT", "Low resolution image",
                    "The document image has too few pixels for its details to be read."},
            QualityCheck.FOCUS, new String[]{"BLURRY_DOCUMENT", "Blurry image",
                    "The document image is out of focus; its text cannot be read reliably."},
            QualityCheck.BRIGHTNESS, new String[]{"POOR_LIGHTING_DOCUMENT", "Poor lighting",
                    "The document image is too dark or too bright for its details to be read."},
            QualityCheck.GLARE, new String[]{"GLARE_ON_DOCUMENT", "Glare on document",
                    "A bright reflection covers part of the document."},
            QualityCheck.COLORNESS, new String[]{"GREYSCALE_DOCUMENT", "Black and white image",
                    "The document image has almost no colour; it may be a photocopy."});

    private DocumentCheck() {
    }

    /**
     * The outcome of a document check.
     *
     * @param passed               false when a side failed a hard check
     * @param documentIntelligence seed 001 block
     * @param warnings             seed 002 warning objects
     */
    public record Result(boolean passed, ObjectNode documentIntelligence, ArrayNode warnings) {
    }

    /** Evaluates the quality reports of the captured sides (FRONT, and BACK when the document has one). */
    public static Result evaluate(Map<CaptureSide, ImageQualityReport> reports) {
        ArrayNode warnings = Json.array();
        ObjectNode imageQuality = Json.object();
        boolean allPassed = true;
        boolean hardFailure = false;
        for (Map.Entry<CaptureSide, ImageQualityReport> entry : reports.entrySet()) {
            ImageQualityReport report = entry.getValue();
            ObjectNode sideCheck = imageQuality.putObject(entry.getKey() == CaptureSide.BACK ? "backIdCheck" : "frontIdCheck");
            report.toFrontIdCheck().forEach((field, value) -> {
                if (value instanceof Boolean b) {
                    sideCheck.put(field, b);
                } else {
                    sideCheck.put(field, String.valueOf(value));
                }
            });
            ObjectNode scores = sideCheck.putObject("scores");
            for (QualityMeasurement measurement : report.measurements()) {
                scores.put(measurement.check().name().toLowerCase(Locale.ROOT), Math.round(measurement.value() * 1000) / 1000.0);
                if (!measurement.passed()) {
                    warnings.add(warning(entry.getKey(), measurement));
                }
            }
            allPassed &= report.passed();
            hardFailure |= !report.hardFailures().isEmpty();
        }
        imageQuality.put("result", allPassed);
        ObjectNode intelligence = Json.object();
        String readable = hardFailure ? "False" : "True";
        ObjectNode complete = intelligence.putObject("completeStatus");
        complete.putObject("detailsOptical")
                .put("docType", "NA").put("expiry", "NA").put("imageQA", readable).put("mrz", "NA")
                .put("overallStatus", readable).put("pagesCount", reports.size()).put("security", "NA")
                .put("text", "NA").put("vds", "NA");
        complete.put("optical", readable).put("overallStatus", readable).put("portrait", "NA").put("rfid", "NA");
        intelligence.set("imageQuality", imageQuality);
        intelligence.putObject("extractedFields");
        intelligence.put("idExpired", "NA");
        return new Result(!hardFailure, intelligence, warnings);
    }

    private static ObjectNode warning(CaptureSide side, QualityMeasurement measurement) {
        String[] risk = RISKS.get(measurement.check());
        ObjectNode data = Json.object()
                .put("side", side.name())
                .put("value", Math.round(measurement.value() * 1000) / 1000.0);
        if (measurement.min() != null) {
            data.put("min", measurement.min());
        }
        if (measurement.max() != null) {
            data.put("max", measurement.max());
        }
        return new DecisionWarning("ID_VERIFICATION", risk[0], measurement.check().hard() ? "error" : "warning",
                risk[1], risk[2], JourneyRules.ID_VERIFICATION_NODE).toJson(data);
    }
}
