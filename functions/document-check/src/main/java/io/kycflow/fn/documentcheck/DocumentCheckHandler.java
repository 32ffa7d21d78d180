package io.kycflow.fn.documentcheck;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.ColdStart;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.aws.Settings;
import io.kycflow.image.ImageInspection;
import io.kycflow.image.ImageInspector;
import io.kycflow.image.ImageQualityAnalyzer;
import io.kycflow.image.ImageQualityReport;
import io.kycflow.image.QualityThresholds;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.DocumentCheck;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyNotFoundException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.json.Json;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The DOC_CHECK step: measures image quality of the document's sides on their real pixels and records
 * {@code documentIntelligence} and the ID verification report. Safe to retry: it recomputes from the stored images.
 */
public final class DocumentCheckHandler extends JsonHandler {
    private final S3Client s3;
    private final String bucket;
    private final JourneyService journeys;
    private final QualityThresholds thresholds;
    private final ImageInspector inspector = new ImageInspector();

    static {
        // The codecs, and the analysis loops run once on a small image so the JIT has compiled them before the
        // first real capture arrives (the loops are most of the first invocation's CPU time).
        ColdStart.warmInBackground(() -> {
            ColdStart.imageCodecs();
            ImageQualityAnalyzer.analyze(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), QualityThresholds.DEFAULTS);
        });
        ColdStart.warmRequests(clients -> {
            KycflowTable.warmUp(clients.dynamoDb());
            clients.s3().getObjectAsBytes(b -> b.bucket("warm-up").key("warm-up"));
        });
    }

    /** Lambda entry point. */
    public DocumentCheckHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    public DocumentCheckHandler(Settings settings, Clock clock) {
        this(AwsClients.s3(settings), settings.bucket(),
                AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), clock).service(),
                QualityThresholds.fromEnvironment(settings.env()));
    }

    DocumentCheckHandler(S3Client s3, String bucket, JourneyService journeys, QualityThresholds thresholds) {
        this.s3 = s3;
        this.bucket = bucket;
        this.journeys = journeys;
        this.thresholds = thresholds;
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        journeys.find("priming", "j_priming");
        ImageQualityAnalyzer.analyze(new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB), thresholds);
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        String tenantId = event.path("tenantId").asText();
        String journeyId = event.path("journeyId").asText();
        Journey journey = journeys.update(tenantId, journeyId, (j, now) -> {
            JourneyRules.startDocumentCheck(j, now);
            return null;
        }).orElseThrow(() -> new JourneyNotFoundException(journeyId));

        Map<CaptureSide, ImageQualityReport> reports = new EnumMap<>(CaptureSide.class);
        for (CaptureSide side : new CaptureSide[]{CaptureSide.FRONT, CaptureSide.BACK}) {
            String key = journey.image(side);
            if (key != null) {
                reports.put(side, analyze(key));
            }
        }
        DocumentCheck.Result result = DocumentCheck.evaluate(reports);
        Journey recorded = journeys.update(tenantId, journeyId, (j, now) -> {
            JourneyRules.recordDocumentCheck(j, result.documentIntelligence(), result.passed(), result.warnings(), now);
            return null;
        }).orElseThrow();
        Log.info("document checked", "journeyId", journeyId, "passed", Boolean.toString(result.passed()));
        return Json.object()
                .put("passed", result.passed())
                .put("secondsLeft", JourneyRules.secondsLeft(recorded, journeys.clock().millis()));
    }

    private ImageQualityReport analyze(String key) {
        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        ImageInspection inspection = inspector.inspect(object.asByteArrayUnsafe());
        if (inspection instanceof ImageInspection.Accepted accepted) {
            return ImageQualityAnalyzer.analyze(accepted, thresholds);
        }
        // The upload trigger only records images that decoded; anything else is a fault worth a retry or review.
        throw new IllegalStateException("stored image no longer decodes: " + ((ImageInspection.Rejected) inspection).code());
    }
}
