package io.kycflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTest {
    private static final String SAMPLE = "{\"s\":\"a\\\"b\\u00e9\\n\",\"i\":7,\"l\":12345678901,\"big\":123456789012345678901234567890,"
            + "\"d\":2.5,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{\"nested\":{\"x\":-1e-3}}}";

    @Test
    void readsAndWritesLikeJacksonsMapper() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode ours = Json.parse(SAMPLE);
        assertEquals(mapper.readTree(SAMPLE), ours);
        assertEquals(mapper.writeValueAsString(mapper.readTree(SAMPLE)), Json.write(ours));
        assertEquals(Json.write(ours), new String(Json.bytes(ours), StandardCharsets.UTF_8));
        assertEquals(ours, Json.parse(new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8))));
        assertTrue(ours.get("l").isLong());
        assertTrue(ours.get("big").isBigInteger());
    }

    @Test
    void refusesWhatIsNotOneJsonDocument() {
        for (String bad : new String[]{"", "   ", "{\"a\":", "{} {}", "[1,]", "{'a':1}", "nul"}) {
            assertThrows(Json.InvalidJsonException.class, () -> Json.parse(bad), bad);
        }
        assertThrows(Json.InvalidJsonException.class, () -> Json.parse("[".repeat(5000) + "]".repeat(5000)), "nesting is bounded");
    }
}
