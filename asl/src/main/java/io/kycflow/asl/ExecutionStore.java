package io.kycflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps state machines and executions as JSON files under a directory the host owns, so the local runtime picks
 * up where it was after a restart: each running execution is saved at every top-level state transition (state,
 * effective input, entry time) and when it ends. Files are replaced atomically; one file per ARN.
 */
public final class ExecutionStore {
    private final Path stateMachines;
    private final Path executions;

    /** Uses (and creates) {@code directory}/state-machines and {@code directory}/executions. */
    public ExecutionStore(Path directory) {
        this.stateMachines = directory.resolve("state-machines");
        this.executions = directory.resolve("executions");
        try {
            Files.createDirectories(stateMachines);
            Files.createDirectories(executions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the execution store in " + directory, e);
        }
    }

    void saveStateMachine(String arn, ObjectNode record) {
        write(stateMachines, arn, record);
    }

    List<JsonNode> loadStateMachines() {
        return readAll(stateMachines);
    }

    void saveExecution(String arn, ObjectNode record) {
        write(executions, arn, record);
    }

    List<JsonNode> loadExecutions() {
        return readAll(executions);
    }

    private static void write(Path directory, String arn, ObjectNode record) {
        Path target = directory.resolve(fileName(arn));
        try {
            Path temporary = Files.createTempFile(directory, ".write-", ".tmp");
            Files.writeString(temporary, Json.write(record), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + arn, e);
        }
    }

    private static List<JsonNode> readAll(Path directory) {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                records.add(Json.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        return records;
    }

    /** A hash keeps names short and free of the characters ARNs may contain. */
    private static String fileName(String arn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
