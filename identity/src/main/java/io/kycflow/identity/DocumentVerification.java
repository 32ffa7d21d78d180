package io.kycflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.identity.mrz.Mrz;
import io.kycflow.identity.mrz.MrzCorrector;
import io.kycflow.identity.mrz.MrzDocumentType;
import io.kycflow.identity.mrz.MrzParser;
import io.kycflow.identity.mrz.MrzResult;
import io.kycflow.identity.mrz.NoMrz;
import io.kycflow.journey.DecisionStatus;
import io.kycflow.journey.DocumentCheck;
import io.kycflow.journey.IdType;
import io.kycflow.journey.JourneyRules;
import io.kycflow.json.Json;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies what a document says: repairs and parses its MRZ, settles each field from the MRZ and the printed text
 * (and whether the two agree), decides expiry against the clock, checks the document is the type and country the
 * user chose, and compares the fields with what the business knows (the journey's {@code userInfo}: a mismatch on a
 * field the business gave sends the journey to review, seed 003's {@code expected_*} semantics). Its result
 * completes seed 001's {@code documentIntelligence} begun by the image-quality {@link DocumentCheck}, and gives
 * seed 001's {@code matchPercentage} and seed 002's {@code id_verifications[]} entry with its warnings.
 */
public final class DocumentVerification {
    private static final String FIRST = "firstName";
    private static final String LAST = "lastName";
    private static final String NAMES = "names";
    private static final String NUMBER = "number";
    private static final String PERSONAL = "personalNumber";
    private static final String DOB = "DOB";
    private static final String EXPIRY = "expiryDate";
    private static final String ISSUE = "dateOfIssue";
    private static final String NATIONALITY = "nationality";
    private static final String GENDER = "gender";
    private static final String STATE = "issuingState";
    private static final String DOCUMENT_NAME = "documentName";
    private static final String ADDRESS = "address";
    private static final String PLACE_OF_BIRTH = "placeOfBirth";
    /** Fields the printed text gives better than the MRZ (accents, full length, no MRZ at all). */
    private static final List<String> PRINTED_FIRST = List.of(FIRST, LAST, NAMES, ADDRESS, PLACE_OF_BIRTH);
    private static final Map<DocumentField, String> VISUAL_NAMES = Map.ofEntries(
            Map.entry(DocumentField.LAST_NAME, LAST), Map.entry(DocumentField.DOCUMENT_NUMBER, NUMBER),
            Map.entry(DocumentField.PERSONAL_NUMBER, PERSONAL), Map.entry(DocumentField.DATE_OF_BIRTH, DOB),
            Map.entry(DocumentField.DATE_OF_EXPIRY, EXPIRY), Map.entry(DocumentField.DATE_OF_ISSUE, ISSUE),
            Map.entry(DocumentField.NATIONALITY, NATIONALITY), Map.entry(DocumentField.SEX, GENDER),
            Map.entry(DocumentField.ISSUING_COUNTRY, STATE), Map.entry(DocumentField.DOCUMENT_TYPE, DOCUMENT_NAME),
            Map.entry(DocumentField.ADDRESS, ADDRESS), Map.entry(DocumentField.PLACE_OF_BIRTH, PLACE_OF_BIRTH));

    private final Clock clock;
    private final IdentityThresholds thresholds;
    private final MrzParser parser;

    /** A verification reading dates against {@code clock}, names agreeing from {@code thresholds.nameMatch()}. */
    public DocumentVerification(Clock clock, IdentityThresholds thresholds) {
        this.clock = clock;
        this.thresholds = thresholds;
        this.parser = new MrzParser(clock);
    }

    /**
     * The outcome.
     *
     * @param status               Declined (a hard failure), In Review or Approved
     * @param documentIntelligence seed 001 block, the image-quality check's completed
     * @param matchPercentage      seed 001 block: per {@code userInfo} field, how well the document agrees, 0-100
     * @param idVerification       seed 002 {@code id_verifications[]} entry, warnings included
     * @param warnings             every warning: the image-quality check's and this verification's
     * @param fields               the settled fields by seed 001 name
     * @param birthDate            the holder's date of birth when the document gives one, else null
     */
    public record Result(DecisionStatus status, ObjectNode documentIntelligence, ObjectNode matchPercentage,
                         ObjectNode idVerification, ArrayNode warnings, Map<String, ExtractedField> fields,
                         LocalDate birthDate) {

        /** What {@link JourneyRules#recordDocumentCheck}'s {@code passed} expects: false when declined. */
        public boolean passed() {
            return status != DecisionStatus.DECLINED;
        }
    }

    /**
     * Verifies a document.
     *
     * @param imageCheck      the image-quality check of the same captures
     * @param reading         what the document reader read
     * @param userInfo        the journey's {@code userInfo} (may be null or empty)
     * @param selectedType    the document type the user chose (null when unknown)
     * @param selectedCountry the ISO alpha-3 country the user chose (null when unknown)
     */
    public Result verify(DocumentCheck.Result imageCheck, DocumentReading reading, JsonNode userInfo,
                         IdType selectedType, String selectedCountry) {
        LocalDate today = LocalDate.now(clock);
        MrzCorrector.Correction correction = MrzCorrector.correct(reading.mrzLines());
        MrzResult mrzResult = parser.parse(correction.lines());
        Mrz mrz = mrzResult instanceof Mrz parsed ? parsed : null;
        Map<String, ExtractedField> fields = settle(mrz, reading.fields());
        ArrayNode warnings = imageCheck.warnings().deepCopy();
        List<String> disagreeing = fields.values().stream().filter(f -> Boolean.FALSE.equals(f.agree()))
                .map(ExtractedField::name).toList();

        boolean nothingRead = mrz == null && reading.fields().isEmpty();
        if (nothingRead) {
            warnings.add(IdentityRisk.NOT_A_DOCUMENT.warning(Json.object().put("reason",
                    ((NoMrz) mrzResult).reason())));
        }
        boolean mrzExpected = selectedType != IdType.DRIVING_LICENSE;
        if (mrz == null && mrzExpected && !nothingRead) {
            warnings.add(IdentityRisk.MRZ_NOT_READABLE.warning(Json.object().put("reason", ((NoMrz) mrzResult).reason())));
        }
        if (mrz != null && !mrz.checksumsValid()) {
            ObjectNode data = Json.object().put("correctedCharacters", correction.correctedCharacters());
            ArrayNode failed = data.putArray("fields");
            mrz.failedChecks().forEach(check -> failed.add(check.fieldName()));
            warnings.add(IdentityRisk.MRZ_CHECKSUM_FAILED.warning(data));
        }
        if (!disagreeing.isEmpty()) {
            ObjectNode data = Json.object();
            disagreeing.forEach(name -> data.withArray("fields").add(name));
            warnings.add(IdentityRisk.MRZ_TEXT_MISMATCH.warning(data));
        }
        String docType = documentTypeStatus(mrz, selectedType, selectedCountry, warnings);
        LocalDate expiry = FieldComparison.date(value(fields, EXPIRY));
        Boolean expired = expiry == null ? null : expiry.isBefore(today);
        if (Boolean.TRUE.equals(expired)) {
            warnings.add(IdentityRisk.EXPIRED_DOCUMENT.warning(Json.object().put("expiryDate", expiry.toString())));
        }
        ObjectNode matchPercentage = matchPercentage(fields, userInfo, warnings);
        DecisionStatus status = Reports.statusOf(warnings);
        LocalDate birthDate = FieldComparison.date(value(fields, DOB));

        ObjectNode intelligence = imageCheck.documentIntelligence().deepCopy();
        // the image-quality check always writes both blocks
        ObjectNode complete = (ObjectNode) intelligence.get("completeStatus");
        ObjectNode optical = (ObjectNode) complete.get("detailsOptical");
        optical.put("docType", docType);
        optical.put("expiry", expired == null ? "NA" : expired ? "False" : "True");
        optical.put("mrz", mrz != null ? (mrz.checksumsValid() ? "True" : "False") : mrzExpected ? "False" : "NA");
        optical.put("text", reading.fields().isEmpty() ? "NA" : disagreeing.isEmpty() ? "True" : "False");
        boolean opticalPassed = "True".equals(optical.path("imageQA").asText())
                && List.of("docType", "expiry", "mrz", "text").stream().noneMatch(k -> "False".equals(optical.path(k).asText()));
        optical.put("overallStatus", opticalPassed ? "True" : "False");
        complete.put("optical", opticalPassed ? "True" : "False");
        complete.put("overallStatus", status == DecisionStatus.APPROVED ? "True" : "False");
        intelligence.put("idExpired", expired == null ? "NA" : expired ? "True" : "False");
        intelligence.set("extractedFields", extractedFields(fields, mrz, birthDate, today));
        ObjectNode sources = intelligence.putObject("extractedFieldSources");
        fields.values().forEach(f -> sources.putObject(f.name()).put("source", f.source().label())
                .put("agree", f.agree()));
        intelligence.set("mrz", mrzBlock(mrzResult, correction));
        intelligence.set("engine", Reports.engine(reading.engine()));

        ObjectNode verification = idVerification(status, fields, mrz, selectedType, birthDate, today, intelligence);
        verification.set("warnings", warnings);
        verification.set("engine", Reports.engine(reading.engine()));
        return new Result(status, intelligence, matchPercentage, verification, warnings, fields, birthDate);
    }

    /** Each field from the MRZ, the printed text or both. */
    private Map<String, ExtractedField> settle(Mrz mrz, Map<DocumentField, ReadField> read) {
        Map<String, String> fromMrz = new LinkedHashMap<>();
        if (mrz != null) {
            fromMrz.put(FIRST, mrz.givenNames());
            fromMrz.put(LAST, mrz.surname());
            fromMrz.put(NAMES, mrz.fullName());
            fromMrz.put(NUMBER, mrz.documentNumber());
            fromMrz.put(PERSONAL, mrz.optionalData());
            fromMrz.put(DOB, mrz.birthDate() == null ? null : mrz.birthDate().toString());
            fromMrz.put(EXPIRY, mrz.expiryDate() == null ? null : mrz.expiryDate().toString());
            fromMrz.put(NATIONALITY, countryOrCode(mrz.nationality()));
            fromMrz.put(GENDER, mrz.sex());
            fromMrz.put(STATE, countryOrCode(mrz.issuingState()));
            fromMrz.put(DOCUMENT_NAME, label(mrz.documentType()));
            fromMrz.values().removeIf(v -> v == null || v.isBlank());
        }
        Map<String, String> printed = new LinkedHashMap<>();
        read.forEach((field, value) -> {
            String name = VISUAL_NAMES.get(field);
            if (name != null && !value.value().isBlank()) {
                printed.put(name, value.value().strip());
            }
        });
        String given = String.join(" ", List.of(text(read, DocumentField.FIRST_NAME), text(read, DocumentField.MIDDLE_NAME)))
                .strip();
        if (!given.isEmpty()) {
            printed.put(FIRST, given);
        }
        String full = (given + " " + text(read, DocumentField.LAST_NAME)).strip();
        if (!full.isEmpty()) {
            printed.put(NAMES, full);
        }
        boolean mrzTrusted = mrz != null && mrz.checksumsValid();
        Map<String, ExtractedField> fields = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(fromMrz.keySet());
        printed.keySet().stream().filter(k -> !fromMrz.containsKey(k)).forEach(order::add);
        for (String name : order) {
            String m = fromMrz.get(name);
            String v = printed.get(name);
            if (m != null && v != null) {
                boolean preferPrinted = PRINTED_FIRST.contains(name) || !mrzTrusted;
                fields.put(name, new ExtractedField(name, preferPrinted ? v : m, ExtractedField.Source.BOTH,
                        agree(name, m, v, mrz)));
            } else if (m != null) {
                fields.put(name, new ExtractedField(name, m, ExtractedField.Source.MRZ, null));
            } else {
                fields.put(name, new ExtractedField(name, v, ExtractedField.Source.VISUAL, null));
            }
        }
        return fields;
    }

    private boolean agree(String name, String fromMrz, String printed, Mrz mrz) {
        return switch (name) {
            case FIRST, LAST, NAMES -> FieldComparison.names(printed, fromMrz) >= thresholds.nameMatch();
            case DOB, EXPIRY -> FieldComparison.dates(fromMrz, printed) == 100;
            case GENDER -> FieldComparison.sex(fromMrz, printed) == 100;
            case NATIONALITY, STATE -> sameCountry(fromMrz, printed,
                    name.equals(NATIONALITY) ? mrz.nationality() : mrz.issuingState());
            case DOCUMENT_NAME -> true; // printed titles ("PASAPORTE", "Identity card") are not the MRZ's classes
            default -> FieldComparison.exact(fromMrz, printed) == 100;
        };
    }

    /** A printed country as its code or its English name. */
    private static boolean sameCountry(String fromMrz, String printed, io.kycflow.identity.mrz.IcaoCode code) {
        return FieldComparison.exact(fromMrz, printed) == 100 || FieldComparison.exact(code.code(), printed) == 100
                || (code.description() != null && FieldComparison.exact(code.description(), printed) == 100);
    }

    private static String text(Map<DocumentField, ReadField> read, DocumentField field) {
        ReadField value = read.get(field);
        return value == null ? "" : value.value().strip();
    }

    private static String countryOrCode(io.kycflow.identity.mrz.IcaoCode code) {
        return code.country() != null ? code.country() : code.code();
    }

    private static String label(MrzDocumentType type) {
        return switch (type) {
            case PASSPORT -> IdType.PASSPORT.label();
            case ID_CARD -> IdType.ID_CARD.label();
            case RESIDENCE_PERMIT -> IdType.RESIDENCE_PERMIT.label();
            case VISA -> "Visa";
            case OTHER -> "Other";
        };
    }

    private static String value(Map<String, ExtractedField> fields, String name) {
        ExtractedField field = fields.get(name);
        return field == null ? null : field.value();
    }

    /** "True" when the MRZ says the type and country the user chose, "False" (and a warning) when not, else "NA". */
    private static String documentTypeStatus(Mrz mrz, IdType selectedType, String selectedCountry, ArrayNode warnings) {
        if (mrz == null || selectedType == null) {
            return "NA";
        }
        boolean typeMatches = label(mrz.documentType()).equals(selectedType.label());
        String issuer = mrz.issuingState().country();
        boolean countryMatches = selectedCountry == null || issuer == null || issuer.equalsIgnoreCase(selectedCountry);
        if (typeMatches && countryMatches) {
            return "True";
        }
        warnings.add(IdentityRisk.DOCUMENT_TYPE_MISMATCH.warning(Json.object()
                .put("selectedType", selectedType.label()).put("readType", label(mrz.documentType()))
                .put("selectedCountry", selectedCountry).put("readCountry", countryOrCode(mrz.issuingState()))));
        return "False";
    }

    /**
     * Per {@code userInfo} field the business gave, how well the document agrees; a field below its threshold (names:
     * {@link IdentityThresholds#nameMatch()}, everything else exact) raises {@link IdentityRisk#DATA_MISMATCH}.
     */
    private ObjectNode matchPercentage(Map<String, ExtractedField> fields, JsonNode userInfo, ArrayNode warnings) {
        ObjectNode match = Json.object();
        ArrayNode mismatches = Json.array();
        compare(match, mismatches, "fullName", Json.text(userInfo, "fullName"), value(fields, NAMES), true);
        if (!match.has("fullName")) {
            compare(match, mismatches, "firstName", Json.text(userInfo, "firstName"), value(fields, FIRST), true);
            compare(match, mismatches, "lastName", Json.text(userInfo, "lastName"), value(fields, LAST), true);
        }
        compare(match, mismatches, "dateOfBirth", Json.text(userInfo, "dateOfBirth"), value(fields, DOB), false);
        compare(match, mismatches, "idNumber", Json.text(userInfo, "idNumber"), value(fields, NUMBER), false);
        compare(match, mismatches, "nationality", Json.text(userInfo, "nationality"), value(fields, NATIONALITY), false);
        compare(match, mismatches, "gender", Json.text(userInfo, "gender"), value(fields, GENDER), false);
        if (!mismatches.isEmpty()) {
            ObjectNode data = Json.object();
            data.set("fields", mismatches);
            warnings.add(IdentityRisk.DATA_MISMATCH.warning(data));
        }
        return match;
    }

    private void compare(ObjectNode match, ArrayNode mismatches, String field, String expected, String read,
                         boolean name) {
        if (expected == null || expected.isBlank() || read == null) {
            return;
        }
        int score = switch (field) {
            case "dateOfBirth" -> FieldComparison.dates(expected, read);
            case "gender" -> FieldComparison.sex(expected, read);
            default -> name ? FieldComparison.names(expected, read) : FieldComparison.exact(expected, read);
        };
        match.put(field, score);
        if (score < (name ? thresholds.nameMatch() : 100)) {
            mismatches.addObject().put("field", field).put("expected", expected).put("extracted", read)
                    .put("matchPercentage", score);
        }
    }

    private static ObjectNode extractedFields(Map<String, ExtractedField> fields, Mrz mrz, LocalDate birthDate,
                                              LocalDate today) {
        ObjectNode extracted = Json.object();
        fields.values().forEach(f -> extracted.put(f.name(), f.value()));
        if (birthDate != null) {
            extracted.put("age", Integer.toString(Period.between(birthDate, today).getYears()));
        }
        if (mrz != null) {
            extracted.put("mrz", String.join("\n", mrz.lines()));
        }
        return extracted;
    }

    private static ObjectNode mrzBlock(MrzResult result, MrzCorrector.Correction correction) {
        ObjectNode block = Json.object().put("correctedCharacters", correction.correctedCharacters())
                .put("layoutRepaired", correction.layoutRepaired());
        switch (result) {
            case Mrz mrz -> {
                block.put("format", mrz.format().name()).put("documentCode", mrz.documentCode())
                        .put("checkDigitsValid", mrz.checksumsValid());
                ArrayNode failed = block.putArray("failedChecks");
                mrz.failedChecks().forEach(check -> failed.add(check.fieldName()));
            }
            case NoMrz none -> block.put("readable", false).put("reason", none.reason());
        }
        return block;
    }

    private static ObjectNode idVerification(DecisionStatus status, Map<String, ExtractedField> fields, Mrz mrz,
                                             IdType selectedType, LocalDate birthDate, LocalDate today,
                                             ObjectNode intelligence) {
        ObjectNode v = Json.object().put("status", status.label());
        v.put("document_type", fields.containsKey(DOCUMENT_NAME) && mrz != null ? value(fields, DOCUMENT_NAME)
                : selectedType == null ? null : selectedType.label());
        v.put("document_number", value(fields, NUMBER));
        v.put("personal_number", value(fields, PERSONAL));
        v.put("date_of_birth", value(fields, DOB));
        if (birthDate != null) {
            v.put("age", Period.between(birthDate, today).getYears());
        }
        v.put("expiration_date", value(fields, EXPIRY));
        v.put("date_of_issue", value(fields, ISSUE));
        v.put("issuing_state", value(fields, STATE));
        v.put("issuing_state_name", mrz == null ? null : mrz.issuingState().description());
        v.put("first_name", value(fields, FIRST));
        v.put("last_name", value(fields, LAST));
        v.put("full_name", value(fields, NAMES));
        v.put("gender", value(fields, GENDER));
        v.put("address", value(fields, ADDRESS));
        v.put("place_of_birth", value(fields, PLACE_OF_BIRTH));
        v.put("nationality", value(fields, NATIONALITY));
        if (mrz != null) {
            v.putObject("mrz").put("format", mrz.format().name()).put("document_code", mrz.documentCode())
                    .put("issuing_state", mrz.issuingState().code()).put("surname", mrz.surname())
                    .put("given_names", mrz.givenNames()).put("document_number", mrz.documentNumber())
                    .put("nationality", mrz.nationality().code())
                    .put("birth_date", mrz.birthDate() == null ? null : mrz.birthDate().toString())
                    .put("sex", mrz.sex())
                    .put("expiry_date", mrz.expiryDate() == null ? null : mrz.expiryDate().toString())
                    .put("optional_data", mrz.optionalData()).put("check_digits_valid", mrz.checksumsValid());
        } else {
            v.putNull("mrz");
        }
        JsonNode quality = intelligence.path("imageQuality");
        v.set("front_image_quality_score", quality.path("frontIdCheck").path("scores"));
        v.set("back_image_quality_score", quality.path("backIdCheck").isMissingNode()
                ? null : quality.path("backIdCheck").path("scores"));
        v.put("node_id", JourneyRules.ID_VERIFICATION_NODE);
        return v;
    }
}
