package io.kycflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Data and waiting journeys survive a restart of the local runtime on the same data folder. */
class LocalRuntimeRestartTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aWaitingJourneyGoesOnAfterARestart(@TempDir Path dataDir) throws Exception {
        String key = "kf_restart-test";
        String journeyId;
        String token;
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, dataDir, key, null))) {
            ApiClient api = new ApiClient(runtime.apiUrl());
            JsonNode created = api.post("/journeys", key, "{\"userId\":\"restart\"}").body();
            journeyId = created.get("journeyId").asText();
            token = created.get("journeyToken").asText();
            assertEquals(200, api.post("/journeys/" + journeyId + "/consent", token, "{\"consent\":true}").status());
            api.await("/journeys/" + journeyId + "/status", token, s -> s.path("step").asText().equals("DOC_SELECTION"), TIMEOUT);
        }
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Config(0, dataDir, key, null))) {
            ApiClient api = new ApiClient(runtime.apiUrl());
            assertEquals("restart", api.get("/journeys/" + journeyId, key).body().get("userId").asText());
            assertEquals(200, api.post("/journeys/" + journeyId + "/document", token, "{\"country\":\"ESP\",\"idType\":\"PASSPORT\"}").status());
            JsonNode status = api.await("/journeys/" + journeyId + "/status", token,
                    s -> s.path("step").asText().equals("DOC_FRONT"), TIMEOUT);
            assertEquals("Waiting for the front of the document.", status.get("message").asText());
        }
    }
}
