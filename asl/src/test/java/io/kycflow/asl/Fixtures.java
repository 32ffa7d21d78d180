package io.kycflow.asl;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Helpers shared by the tests: JSON parsing and "run this definition to the end". */
final class Fixtures {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** Definitions' seconds run 100 times faster in tests. */
    static final double TIME_SCALE = 0.01;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private Fixtures() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /** Creates a state machine from {@code definition}, runs it with {@code input} and waits for the end. */
    static ExecutionInfo run(LocalStepFunctions sfn, String definition, String input) {
        String machine = sfn.createStateMachine(uniqueName("machine"), definition);
        String execution = sfn.startExecution(machine, null, input);
        ExecutionInfo info = sfn.awaitExecution(execution, Duration.ofSeconds(10));
        assertNotEquals(ExecutionStatus.RUNNING, info.status(), "execution did not finish in time");
        return info;
    }

    static JsonNode output(ExecutionInfo info) {
        return json(info.output());
    }

    /** A fresh runtime with the test time scale and the given extra configuration. */
    static LocalStepFunctions.Builder runtime() {
        return LocalStepFunctions.builder().timeScale(TIME_SCALE);
    }

    /** A real SDK client for a local endpoint (dummy credentials; requests are still SigV4-signed). */
    static SfnClient sfnClient(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
