package io.kycflow.fn.listrefresh;

import io.kycflow.aws.ListIngestion;
import io.kycflow.aws.Log;
import io.kycflow.fn.listrefresh.ListDownloader.DownloadException;
import io.kycflow.fn.listrefresh.ListDownloader.Downloaded;
import io.kycflow.fn.listrefresh.ListDownloader.Validators;
import io.kycflow.sanctions.ListFileSet;
import io.kycflow.sanctions.ListValidationException;
import io.kycflow.store.KycflowTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the official lists into S3: downloads each list's files, and when they changed and parse, uploads them as one
 * batch under {@code lists/incoming/<folder>/<batch>/}, where the S3 event has the ingestion function publish them
 * ({@link ListIngestion}). What was downloaded is remembered in {@code LISTS / SOURCE#<list>} (the files' ETag and
 * Last-Modified, the set's digest), so an unchanged list costs a 304 per file and is never uploaded again.
 *
 * <p>A list of several files is always downloaded whole: when one file changed, the others are downloaded again too
 * (unconditionally), so a batch is one consistent release. A failed or invalid download uploads nothing and records
 * nothing; the next run tries again. So does a failed upload, after removing the files of its batch uploaded so far.
 */
public final class ListRefresh {
    private static final DateTimeFormatter BATCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Where one list's files are downloaded from. */
    public record Source(ListFileSet set, Map<String, String> urls) {
        public Source {
            if (!urls.keySet().equals(Set.copyOf(set.files()))) {
                throw new IllegalArgumentException(set.list() + " needs a URL for each of " + set.files());
            }
            urls = Map.copyOf(urls);
        }
    }

    /** What refreshing one list did. */
    public sealed interface Outcome permits Uploaded, Unchanged, Failed {
        String list();
    }

    /** A new release was uploaded as a batch for ingestion. */
    public record Uploaded(String list, String batch, String digest, long bytes) implements Outcome {
    }

    /** The source still serves what was uploaded before ({@code why}: not modified, or the same content). */
    public record Unchanged(String list, String why) implements Outcome {
    }

    /** Nothing was uploaded; {@code reason} says why (file and host, never a full URL). */
    public record Failed(String list, String reason) implements Outcome {
    }

    private final ListDownloader downloader;
    private final S3Client s3;
    private final String bucket;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    ListRefresh(ListDownloader downloader, S3Client s3, String bucket, DynamoDbClient dynamo, String table, Clock clock) {
        this.downloader = downloader;
        this.s3 = s3;
        this.bucket = bucket;
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Refreshes one list. */
    public Outcome refresh(Source source) {
        ListFileSet set = source.set();
        String list = set.list().name();
        SourceState before = SourceState.read(dynamo, table, list);
        Map<String, Downloaded> files = new LinkedHashMap<>();
        try {
            boolean anyChanged = false;
            for (String file : set.files()) {
                String url = source.urls().get(file);
                // validators only of a complete earlier download from the same URL
                Validators validators = before.digest() == null ? Validators.NONE : before.validators(file, url);
                if (fetch(file, url, validators) instanceof Downloaded downloaded) {
                    files.put(file, downloaded);
                    anyChanged = true;
                }
            }
            if (!anyChanged) {
                return new Unchanged(list, "not modified");
            }
            for (String file : set.files()) {
                if (!files.containsKey(file)) {
                    files.put(file, (Downloaded) fetch(file, source.urls().get(file), Validators.NONE));
                }
            }
        } catch (DownloadException e) {
            return failed(list, e.getMessage());
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        set.files().forEach(f -> contents.put(f, files.get(f).body()));
        String digest = ListFileSet.digest(contents.values().toArray(byte[][]::new));
        if (digest.equals(before.digest())) {
            // a source without validators, or one that changed them only: remember the new ones
            new SourceState(digest, before.batch(), source.urls(), validatorsOf(files)).write(dynamo, table, list, clock.millis());
            return new Unchanged(list, "same content");
        }
        try {
            set.parse(contents);
        } catch (ListValidationException e) {
            return failed(list, "the download does not parse: " + e.getMessage());
        }
        String batch = BATCH_TIME.format(clock.instant()) + "-" + digest.substring(digest.indexOf(':') + 1);
        String prefix = ListIngestion.batchPrefix(set, batch);
        long bytes = 0;
        List<String> uploaded = new ArrayList<>();
        try {
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                s3.putObject(b -> b.bucket(bucket).key(prefix + file.getKey()), RequestBody.fromBytes(file.getValue()));
                uploaded.add(prefix + file.getKey());
                bytes += file.getValue().length;
            }
        } catch (SdkException e) {
            removeCutShort(uploaded, e);
            throw e;
        }
        new SourceState(digest, batch, source.urls(), validatorsOf(files)).write(dynamo, table, list, clock.millis());
        Log.info("list downloaded", "list", list, "batch", batch, "bytes", Long.toString(bytes));
        return new Uploaded(list, batch, digest, bytes);
    }

    /**
     * Removes the files of a batch whose upload failed part-way: never ingested (incomplete), they would otherwise wait
     * for the bucket's lifecycle rule. Best effort, as S3 may be what failed.
     */
    private void removeCutShort(List<String> keys, SdkException cause) {
        for (String key : keys) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            } catch (SdkException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private ListDownloader.Result fetch(String file, String url, Validators validators) throws DownloadException {
        try {
            return downloader.fetch(url, validators);
        } catch (DownloadException e) {
            throw new DownloadException(file + ": " + e.getMessage());
        }
    }

    private static Failed failed(String list, String reason) {
        Log.warn("list refresh failed", "list", list, "reason", reason);
        return new Failed(list, reason);
    }

    private static Map<String, Validators> validatorsOf(Map<String, Downloaded> files) {
        Map<String, Validators> validators = new HashMap<>();
        files.forEach((file, downloaded) -> validators.put(file, downloaded.validators()));
        return validators;
    }

    /**
     * The {@code LISTS / SOURCE#<list>} item: the digest and batch of the last upload and, per file, the URL and the
     * validators it answered with.
     */
    private record SourceState(String digest, String batch, Map<String, String> urls, Map<String, Validators> validators) {

        static SourceState read(DynamoDbClient dynamo, String table, String list) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(KycflowTable.key("LISTS", "SOURCE#" + list))).item();
            if (item == null || !item.containsKey("digest")) {
                return new SourceState(null, null, Map.of(), Map.of());
            }
            Map<String, String> urls = new HashMap<>();
            Map<String, Validators> validators = new HashMap<>();
            item.get("files").m().forEach((file, value) -> {
                Map<String, AttributeValue> f = value.m();
                urls.put(file, f.get("url").s());
                validators.put(file, new Validators(text(f, "etag"), text(f, "lastModified")));
            });
            return new SourceState(item.get("digest").s(), text(item, "batch"), urls, validators);
        }

        Validators validators(String file, String url) {
            return url.equals(urls.get(file)) ? validators.getOrDefault(file, Validators.NONE) : Validators.NONE;
        }

        void write(DynamoDbClient dynamo, String table, String list, long now) {
            Map<String, AttributeValue> item = new HashMap<>(KycflowTable.key("LISTS", "SOURCE#" + list));
            item.put("digest", KycflowTable.s(digest));
            if (batch != null) {
                item.put("batch", KycflowTable.s(batch));
            }
            item.put("checkedAt", KycflowTable.n(now));
            Map<String, AttributeValue> files = new HashMap<>();
            urls.forEach((file, url) -> {
                Map<String, AttributeValue> f = new HashMap<>();
                f.put("url", KycflowTable.s(url));
                Validators v = validators.getOrDefault(file, Validators.NONE);
                if (v.etag() != null) {
                    f.put("etag", KycflowTable.s(v.etag()));
                }
                if (v.lastModified() != null) {
                    f.put("lastModified", KycflowTable.s(v.lastModified()));
                }
                files.put(file, AttributeValue.fromM(f));
            });
            item.put("files", AttributeValue.fromM(files));
            dynamo.putItem(b -> b.tableName(table).item(item));
        }

        private static String text(Map<String, AttributeValue> item, String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : value.s();
        }
    }

    /** Refreshes each list on its own: one list's failure does not hold back another. */
    public List<Outcome> refreshAll(List<Source> sources) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Source source : sources) {
            try {
                outcomes.add(refresh(source));
            } catch (SdkException e) {
                // S3 or DynamoDB: a batch cut short was removed (or, if that failed too, is never ingested and
                // expires); the next run uploads anew
                outcomes.add(failed(source.set().list().name(), "storing the download failed: " + e.getMessage()));
            }
        }
        return outcomes;
    }
}
