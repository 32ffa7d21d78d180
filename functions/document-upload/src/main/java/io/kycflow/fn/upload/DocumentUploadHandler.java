package io.kycflow.fn.upload;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.ColdStart;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.aws.Settings;
import io.kycflow.aws.SfnJourneys;
import io.kycflow.image.ImageInspection;
import io.kycflow.image.ImageInspector;
import io.kycflow.image.ImageLimits;
import io.kycflow.journey.CaptureSide;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyConflictException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.json.Json;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * S3 ObjectCreated trigger for journey uploads: really decodes each image, records it on the journey and resumes the
 * waiting step, or records why it was refused and removes it so the user can upload again. Duplicate and late
 * events change nothing.
 */
public final class DocumentUploadHandler extends JsonHandler {
    private static final Pattern UPLOAD_KEY = Pattern.compile("uploads/([^/]+)/([^/]+)/(FRONT|BACK|SELFIE)/([^/]+)");

    private final S3Client s3;
    private final JourneyService journeys;
    private final SfnJourneys stateMachine;
    private final ImageInspector inspector = new ImageInspector();

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

    public DocumentUploadHandler(Settings settings, Clock clock) {
        AwsJourneys wiring = AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), clock);
        this.s3 = AwsClients.s3(settings);
        this.journeys = wiring.service();
        this.stateMachine = wiring.stateMachine();
    }

    /** What happened to one uploaded object. */
    enum Outcome { ACCEPTED, REJECTED, DUPLICATE, IGNORED }

    @Override
    public void prime() throws Exception {
        super.prime();
        journeys.find("priming", "j_priming");
        stateMachine.prime();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", png);
        inspector.inspect(png.toByteArray());
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        ArrayNode outcomes = Json.array();
        for (JsonNode record : event.path("Records")) {
            String bucket = record.path("s3").path("bucket").path("name").asText();
            String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
            long size = record.path("s3").path("object").path("size").asLong(-1);
            Outcome outcome = process(bucket, key, size);
            outcomes.addObject().put("key", key).put("outcome", outcome.name());
        }
        return Json.object().set("results", outcomes);
    }

    private Outcome process(String bucket, String key, long size) {
        Matcher m = UPLOAD_KEY.matcher(key);
        if (!m.matches()) {
            return Outcome.IGNORED;
        }
        String tenantId = m.group(1);
        String journeyId = m.group(2);
        CaptureSide side = CaptureSide.valueOf(m.group(3));
        Optional<Journey> found = journeys.find(tenantId, journeyId);
        if (found.isEmpty()) {
            delete(bucket, key);
            return Outcome.IGNORED;
        }
        Journey journey = found.get();
        if (key.equals(journey.image(side))) {
            return Outcome.DUPLICATE;
        }
        if (JourneyRules.nextUserStep(journey) != side.step()) {
            // Late or out-of-turn upload: nothing refers to it, so it is not kept.
            Log.info("upload not expected", "journeyId", journeyId, "side", side.name());
            delete(bucket, key);
            return Outcome.IGNORED;
        }
        ImageInspection inspection = inspect(bucket, key, size);
        if (inspection == null) {
            return Outcome.DUPLICATE; // the object is already gone: an old event replayed
        }
        if (inspection instanceof ImageInspection.Rejected rejected) {
            journeys.update(tenantId, journeyId, (j, now) -> {
                if (JourneyRules.nextUserStep(j) == side.step()) {
                    JourneyRules.rejectImage(j, side, rejected.message(), now);
                }
                return null;
            });
            delete(bucket, key);
            Log.info("upload rejected", "journeyId", journeyId, "side", side.name(), "reason", rejected.code().name());
            return Outcome.REJECTED;
        }
        try {
            journeys.userInput(tenantId, journeyId, side.step(), (j, now) -> {
                if (!key.equals(j.image(side))) {
                    JourneyRules.acceptImage(j, side, key, now);
                }
            });
        } catch (JourneyConflictException lostRace) {
            // Another upload for this step was accepted first.
            delete(bucket, key);
            return Outcome.IGNORED;
        }
        Log.info("upload accepted", "journeyId", journeyId, "side", side.name());
        return Outcome.ACCEPTED;
    }

    /** Decodes the object; null when it no longer exists. Oversized objects are refused without being read. */
    private ImageInspection inspect(String bucket, String key, long size) {
        if (size > ImageLimits.DEFAULT.maxBytes()) {
            return inspectUnchecked(InputStream.nullInputStream(), size);
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            return inspectUnchecked(in, in.response().contentLength());
        } catch (NoSuchKeyException gone) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImageInspection inspectUnchecked(InputStream in, long size) {
        try {
            return inspector.inspect(in, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String bucket, String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }
}
