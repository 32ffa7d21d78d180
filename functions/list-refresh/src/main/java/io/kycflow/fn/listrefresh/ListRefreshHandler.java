package io.kycflow.fn.listrefresh;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Settings;
import io.kycflow.json.Json;
import io.kycflow.sanctions.ListFileSet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scheduled (EventBridge): downloads the official sanctions lists and uploads the changed ones for ingestion
 * ({@link ListRefresh}). The event's content is not used. Answers one outcome per list; when any list failed, the
 * invocation fails too (after the others were refreshed), so the failure shows in the function's error metric.
 *
 * <p>Configuration: {@code KYCFLOW_LIST_REFRESH} the lists to refresh (folders, default {@code ofac,un});
 * {@code KYCFLOW_LIST_URL_<FOLDER>_<FILE>} each file's URL (e.g. {@code KYCFLOW_LIST_URL_OFAC_SDN}, default the
 * official one); {@code KYCFLOW_LIST_URL_ALLOWLIST} hosts that may be private or plain http (local servers only);
 * {@code KYCFLOW_LIST_DOWNLOAD_TIMEOUT} one file's deadline (ISO 8601, default {@code PT2M});
 * {@code KYCFLOW_LIST_MAX_BYTES} the largest file accepted (default 64 MiB).
 */
public final class ListRefreshHandler extends JsonHandler {
    /** The official publications: OFAC's SDN list in its legacy CSV files, the UN Security Council consolidated list. */
    static final Map<String, String> OFFICIAL_URLS = Map.of(
            "ofac/sdn.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV",
            "ofac/alt.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV",
            "ofac/add.csv", "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV",
            "un/consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml");

    private final ListRefresh refresh;
    private final List<ListRefresh.Source> sources;

    /** Lambda entry point. */
    public ListRefreshHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** A handler on the given configuration (the local runtime, tests). */
    public ListRefreshHandler(Settings settings, Clock clock) {
        this.sources = sources(settings);
        ListDownloader downloader = new ListDownloader(settings.allowList("KYCFLOW_LIST_URL_ALLOWLIST"),
                settings.duration("KYCFLOW_LIST_DOWNLOAD_TIMEOUT", "PT2M"),
                settings.positiveNumber("KYCFLOW_LIST_MAX_BYTES", 64L << 20));
        this.refresh = new ListRefresh(downloader, AwsClients.s3(settings), settings.bucket(),
                AwsClients.dynamoDb(settings), settings.table(), clock);
    }

    /** The variable naming one file's URL: {@code KYCFLOW_LIST_URL_OFAC_SDN} for ofac/sdn.csv. */
    public static String urlVariable(ListFileSet set, String file) {
        String name = file.substring(0, file.lastIndexOf('.'));
        return ("KYCFLOW_LIST_URL_" + set.folder() + "_" + name).toUpperCase(Locale.ROOT);
    }

    static List<ListRefresh.Source> sources(Settings settings) {
        List<ListRefresh.Source> sources = new ArrayList<>();
        for (String folder : settings.get("KYCFLOW_LIST_REFRESH", "ofac,un").split(",")) {
            if (folder.isBlank()) {
                continue;
            }
            ListFileSet set = ListFileSet.ofFolder(folder.trim()).orElseThrow(() -> new IllegalStateException(
                    "KYCFLOW_LIST_REFRESH names an unknown list '" + folder.trim() + "'; known: "
                            + Arrays.stream(ListFileSet.values()).map(ListFileSet::folder).collect(Collectors.joining(", "))));
            Map<String, String> urls = new LinkedHashMap<>();
            for (String file : set.files()) {
                urls.put(file, settings.get(urlVariable(set, file), OFFICIAL_URLS.get(set.folder() + "/" + file)));
            }
            sources.add(new ListRefresh.Source(set, urls));
        }
        return sources;
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        ObjectNode result = Json.object();
        ArrayNode outcomes = result.putArray("outcomes");
        List<String> failures = new ArrayList<>();
        for (ListRefresh.Outcome outcome : refresh.refreshAll(sources)) {
            ObjectNode line = outcomes.addObject().put("list", outcome.list()).put("outcome", outcome.getClass().getSimpleName());
            switch (outcome) {
                case ListRefresh.Uploaded uploaded -> line.put("batch", uploaded.batch()).put("digest", uploaded.digest())
                        .put("bytes", uploaded.bytes());
                case ListRefresh.Unchanged unchanged -> line.put("why", unchanged.why());
                case ListRefresh.Failed failed -> {
                    line.put("reason", failed.reason());
                    failures.add(failed.list() + ": " + failed.reason());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new ListRefreshFailedException("list refresh failed (" + String.join("; ", failures) + "); outcomes: " + result);
        }
        return result;
    }

    /** Some list could not be refreshed; the message says which and why, and what became of the others. */
    public static final class ListRefreshFailedException extends RuntimeException {
        ListRefreshFailedException(String message) {
            super(message);
        }
    }
}
