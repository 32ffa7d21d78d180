package io.kycflow.fn.documentupload;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.ColdStart;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.aws.S3CaptureStore;
import io.kycflow.aws.Settings;
import io.kycflow.image.ImageInspector;
import io.kycflow.journey.CaptureKey;
import io.kycflow.journey.UploadIntake;
import io.kycflow.json.Json;
import io.kycflow.store.KycflowTable;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * S3 ObjectCreated trigger for journey uploads: hands each object of the document bucket to the journey's
 * {@link UploadIntake} (decode, record, resume or refuse) and answers what became of it.
 */
public final class DocumentUploadHandler extends JsonHandler {
    private final AwsJourneys journeys;
    private final S3CaptureStore captures;
    private final ImageInspector inspector = new ImageInspector();
    private final UploadIntake intake;

    static {
        ColdStart.warmInBackground(ColdStart::imageCodecs);
        ColdStart.warmRequests(clients -> {
            clients.s3().getObjectAsBytes(b -> b.bucket("warm-up").key("warm-up"));
            KycflowTable.warmUp(clients.dynamoDb());
            clients.sfn().sendTaskSuccess(b -> b.taskToken("warm-up").output("{}"));
        });
    }

    /** Lambda entry point. */
    public DocumentUploadHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** Wiring from settings (the local runtime and tests pass their own). */
    public DocumentUploadHandler(Settings settings, Clock clock) {
        this.journeys = AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), clock);
        this.captures = new S3CaptureStore(AwsClients.s3(settings), settings.bucket());
        this.intake = new UploadIntake(journeys.service(), captures, inspector);
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        journeys.service().find("priming", "j_priming");
        journeys.stateMachine().prime();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", png);
        inspector.inspect(png.toByteArray());
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        ArrayNode outcomes = Json.array();
        for (JsonNode record : event.path("Records")) {
            JsonNode s3 = record.path("s3");
            // S3 event keys are form-encoded ("+" for a space)
            String key = URLDecoder.decode(s3.path("object").path("key").asText(), StandardCharsets.UTF_8);
            UploadIntake.Receipt receipt = s3.path("bucket").path("name").asText().equals(captures.bucket())
                    ? intake.receive(key, s3.path("object").path("size").asLong(-1))
                    : new UploadIntake.Receipt(UploadIntake.Outcome.IGNORED, null, "not the document bucket");
            log(receipt);
            outcomes.addObject().put("key", key).put("outcome", receipt.outcome().name());
        }
        return Json.object().set("results", outcomes);
    }

    /** One line per upload: its outcome, why, and which journey and side (never the image or who is on it). */
    private static void log(UploadIntake.Receipt receipt) {
        CaptureKey capture = receipt.capture();
        Log.info("upload " + receipt.outcome().name().toLowerCase(Locale.ROOT), "reason", receipt.reason(),
                "journeyId", capture == null ? "" : capture.journeyId(), "side", capture == null ? "" : capture.side().name());
    }
}
