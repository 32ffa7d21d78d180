package io.kycflow.aws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsTest {

    @Test
    void unsetOrBlankVariablesTakeTheirDefaults() {
        Settings settings = new Settings(Map.of("KYCFLOW_MONITORING_INTERVAL", " "));
        assertEquals(Duration.ofDays(1), settings.monitoringInterval());
        assertEquals(Duration.ofSeconds(5), settings.listCheckInterval());
        assertEquals("https://journey.kycflow.invalid/j", settings.journeyBaseUrl());
        assertEquals(64, settings.positiveNumber("KYCFLOW_LIST_MAX_BYTES", 64));
    }

    @Test
    void badValuesAreRefusedWithTheVariablesName() {
        Settings settings = new Settings(Map.of("A", "2 minutes", "B", "PT0S", "C", "-5", "D", "many"));
        assertEquals("A is not an ISO 8601 duration such as PT2M or P1D",
                assertThrows(IllegalStateException.class, () -> settings.duration("A", "PT1M")).getMessage());
        assertEquals("B must be a positive duration",
                assertThrows(IllegalStateException.class, () -> settings.duration("B", "PT1M")).getMessage());
        assertEquals("C must be a positive number",
                assertThrows(IllegalStateException.class, () -> settings.positiveNumber("C", 1)).getMessage());
        assertEquals("D is not a whole number",
                assertThrows(IllegalStateException.class, () -> settings.positiveNumber("D", 1)).getMessage());
        assertEquals("environment variable KYCFLOW_CALLBACK_QUEUE_URL is not set",
                assertThrows(IllegalStateException.class, settings::callbackQueueUrl).getMessage());
    }

    @Test
    void theCallbackAllowListLetsItsPrivateHostsThrough() {
        Settings settings = new Settings(Map.of("KYCFLOW_CALLBACK_ALLOWLIST", "127.0.0.1"));
        assertNull(settings.callbackGuard().refusal("http://127.0.0.1:9000/hook"));
        assertEquals("resolves to a private or reserved address",
                new Settings(Map.of()).callbackGuard().refusal("http://127.0.0.1:9000/hook"));
    }
}
