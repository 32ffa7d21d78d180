package io.kycflow.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.json.Json;

import java.time.Instant;

/**
 * Structured one-line JSON logs. Callers pass identifiers and outcomes only: never names, images, tokens, keys or
 * request bodies.
 */
public final class Log {
    private Log() {
    }

    public static void info(String message, String... fields) {
        write("INFO", message, fields);
    }

    public static void warn(String message, String... fields) {
        write("WARN", message, fields);
    }

    /** Writes a line with alternating field names and values. */
    private static void write(String level, String message, String... fields) {
        ObjectNode line = Json.object().put("timestamp", Instant.now().toString()).put("level", level).put("message", message);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put(fields[i], fields[i + 1]);
        }
        System.out.println(Json.write(line));
    }
}
