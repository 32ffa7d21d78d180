package io.kycflow.fn.listingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.ListIngestion;
import io.kycflow.aws.ListSnapshots;
import io.kycflow.aws.Settings;
import io.kycflow.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * S3 ObjectCreated under {@code lists/incoming/}: validates the list files the object belongs to (the list's folder, or
 * the batch it was uploaded in) and publishes a new screening index when the set is good ({@link ListIngestion}).
 * Answers one outcome per set touched. A scheduled event (hourly) publishes the index again when the one in force
 * was written in an older snapshot format, so the first hour after a deploy is the longest readers build their own.
 */
public final class ListIngestHandler extends JsonHandler {
    private final ListIngestion ingestion;

    /** Lambda entry point. */
    public ListIngestHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** A handler on the given configuration (the local runtime, tests). */
    public ListIngestHandler(Settings settings, Clock clock) {
        this(settings, clock, AwsClients.dynamoDb(settings), AwsClients.s3(settings));
    }

    private ListIngestHandler(Settings settings, Clock clock, DynamoDbClient dynamo, S3Client s3) {
        this.ingestion = new ListIngestion(s3, settings.bucket(), dynamo, settings.table(),
                new ListSnapshots(dynamo, settings.table(), () -> s3, settings.bucket()), clock);
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        if ("Scheduled Event".equals(event.path("detail-type").asText())) {
            ObjectNode result = Json.object();
            ingestion.republishIfOutdated().ifPresentOrElse(
                    outcome -> result.put("republished", outcome.getClass().getSimpleName()),
                    () -> result.put("republished", "nothing: the snapshot in force is current"));
            return result;
        }
        // several files of one list in one event: validate the set once
        Set<ListIngestion.Incoming> sets = new LinkedHashSet<>();
        for (JsonNode record : event.path("Records")) {
            // S3 event keys are form-encoded ("+" for a space)
            String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
            ListIngestion.incomingOf(key).ifPresent(sets::add);
        }
        ObjectNode result = Json.object();
        ArrayNode outcomes = result.putArray("outcomes");
        for (ListIngestion.Incoming incoming : sets) {
            ListIngestion.Outcome outcome = ingestion.ingest(incoming);
            ObjectNode line = outcomes.addObject().put("list", incoming.set().list().name())
                    .put("outcome", outcome.getClass().getSimpleName());
            switch (outcome) {
                case ListIngestion.Published published -> line.put("snapshot", published.pointer().snapshotId())
                        .put("entries", published.entries()).put("names", published.names());
                case ListIngestion.Rejected rejected -> line.put("reason", rejected.reason());
                case ListIngestion.Incomplete incomplete -> line.put("missing", String.join(",", incomplete.missing()));
                case ListIngestion.Unchanged unchanged -> line.put("snapshot", unchanged.snapshotId());
                case ListIngestion.Superseded superseded -> {
                    // nothing to add: an older release than the one in force, not ingested
                }
            }
        }
        return result;
    }
}
