package io.kycflow.local;

import io.kycflow.aws.ListIngestion;
import io.kycflow.sanctions.ListFileSet;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * List files uploaded the way the refresh function and operators publish a list: one batch per list under
 * {@code lists/incoming/<folder>/<batch>/}, which the ingestion function validates and publishes once its last file
 * is there. Used by the local runtime's first start, the end-to-end tests and the monitoring benchmark.
 */
public final class ListBatches {
    private ListBatches() {
    }

    /** The list's files found in {@code listsDir/<folder>/}, by file name. */
    public static Map<String, byte[]> read(Path listsDir, ListFileSet set) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : set.files()) {
            Path path = listsDir.resolve(set.folder()).resolve(file);
            if (Files.isRegularFile(path)) {
                files.put(file, Files.readAllBytes(path));
            }
        }
        return files;
    }

    /** Uploads the files as one new batch of the list. */
    public static void upload(S3Client s3, String bucket, ListFileSet set, Map<String, byte[]> files) {
        String prefix = ListIngestion.batchPrefix(set, "local-" + System.nanoTime());
        files.forEach((file, bytes) -> s3.putObject(b -> b.bucket(bucket).key(prefix + file), RequestBody.fromBytes(bytes)));
    }

    /** A new OFAC release: the real files of {@code listsDir} with rows added to sdn.csv (CSV lines, no line end). */
    public static Map<String, byte[]> ofacWithRowsAdded(Path listsDir, String... rows) throws IOException {
        Map<String, byte[]> files = read(listsDir, ListFileSet.OFAC_SDN);
        byte[] real = files.get("sdn.csv");
        // the file ends with an end-of-file character (0x1A) after its last line: the new rows go before it
        int end = real.length > 0 && real[real.length - 1] == 0x1A ? real.length - 1 : real.length;
        ByteArrayOutputStream modified = new ByteArrayOutputStream();
        modified.write(real, 0, end);
        for (String row : rows) {
            modified.writeBytes((row + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        modified.writeBytes(Arrays.copyOfRange(real, end, real.length));
        files.put("sdn.csv", modified.toByteArray());
        return files;
    }
}
